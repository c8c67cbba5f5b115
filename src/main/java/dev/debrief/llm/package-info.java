/**
 * Grounded LLM answers: LangChain4j's chat models are used here and nowhere else (its embedding
 * classes are used only in {@code dev.debrief.embed}).
 *
 * <ul>
 *   <li>{@link dev.debrief.llm.LlmProviders} builds a chat model for {@code openai} (any
 *       OpenAI-compatible server), {@code anthropic} or {@code gemini} from {@code answer.*}
 *       settings and API keys taken from the environment only;
 *   <li>{@link dev.debrief.llm.LlmClient} runs one request under one time budget (retries
 *       included), honouring {@code Retry-After} on HTTP 429; {@link dev.debrief.llm.LlmFailures}
 *       classifies failures and {@link dev.debrief.llm.StreamedReply} collects a streamed reply;
 *   <li>{@link dev.debrief.llm.LlmComposer} prompts with numbered passages, keeps the prompt inside
 *       the context window and falls back to the extractive composer when the model fails;
 *   <li>{@link dev.debrief.llm.LlmBriefModel} is the digest's {@link dev.debrief.digest.BriefModel}
 *       over an {@code LlmClient}, so event briefs can be rewritten by the model while {@code
 *       digest} names no LLM library.
 * </ul>
 *
 * <p>Every reply goes through {@link dev.debrief.cite.CitationVerifier} (package {@code cite}),
 * which checks each cited sentence against the passage it cites and renumbers the citations.
 *
 * <p>Sources: LangChain4j 1.19 APIs ({@code dev.langchain4j.model.chat.ChatModel}, {@code
 * StreamingChatModel}, {@code dev.langchain4j.http.client.HttpClient}, {@code
 * dev.langchain4j.internal.ExceptionMapper}), read at https://github.com/langchain4j/langchain4j
 * (tag 1.19.0) and https://docs.langchain4j.dev; the OpenAI chat completions API
 * (https://platform.openai.com/docs/api-reference/chat), Anthropic Messages API
 * (https://docs.anthropic.com/en/api/messages) and Gemini generateContent API
 * (https://ai.google.dev/api/generate-content); {@code Retry-After} per RFC 9110 §10.2.3.
 */
package dev.debrief.llm;

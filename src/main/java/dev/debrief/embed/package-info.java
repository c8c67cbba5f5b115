/**
 * Text to vectors: {@link dev.debrief.embed.Embedder} and its in-process implementation {@link
 * dev.debrief.embed.OnnxEmbedder} (all-MiniLM-L6-v2, fp32 or quantized, run by ONNX Runtime through
 * LangChain4j). LangChain4j's embedding classes stay inside this package; its chat models are used
 * only in {@code dev.debrief.llm}.
 */
package dev.debrief.embed;

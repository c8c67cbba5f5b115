package dev.debrief.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.cite.CitationVerifier;
import dev.debrief.llm.LlmBriefModel;
import dev.debrief.llm.LlmClient;
import dev.debrief.model.Citation;
import dev.debrief.testing.TestClock;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LLM map-reduce path with an in-process fake chat model: verified citations, and fallback on
 * failure.
 */
class LlmBriefTest {
  private final java.util.concurrent.ExecutorService attempts =
      dev.debrief.llm.LlmClient.newAttemptPool();
  @TempDir Path tmp;
  TestClock clock;
  Corpus corpus;
  final List<String> prompts = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    clock = new TestClock("2027-03-26T08:00:00Z");
    corpus = new Corpus(tmp, clock);
    corpus.add("alpha.md", DigestServiceTest.ALPHA);
    corpus.add("beta.md", DigestServiceTest.BETA);
  }

  @AfterEach
  void tearDown() {
    attempts.shutdownNow();
    corpus.close();
  }

  /**
   * Quotes the first sentence of passage [1] with [1], and adds an invented sentence citing [2].
   */
  ChatModel quoting() {
    return new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        String user = "";
        for (ChatMessage m : request.messages()) {
          if (m instanceof UserMessage u) {
            user = u.singleText();
          }
        }
        prompts.add(user);
        Matcher m = Pattern.compile("(?m)^\\[1] [^\\n]*\\n([^.\\n]+\\.)").matcher(user);
        String quote = m.find() ? m.group(1).strip() : "Nothing.";
        String reply =
            quote.substring(0, quote.length() - 1)
                + " [1]. The moon landing was staged by penguins [2].";
        return ChatResponse.builder().aiMessage(AiMessage.from(reply)).build();
      }
    };
  }

  EventSummarizer summarizer(ChatModel model) {
    LlmClient client = new LlmClient("openai", "fake-model", model, null, clock, attempts);
    LlmBrief llm =
        new LlmBrief(
            new LlmBriefModel(client),
            new CitationVerifier(corpus.embedder),
            Duration.ofSeconds(5));
    return new EventSummarizer(corpus.catalog, corpus.embedder, corpus.links, llm);
  }

  @Test
  void mapReduceKeepsOnlyVerifiedSentencesAndRenumbersCitations() {
    EventSummary s = summarizer(quoting()).summarize("cloud days", null).summary().orElseThrow();
    assertEquals("openai", s.provider());
    assertEquals("fake-model", s.model());
    assertFalse(s.summary().contains("penguins"), s.summary());
    s.themes().forEach(t -> assertFalse(t.text().contains("penguins"), t.text()));
    // one map call per theme and one reduce call
    assertEquals(s.themes().size() + 1, prompts.size());
    assertTrue(
        prompts.get(prompts.size() - 1).contains("Theme notes:"), prompts.get(prompts.size() - 1));
    // citations numbered 1..n in order of first use, every marker resolves to a passage holding the
    // sentence
    for (int i = 0; i < s.citations().size(); i++) {
      assertEquals(i + 1, s.citations().get(i).n());
    }
    EventSummaryIT.assertCited(s.summary(), s.citations(), "cloud days");
    for (EventSummary.Theme t : s.themes()) {
      assertFalse(t.citations().isEmpty());
      EventSummaryIT.assertCited(t.text(), s.citations(), "cloud days");
      for (Citation c : t.citations()) {
        assertEquals(s.citations().get(c.n() - 1), c);
      }
    }
  }

  @Test
  void aFailingModelFallsBackToTheExtractiveBrief() {
    ChatModel broken =
        new ChatModel() {
          @Override
          public ChatResponse doChat(ChatRequest request) {
            throw new IllegalStateException("boom");
          }
        };
    EventSummary offline =
        new EventSummarizer(corpus.catalog, corpus.embedder, corpus.links, null)
            .summarize("cloud days", null)
            .summary()
            .orElseThrow();
    EventSummary s = summarizer(broken).summarize("cloud days", null).summary().orElseThrow();
    assertTrue(s.fallback());
    assertEquals(offline.summary(), s.summary());
    assertEquals(offline.themes(), s.themes());
    assertEquals("extractive", s.provider());
  }
}

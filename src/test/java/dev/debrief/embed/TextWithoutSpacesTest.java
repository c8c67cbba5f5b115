package dev.debrief.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.config.DebriefConfig;
import dev.debrief.index.Indexer;
import dev.debrief.ingest.ReportReader;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Chinese and Japanese paragraphs have no spaces: they are cut by characters, so every passage
 * stays within {@code ingest.passageMaxWords} characters and what is embedded stays within MiniLM's
 * 256-token input (longer input is truncated by the model, so the end of a passage would not count
 * in its vector). Token counts come from the WordPiece tokenizer LangChain4j ships with its BERT
 * models (the vocabulary MiniLM uses).
 */
class TextWithoutSpacesTest {
  /**
   * all-MiniLM-L6-v2 was trained with inputs of at most 256 tokens (its sentence-transformers
   * max_seq_length).
   */
  static final int MODEL_MAX_TOKENS = 256;

  static final String JAPANESE =
      "会議の二日目には、多くの講演者が本番環境でのクラスタ運用について話した。" + "あるチームは新しいスケジューラでコストを三分の一に減らしたと述べた。";
  static final String CHINESE = "第二天的主题是社区的经验。演讲者谈到了他们如何在生产环境中运行集群，以及发布出错时学到了什么。";

  private final DebriefConfig.Ingest settings = DebriefConfig.defaults().ingest;
  private final HuggingFaceTokenCountEstimator tokens = new HuggingFaceTokenCountEstimator();

  @Test
  void aLongJapaneseParagraphIsCutIntoPassagesWithinTheSizeAndTheTokenLimit() throws Exception {
    String paragraph = JAPANESE.repeat(80);
    assertTrue(paragraph.length() > 5_000);

    Report r = read("# 会議メモ\n\n" + paragraph + "\n");

    assertPassagesFit(r, paragraph);
  }

  @Test
  void chineseTextAndAMixWithEnglishWordsAreCutTheSameWay() throws Exception {
    String paragraph = (CHINESE + " Kubernetes 1.30 scheduler " + CHINESE).repeat(30);

    Report r = read("# 会议记录\n\n" + paragraph + "\n");

    assertPassagesFit(r, paragraph);
  }

  private Report read(String markdown) throws Exception {
    return new ReportReader(settings)
        .read("/r/notes.md", "notes.md", markdown.getBytes(StandardCharsets.UTF_8));
  }

  private void assertPassagesFit(Report r, String paragraph) {
    int chars = paragraph.replaceAll("\\s", "").length();
    assertTrue(
        r.passages().size() >= chars / settings.passageMaxWords, r.passages().size() + " passages");
    StringBuilder all = new StringBuilder();
    for (Passage p : r.passages()) {
      int length = p.text().replaceAll("\\s", "").length();
      assertTrue(
          length <= settings.passageMaxWords * 2,
          "passage " + p.id() + " has " + length + " characters");
      int t = tokens.estimateTokenCountInText(Indexer.embeddingText(r, p));
      assertTrue(t <= MODEL_MAX_TOKENS, "passage " + p.id() + " embeds as " + t + " tokens");
      all.append(p.text());
    }
    assertEquals(
        paragraph.replaceAll("\\s", ""),
        all.toString().replaceAll("\\s", ""),
        "nothing lost, nothing twice");
  }
}

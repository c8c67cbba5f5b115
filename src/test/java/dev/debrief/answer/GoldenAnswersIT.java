package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.debrief.cli.Wiring;
import dev.debrief.index.Indexer;
import dev.debrief.model.Answer;
import dev.debrief.model.Citation;
import dev.debrief.model.Question;
import dev.debrief.testing.TestCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden-file specification of the offline answers: one question per kind (fact, who said, synonym,
 * summary, comparison, unanswerable, absent edition, absent person, follow-up, number) over three
 * invented reports in {@code golden/reports}, with the real parser, index, ONNX model and composer.
 * The exact expected text is in {@code golden/answers.txt}, readable as a page of questions and
 * answers; run with {@code -Dgolden.update=true} to rewrite it, then read the diff.
 */
class GoldenAnswersIT {
  private static final String DIR = "/dev/debrief/answer/golden/";
  private static final Path SOURCE = Path.of("src/test/resources" + DIR);

  @TempDir static Path tmp;
  static Wiring wiring;

  @BeforeAll
  static void ingest() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    for (String name :
        List.of("harbor-summit-2024.md", "harbor-summit-2023.txt", "riverbank-devdays-2024.md")) {
      Files.writeString(docs.resolve(name), resource("reports/" + name));
    }
    wiring = TestCorpus.wiring(tmp.resolve("index"));
    wiring.indexer().ingestPaths(List.of(docs), false, Indexer.Progress.NONE);
  }

  @AfterAll
  static void close() {
    wiring.close();
  }

  @Test
  void answersMatchTheGoldenFile() throws IOException {
    StringBuilder out = new StringBuilder();
    Answer previous = null;
    List<String> history = new ArrayList<>();
    for (String line : resource("questions.txt").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String kind = line.substring(0, colon).trim();
      String text = line.substring(colon + 1).trim();
      Question q;
      if (kind.equals("then") && previous != null) {
        q = new Question(text, List.copyOf(history), null, Question.Turn.of(previous));
      } else {
        history.clear();
        q = Question.of(text);
      }
      Answer a = wiring.answerer().answer(q);
      history.add(text);
      previous = a;
      out.append(render(kind, a));
    }
    String actual = out.toString();
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(SOURCE.resolve("answers.txt"), actual);
    }
    assertEquals(resource("answers.txt"), actual);
  }

  /**
   * One case as the golden file shows it: kind and question, the answer's text, then its sources.
   */
  static String render(String kind, Answer a) {
    StringBuilder s = new StringBuilder();
    s.append("## ").append(kind).append(": ").append(a.question()).append('\n');
    s.append(a.answered() ? "answered" : "not answered").append('\n');
    s.append(a.text().strip()).append('\n');
    for (Citation c : a.citations()) {
      s.append("[")
          .append(c.n())
          .append("] ")
          .append(c.title())
          .append(" > ")
          .append(c.section())
          .append('\n');
    }
    return s.append('\n').toString();
  }

  private static String resource(String name) throws IOException {
    if (Boolean.getBoolean("golden.update") && name.equals("answers.txt")) {
      return Files.readString(SOURCE.resolve(name));
    }
    try (InputStream in = GoldenAnswersIT.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IOException("missing test resource " + DIR + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

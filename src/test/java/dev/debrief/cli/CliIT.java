package dev.debrief.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.debrief.testing.TestCorpus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's stable interfaces: JSON shapes, exit codes, empty-index behaviour. */
class CliIT {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static synchronized Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void emptyIndexIsFriendlyAndExitsZero() {
    String ix = tmp.resolve("nothing").toString();
    Run ask = run("--index", ix, "ask", "what happened?");
    assertEquals(0, ask.code());
    assertTrue(
        ask.out()
            .startsWith(
                "No reports ingested yet in " + tmp.resolve("nothing").toAbsolutePath() + ". Run:"),
        ask.out());
    Run search = run("--index", ix, "search", "--json", "anything");
    assertEquals(0, search.code());
    assertEquals("[]", search.out().strip());
    assertTrue(
        search.err().contains(tmp.resolve("nothing").toAbsolutePath().toString()), search.err());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run("ingest").code());
    assertEquals(2, run("search", "--k", "many", "x").code());
    assertEquals(2, run("no-such-command").code());
  }

  @Test
  void unknownConfigKeyIsNamed() throws Exception {
    Path cfg = tmp.resolve("bad.json");
    Files.writeString(cfg, "{\"answer\": {\"providr\": \"x\"}}");
    Run r = run("--config", cfg.toString(), "--index", tmp.resolve("i").toString(), "ask", "q");
    assertEquals(3, r.code());
    assertTrue(r.err().contains("unknown key \"answer.providr\""), r.err());
  }

  @Test
  void ingestSearchAskJsonShapesAndExitCodes() throws Exception {
    Path docs = TestCorpus.write(tmp.resolve("docs"));
    Files.writeString(docs.resolve("broken.pdf"), "not a pdf at all");
    String ix = tmp.resolve("index").toString();
    Run ingest = run("--index", ix, "ingest", docs.toString());
    assertEquals(1, ingest.code(), "one input failed: " + ingest.err());
    assertTrue(ingest.err().contains("broken.pdf"), ingest.err());
    assertTrue(ingest.out().startsWith("ingested 3 new"), ingest.out());

    Run search =
        run("--index", ix, "search", "--k", "2", "--json", "scheduler (filtering) AND \"scoring\"");
    assertEquals(0, search.code(), search.err());
    JsonArray hits = JsonParser.parseString(search.out()).getAsJsonArray();
    assertEquals(2, hits.size());
    assertEquals(
        Set.of(
            "passageId",
            "reportId",
            "title",
            "event",
            "date",
            "section",
            "headingPath",
            "anchor",
            "url",
            "text",
            "score"),
        hits.get(0).getAsJsonObject().keySet());
    assertEquals("Scheduler deep dive", hits.get(0).getAsJsonObject().get("title").getAsString());

    Run ask =
        run(
            "--index",
            ix,
            "ask",
            "--json",
            "How many attendees did the closing keynote celebrate?");
    assertEquals(0, ask.code(), ask.err());
    JsonObject a = JsonParser.parseString(ask.out()).getAsJsonObject();
    assertTrue(a.get("answered").getAsBoolean(), ask.out());
    assertTrue(a.get("answer").getAsString().contains("1500"), ask.out());
    assertTrue(a.get("answer").getAsString().contains("[1]"), ask.out());
    JsonObject c = a.getAsJsonArray("citations").get(0).getAsJsonObject();
    assertEquals(
        Set.of("n", "reportId", "title", "section", "url", "passageId", "quote"), c.keySet());
    assertEquals("Closing keynote recap", c.get("title").getAsString());
    assertEquals("extractive", a.get("provider").getAsString());
    assertEquals(false, a.get("fallback").getAsBoolean());

    Run future = run("--index", ix, "ask", "--since", "2999-01-01", "what about the scheduler?");
    assertEquals(0, future.code(), future.err());
    assertEquals(
        "No passage of a report dated 2999-01-01 or later matches that. Ask without the date"
            + " filter, or with an earlier date.",
        future.out().strip());

    Path batch = tmp.resolve("q.jsonl");
    Files.writeString(
        batch, "{\"question\": \"who talked about snapshots?\"}\nwhat about the scheduler?\n\n");
    Run b = run("--index", ix, "ask", "--batch", batch.toString());
    assertEquals(0, b.code(), b.err());
    String[] lines = b.out().strip().split("\n");
    assertEquals(2, lines.length);
    assertEquals(
        "who talked about snapshots?",
        JsonParser.parseString(lines[0]).getAsJsonObject().get("question").getAsString());
  }
}

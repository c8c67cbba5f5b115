package dev.debrief.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.debrief.testing.TestCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code debrief digest} and {@code debrief summarize}: output, JSON shapes, exit codes, the ingest
 * log.
 */
class DigestCliIT {
  @TempDir Path tmp;

  @Test
  void digestAndSummarizeOverAFreshIndex() throws Exception {
    String ix = tmp.resolve("index").toString();
    Run empty = run("--index", ix, "digest");
    assertEquals(0, empty.code());
    assertTrue(
        empty
            .out()
            .startsWith("No reports ingested yet in " + tmp.resolve("index").toAbsolutePath()),
        empty.out());

    Path docs = TestCorpus.write(tmp.resolve("docs"));
    Files.write(
        docs.resolve("broken.pdf"), new byte[] {'n', 'o', 't', ' ', 'a', ' ', 'p', 'd', 'f'});
    Run ingest = run("--index", ix, "ingest", docs.toString());
    assertEquals(1, ingest.code(), ingest.err());

    Run text = run("--index", ix, "digest", "--since", "7d");
    assertEquals(0, text.code(), text.err());
    assertTrue(
        text.out()
            .strip()
            .endsWith("3 reports, 6 sections; 1 file could not be parsed: broken.pdf"),
        text.out());
    assertTrue(text.out().contains("Cloud Days 2024"), text.out());

    JsonObject json =
        JsonParser.parseString(run("--index", ix, "digest", "--json").out()).getAsJsonObject();
    assertEquals(3, json.getAsJsonObject("coverage").get("reports").getAsInt());
    assertEquals(
        "broken.pdf",
        json.getAsJsonObject("coverage").getAsJsonArray("failed").get(0).getAsString());

    Run oneEvent = run("--index", ix, "digest", "--event", "data summit", "--json");
    JsonObject o = JsonParser.parseString(oneEvent.out()).getAsJsonObject();
    assertEquals("Data Summit 2023", o.get("event").getAsString());
    assertEquals(1, o.getAsJsonObject("coverage").get("reports").getAsInt());

    Run brief = run("--index", ix, "summarize", "cloud", "days", "--json");
    assertEquals(0, brief.code(), brief.err());
    JsonObject b = JsonParser.parseString(brief.out()).getAsJsonObject();
    assertEquals("Cloud Days 2024", b.get("event").getAsString());
    assertEquals(2, b.getAsJsonObject("coverage").get("reports").getAsInt());
    // two one-section reports: the lead gives one cited point per report; no theme is named
    // after a topic no statement is about
    assertEquals(2, b.getAsJsonArray("lead").size(), brief.out());
    assertEquals(
        "Scheduler deep dive",
        b.getAsJsonArray("lead").get(0).getAsJsonObject().get("title").getAsString());
    assertEquals(2, b.getAsJsonArray("citations").size(), brief.out());

    Run text2 = run("--index", ix, "summarize", "Cloud Days 2024");
    assertTrue(text2.out().startsWith("Cloud Days 2024 — event summary"), text2.out());

    Run unknown = run("--index", ix, "summarize", "kubecon");
    assertEquals(2, unknown.code());
    assertEquals(
        "debrief: I don't know an event called \"kubecon\". Known events: Cloud Days 2024; Data Summit 2023.",
        unknown.err().strip());
    assertEquals(2, run("--index", ix, "digest", "--event", "🙂").code());
    Run badSince = run("--index", ix, "digest", "--since", "yesterday");
    assertEquals(2, badSince.code());
    assertTrue(
        badSince.err().contains("--since takes 24h, 7d, 90m, 2w or a date yyyy-MM-dd"),
        badSince.err());
    Run future = run("--index", ix, "digest", "--since", "2999-01-01");
    assertEquals(2, future.code());
    assertEquals("debrief: --since 2999-01-01 is in the future", future.err().strip());
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CliIT.Run r = CliIT.run(args);
    return new Run(r.code(), r.out(), r.err());
  }
}

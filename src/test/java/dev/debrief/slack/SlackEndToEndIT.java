package dev.debrief.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.debrief.cli.Wiring;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.IngestResult;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with the real core: tiny literal reports ingested into a real Lucene index (MiniLM
 * vectors + BM25) in a temp dir, the real answerer (hybrid retrieval + extractive summarizer), real
 * Bolt over HTTP, and the fake Slack Web API. The citation link of the answer is then opened on the
 * viewer.
 */
class SlackEndToEndIT {
  @TempDir Path dir;
  Wiring wiring;
  Harness h;
  String keynoteId;

  static final String KEYNOTE =
      """
      ---
      title: "KubeCon Day One"
      event: "KubeCon EU 2017"
      date: 2017-03-29
      author: "Ada Lovelace"
      ---

      # KubeCon Day One

      ## Keynote

      The opening keynote showed a live demo of the new pod scheduler. The scheduler now places pods by \
      topology so that latency sensitive workloads stay close to their storage. The room was full and the demo \
      worked on the first try, which the audience applauded.

      Later the keynote speakers announced that the scheduler work graduates to beta in the next release.

      ## Hallway track

      People talked about conference wifi & coffee (rated 5 < 6) more than about talks.
      """;
  static final String STORAGE =
      """
      ---
      title: "Storage Track Notes"
      event: "KubeCon EU 2017"
      date: 2017-03-30
      author: "Grace Hopper"
      ---

      # Storage Track Notes

      ## Snapshots

      The storage track covered CSI drivers and volume snapshots. Several vendors showed snapshot restore times \
      for large volumes, and operators asked many questions about backup policies for stateful sets.
      """;

  @BeforeEach
  void start() throws Exception {
    DebriefConfig config = DebriefConfig.defaults();
    config.web.publicBaseUrl = "http://viewer.test";
    wiring = new Wiring(config, dir.resolve("index"), Clock.systemUTC());
    IngestResult a =
        wiring
            .indexer()
            .ingestBytes(
                dir + "/keynote.md", "keynote.md", KEYNOTE.getBytes(StandardCharsets.UTF_8));
    IngestResult b =
        wiring
            .indexer()
            .ingestBytes(
                dir + "/storage.md", "storage.md", STORAGE.getBytes(StandardCharsets.UTF_8));
    assertTrue(a.failures().isEmpty() && b.failures().isEmpty(), a + " " + b);
    keynoteId =
        wiring.catalog().list().stream()
            .filter(r -> r.source().endsWith("keynote.md"))
            .findFirst()
            .orElseThrow()
            .id();
    h = new Harness(wiring.answerer(), wiring.catalog(), dir);
  }

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
    wiring.close();
  }

  @Test
  void aGroupDmMentionIsAnsweredInItsThreadAndOtherGroupDmMessagesAreLeftAlone() throws Exception {
    h.event(
        h.nextEventId(),
        Harness.message("GMPIM1", "mpim", "88.1", null, "UASKER", "lunch at noon, anyone?"));
    h.event(
        h.nextEventId(),
        Harness.message(
            "GMPIM1",
            "mpim",
            "88.2",
            null,
            "UASKER",
            "<@UDEBRIEF> What did the keynote demo about the pod scheduler?"));
    h.idle();
    List<FakeSlack.Message> ms = h.slack.messagesIn("GMPIM1");
    assertEquals(1, ms.size(), "only the mention is answered");
    assertEquals("88.2", ms.get(0).threadTs);
    assertTrue(ms.get(0).blocks.contains("KubeCon Day One"), ms.get(0).blocks);
  }

  @Test
  void mentionIsAnsweredFromTheRealIndexWithViewerCitations() throws Exception {
    h.event(
        h.nextEventId(),
        Harness.mention(
            "CE2E",
            "77.1",
            null,
            "UASKER",
            "<@UDEBRIEF> What did the keynote demo about the pod scheduler?"));
    h.idle();
    List<FakeSlack.Message> ms = h.slack.messagesIn("CE2E");
    assertEquals(1, ms.size());
    FakeSlack.Message m = ms.get(0);
    assertEquals("77.1", m.threadTs);
    assertEquals(1, m.updates);
    StringBuilder text = new StringBuilder();
    for (JsonElement el : JsonParser.parseString(m.blocks).getAsJsonArray()) {
      JsonObject o = el.getAsJsonObject();
      if (o.has("text") && o.get("text").isJsonObject()) {
        text.append(o.getAsJsonObject("text").get("text").getAsString()).append('\n');
      }
    }
    String all = text.toString();
    assertTrue(all.contains("scheduler"), all);
    assertTrue(all.contains("[1]"), "answer carries citation markers: " + all);
    Matcher link =
        Pattern.compile("<http://viewer\\.test(/reports/" + keynoteId + "\\?p=([^|#>]+)[^|>]*)\\|")
            .matcher(all);
    assertTrue(link.find(), "a source links to the keynote report on the viewer: " + all);
    String passageId = link.group(2);
    assertTrue(
        wiring.catalog().findReport(keynoteId).orElseThrow().passages().stream()
            .anyMatch(p -> p.id().equals(passageId)),
        "the cited passage exists");
    HttpResponse<String> page = h.get(link.group(1).replace("&amp;", "&"));
    assertEquals(200, page.statusCode());
    assertTrue(
        page.body().contains("class=\"passage highlight\" id=\"" + passageId + "\""), page.body());
    assertTrue(
        page.body().contains("id=\"keynote\">Keynote</h"), "section heading carries its anchor");
    assertTrue(
        page.body().contains("wifi &amp; coffee (rated 5 &lt; 6)"),
        "report text escaped on the page");
    assertTrue(all.contains("KubeCon Day One — "), "source label is title — section: " + all);
    // A follow-up without a mention is answered in the same thread, shaped by the first question.
    h.event(
        h.nextEventId(),
        Harness.message("CE2E", "channel", "77.2", "77.1", "UASKER", "and what about storage?"));
    h.idle();
    assertEquals(2, h.slack.messagesIn("CE2E").size());
    assertTrue(
        h.slack.messagesIn("CE2E").get(1).blocks.contains("Storage track notes")
            || h.slack.messagesIn("CE2E").get(1).blocks.contains("storage"),
        h.slack.messagesIn("CE2E").get(1).blocks);
    // /digest over the real catalog: both reports, with links to their sections.
    h.command("/digest", "KubeCon EU 2017", "CE2E", "e2e-digest");
    h.idle();
    String digest = h.slack.responses.get(h.slack.responses.size() - 1).toString();
    assertTrue(digest.contains("reports about KubeCon EU 2017* (2)"), digest);
    assertTrue(
        digest.contains("#snapshots|Snapshots>") && digest.contains("#keynote|Keynote>"), digest);
    assertTrue(digest.contains("by Ada Lovelace"), digest);
  }
}

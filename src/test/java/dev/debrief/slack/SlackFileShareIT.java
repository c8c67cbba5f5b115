package dev.debrief.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import dev.debrief.access.SignedLinks;
import dev.debrief.cli.Wiring;
import dev.debrief.config.DebriefConfig;
import dev.debrief.intake.ReportIntake;
import dev.debrief.testing.TestCorpus;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports added from Slack against the fake Slack (files.info, a file download endpoint that wants
 * the bot token, conversations.members) and a real index: a file shared in a DM is ingested and
 * answers the next question; a file added "this channel only" is cited in its channel with a signed
 * viewer link, never in another channel or a non-member's DM; the viewer refuses it without a valid
 * signature.
 */
class SlackFileShareIT {
  static final String SECRET = "file-share-test-secret-0123456789abcdef";
  static final String HERON =
      """
      ---
      title: Heron launch notes
      event: Planning Week 2026
      ---
      # Heron launch notes

      ## Timeline

      Project Heron launches in October after a two month beta with twelve design partners. The beta starts
      in August and the design partners get weekly builds.
      """;
  static final String LEDGER =
      """
      # Ledger on-call review

      ## Pages

      The ledger on-call rotation received ninety pages in March, mostly from a flapping disk alert on the
      primary database. The team replaced the alert with a burn-rate alert.
      """;

  @TempDir Path dir;
  Wiring wiring;
  Harness h;
  HttpServer web;

  @BeforeEach
  void start() throws Exception {
    DebriefConfig config = DebriefConfig.defaults();
    config.web.publicBaseUrl = "http://viewer.test";
    config.access.uploadsFile = dir.resolve("uploads.json").toString();
    config.access.allowHosts = List.of("127.0.0.1");
    config.access.maxDownloadBytes = 100_000;
    wiring =
        new Wiring(config, dir.resolve("index"), Clock.systemUTC())
            .withEnv(Map.of(SignedLinks.ENV, SECRET));
    FakeSlack slack = new FakeSlack();
    slack.files.put(
        "F0HERON",
        new FakeSlack.FakeFile(
            "F0HERON", "heron-notes.md", "text/markdown", HERON.getBytes(StandardCharsets.UTF_8)));
    slack.files.put(
        "F0HERON2",
        new FakeSlack.FakeFile(
            "F0HERON2", "heron-copy.md", "text/markdown", HERON.getBytes(StandardCharsets.UTF_8)));
    slack.files.put(
        "F0LEDGER",
        new FakeSlack.FakeFile(
            "F0LEDGER", "ledger.md", "text/markdown", LEDGER.getBytes(StandardCharsets.UTF_8)));
    slack.files.put(
        "F0DOCX",
        new FakeSlack.FakeFile(
            "F0DOCX",
            "plan.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            new byte[] {'P', 'K', 3, 4}));
    slack.files.put(
        "F0BIG", new FakeSlack.FakeFile("F0BIG", "big.md", "text/markdown", new byte[200_000]));
    slack.members.put("CPRIV", List.of("UANA", "UBEN"));
    h =
        new Harness(
            wiring.answerer(),
            wiring.catalog(),
            dir,
            slack,
            s -> s.withIntake(wiring.intake()).withSignedLinks(wiring.signedLinks()));
  }

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
    if (web != null) {
      web.stop(0);
    }
    wiring.close();
  }

  private static JsonObject fileShare(
      String channel, String channelType, String ts, String user, String text, String... fileIds) {
    JsonObject e = Harness.message(channel, channelType, ts, null, user, text);
    e.addProperty("subtype", "file_share");
    e.add("files", files(fileIds));
    return e;
  }

  private static JsonObject mentionWithFiles(
      String channel, String ts, String user, String text, String... fileIds) {
    JsonObject e = Harness.mention(channel, ts, null, user, text);
    e.add("files", files(fileIds));
    return e;
  }

  private static JsonArray files(String... ids) {
    JsonArray a = new JsonArray();
    for (String id : ids) {
      JsonObject f = new JsonObject();
      f.addProperty("id", id);
      a.add(f);
    }
    return a;
  }

  private String ask(String channel, String type, String ts, String user, String text)
      throws Exception {
    int before = h.slack.messagesIn(channel).size();
    JsonObject e =
        type == null
            ? Harness.mention(channel, ts, null, user, "<@UDEBRIEF> " + text)
            : Harness.message(channel, type, ts, null, user, text);
    h.event(h.nextEventId(), e);
    h.idle();
    List<FakeSlack.Message> ms = h.slack.messagesIn(channel);
    assertEquals(before + 1, ms.size(), "one answer");
    return ms.get(ms.size() - 1).blocks;
  }

  private String response(String id) {
    return h.slack.responses.stream()
        .filter(r -> r.get("_path").getAsString().equals("/response/" + id))
        .reduce((a, b) -> b)
        .orElseThrow()
        .get("text")
        .getAsString();
  }

  @Test
  void dmFileShareIsIngestedAndAnswersTheNextQuestion() throws Exception {
    assertEquals(
        200, h.event(h.nextEventId(), fileShare("D0ANA", "im", "100.1", "UANA", "", "F0HERON")));
    h.idle();
    String heron = TestCorpus.idOf(wiring, "slack:F0HERON");
    List<FakeSlack.Message> ms = h.slack.messagesIn("D0ANA");
    assertEquals(1, ms.size());
    assertEquals(
        ":white_check_mark: Added *Heron launch notes* (Planning Week 2026) — 2 sections, 1 passage. "
            + "<http://viewer.test/reports/"
            + heron
            + "|View it>\nEveryone can use it. To keep it in this "
            + "conversation, share it again with “this channel only”.",
        ms.get(0).text);
    assertEquals(List.of("F0HERON Bearer " + FakeSlack.BOT_TOKEN), h.slack.downloads);
    assertEquals("UANA", wiring.uploads().find("slack:F0HERON").orElseThrow().userId());

    String answer = ask("D0ANA", "im", "100.2", "UANA", "When does Project Heron launch?");
    assertTrue(answer.contains("October"), answer);
    assertTrue(answer.contains("http://viewer.test/reports/" + heron + "?p="), answer);
    assertFalse(answer.contains("sig="), "an unrestricted report's link is not signed: " + answer);
    // Anyone may now ask about it in any channel.
    assertTrue(
        ask("CGENERAL", null, "100.3", "UZOE", "When does Project Heron launch?").contains(heron));
  }

  @Test
  void theSameFileSharedByTwoPeopleIsOneReportAndEachCanRemoveOnlyTheirCopy() throws Exception {
    h.event(h.nextEventId(), fileShare("D0ANA", "im", "150.1", "UANA", "", "F0HERON"));
    h.idle();
    h.event(h.nextEventId(), fileShare("D0BEN", "im", "150.2", "UBEN", "", "F0HERON2"));
    h.idle();
    String heron = TestCorpus.idOf(wiring, "slack:F0HERON");

    assertEquals(
        ":information_source: Already indexed as *Heron launch notes* (Planning Week 2026); added"
            + " *heron-copy.md* as another source of it — 2 sections, 1 passage. <http://viewer.test/reports/"
            + heron
            + "|View it>\nEveryone can use it. To keep it in this conversation, share it again with “this channel only”.",
        h.slack.messagesIn("D0BEN").get(0).text);
    assertEquals(1, wiring.catalog().list().size());
    h.command("/debrief", "remove Heron launch notes", "D0BEN", "rm1", "UBEN");
    h.idle();
    assertEquals(
        ":wastebasket: Removed slack:F0HERON2 from \"Heron launch notes\"; it stays indexed from 1 other"
            + " source.",
        response("rm1"));
    assertEquals(List.of("slack:F0HERON"), wiring.catalog().list().get(0).sources());
  }

  @Test
  void thisChannelOnlyKeepsTheReportInItsChannel() throws Exception {
    h.event(
        h.nextEventId(),
        mentionWithFiles(
            "CPRIV", "200.1", "UANA", "<@UDEBRIEF> add this, this channel only", "F0LEDGER"));
    h.idle();
    String ledger = TestCorpus.idOf(wiring, "slack:F0LEDGER");
    FakeSlack.Message added = h.slack.messagesIn("CPRIV").get(0);
    assertEquals("200.1", added.threadTs);
    Matcher viewer =
        Pattern.compile(
                "<http://viewer\\.test(/reports/"
                    + ledger
                    + "\\?exp=(\\d+)&amp;sig=([A-Za-z0-9_-]{43}))\\|View it>")
            .matcher(added.text);
    assertTrue(viewer.find(), added.text);
    assertTrue(
        added.text.startsWith(
            ":white_check_mark: Added *Ledger on-call review* — 2 sections, 1 passage. "),
        added.text);
    assertTrue(added.text.endsWith("\nOnly this conversation can use it."), added.text);
    assertEquals(
        List.of("CPRIV"), wiring.catalog().findReport(ledger).orElseThrow().meta().channels());
    assertEquals(
        1, h.slack.messagesIn("CPRIV").size(), "\"add this\" is not a question: no answer");

    String q = "How many pages did the ledger on-call rotation get in March?";
    String other = ask("COTHER", null, "201.1", "UANA", q);
    assertFalse(other.contains(ledger) || other.contains("ninety"), other);
    String inChannel = ask("CPRIV", null, "201.2", "UBEN", q);
    assertTrue(inChannel.contains("ninety"), inChannel);
    Matcher cited =
        Pattern.compile(
                "http://viewer\\.test(/reports/"
                    + ledger
                    + "\\?p=[^&|]+&amp;exp=\\d+&amp;sig=[A-Za-z0-9_-]{43})")
            .matcher(inChannel);
    assertTrue(cited.find(), inChannel);
    assertFalse(ask("D0ZOE", "im", "201.3", "UZOE", q).contains(ledger), "not a member of CPRIV");
    assertTrue(ask("D0ANA", "im", "201.4", "UANA", q).contains(ledger), "a member of CPRIV");
    assertTrue(h.slack.calls("conversations.members").size() >= 1);

    // The viewer: 403 without a valid signature, 200 with the link from the answer.
    assertEquals(403, h.get("/reports/" + ledger).statusCode());
    HttpResponse<String> page = h.get(cited.group(1).replace("&amp;", "&"));
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("ninety pages"), page.body());
    assertEquals(200, h.get(viewer.group(1).replace("&amp;", "&")).statusCode());
    String exp = viewer.group(2);
    String sig = viewer.group(3);
    String tampered = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);
    assertEquals(
        403, h.get("/reports/" + ledger + "?exp=" + exp + "&sig=" + tampered).statusCode());
    assertEquals(
        403,
        h.get("/reports/" + ledger + "?exp=" + (Long.parseLong(exp) + 1) + "&sig=" + sig)
            .statusCode());
    long past = System.currentTimeMillis() / 1000 - 10;
    assertEquals(
        403,
        h.get(
                "/reports/"
                    + ledger
                    + "?exp="
                    + past
                    + "&sig="
                    + wiring.signedLinks().sign(ledger, past))
            .statusCode(),
        "expired");
    HttpResponse<String> forbidden = h.get("/reports/" + ledger);
    assertFalse(forbidden.body().contains("Ledger"), "the 403 page does not name the report");
    assertFalse(
        h.get("/reports").body().contains("Ledger on-call review"),
        "restricted reports are not listed");

    // /debrief reports lists it only where it may be used; /debrief remove only for its uploader or
    // an admin.
    assertFalse(h.command("/debrief", "reports", "COTHER", "r1").body().contains("Ledger"));
    assertTrue(
        h.command("/debrief", "reports", "CPRIV", "r2").body().contains("Ledger on-call review"));
    h.command("/debrief", "remove Ledger on-call review", "COTHER", "rm1", "UANA");
    h.command("/debrief", "remove Ledger on-call review", "CPRIV", "rm2", "UBEN");
    h.idle();
    assertEquals(
        ":warning: No report matches \"Ledger on-call review\". `/debrief reports` lists them.",
        response("rm1"));
    assertEquals(
        ":warning: Only the person who added \"Ledger on-call review\" or an admin can remove it.",
        response("rm2"));
    h.command("/debrief", "remove ledger on-call review", "CPRIV", "rm3", "UANA");
    h.idle();
    assertEquals(
        ":wastebasket: Removed \"Ledger on-call review\" (" + ledger + ").", response("rm3"));
    assertTrue(wiring.catalog().findReport(ledger).isEmpty());
  }

  @Test
  void unsupportedAndOversizeFilesGetAReasonAndTheQuestionIsStillAnswered() throws Exception {
    h.event(h.nextEventId(), fileShare("D0ANA", "im", "300.1", "UANA", "", "F0HERON"));
    h.idle();
    h.event(
        h.nextEventId(),
        mentionWithFiles(
            "CGENERAL",
            "300.2",
            "UANA",
            "<@UDEBRIEF> when does the Heron beta start?",
            "F0DOCX",
            "F0BIG"));
    h.idle();
    List<FakeSlack.Message> ms = h.slack.messagesIn("CGENERAL");
    assertEquals(2, ms.size(), "the file result, then the answer");
    assertEquals(
        ":warning: I couldn't add *plan.xlsx*: I can't read .xlsx files (plan.xlsx). I can read "
            + ReportIntake.SUPPORTED
            + ".\n"
            + ":warning: I couldn't add *big.md*: big.md is 195 KiB; the limit is 98 KiB (access.maxDownloadBytes).",
        ms.get(0).text);
    assertTrue(ms.get(1).blocks.contains("August"), ms.get(1).blocks);
    assertEquals("300.2", ms.get(1).threadTs);
    assertEquals(
        List.of("F0HERON Bearer " + FakeSlack.BOT_TOKEN),
        h.slack.downloads,
        "nothing else downloaded");
  }

  @Test
  void debriefAddUrl() throws Exception {
    web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    web.createContext(
        "/",
        ex -> {
          byte[] b =
              ("<html><head><title>Osprey recap</title></head><body><h1>Osprey recap</h1><h2>Talks</h2>"
                      + "<p>The Osprey talk explained how the team cut build times in half with remote caching.</p></body></html>")
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          ex.sendResponseHeaders(200, b.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
          }
        });
    web.start();
    String url = "http://127.0.0.1:" + web.getAddress().getPort() + "/blog/osprey";
    HttpResponse<String> ack = h.command("/debrief", "add <" + url + ">", "CGENERAL", "add1");
    assertTrue(ack.body().contains("Fetching and indexing"), ack.body());
    h.command("/debrief", "add http://10.0.0.7/wiki", "CGENERAL", "add2");
    h.command("/debrief", "add gopher://127.0.0.1:70/x", "CGENERAL", "add3");
    h.idle();
    String id = TestCorpus.idOf(wiring, url);
    assertEquals(
        ":white_check_mark: Added *Osprey recap* — 2 sections, 1 passage. <http://viewer.test/reports/"
            + id
            + "|View it>\nEveryone can use it. To keep it in this conversation, share it again with “this channel only”.",
        response("add1"));
    assertEquals(
        ":warning: I couldn't add http://10.0.0.7/wiki: refused: 10.0.0.7 is a private address.",
        response("add2"));
    assertEquals(
        ":warning: I couldn't add gopher://127.0.0.1:70/x: refused: only http and https URLs can be fetched,"
            + " not gopher:.",
        response("add3"));
    assertEquals(url, wiring.catalog().findReport(id).orElseThrow().meta().url());
    assertTrue(
        ask("CGENERAL", null, "400.1", "UANA", "How did the Osprey team cut build times?")
            .contains(url + "#:~:text="),
        "citations link to the live page");
  }
}

package dev.debrief.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.testing.ManualScheduler;
import dev.debrief.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled digests driven by a test clock: DST in Europe/Berlin, restart and catch-up, no gaps, no
 * repeats.
 */
class DigestSchedulerTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @TempDir Path tmp;
  TestClock clock;
  Corpus corpus;
  DigestService service;
  Path file;
  final List<Posted> posted = new ArrayList<>();
  final List<String> logged = new ArrayList<>();

  record Posted(String channel, Instant from, Instant to, List<String> titles) {}

  @BeforeEach
  void setUp() throws Exception {
    clock = new TestClock("2027-03-26T12:00:00Z");
    corpus = new Corpus(tmp, clock);
    service = new DigestService(corpus.catalog, corpus.embedder, corpus.links, null, clock);
    file = tmp.resolve("index").resolve("subscriptions.json");
  }

  @AfterEach
  void tearDown() {
    corpus.close();
  }

  DigestScheduler scheduler(DigestSubscriptions subs) {
    return new DigestScheduler(
        subs, service, this::record, clock, Duration.ofMinutes(10), Duration.ZERO, logged::add);
  }

  void record(String channel, Digest d) {
    posted.add(
        new Posted(
            channel,
            d.from(),
            d.to(),
            d.events().stream()
                .flatMap(g -> g.reports().stream())
                .map(Digest.ReportDigest::title)
                .toList()));
  }

  void addReport(String name, String at) throws Exception {
    clock.set(at);
    corpus.add(
        name + ".md",
        Corpus.report(
            name,
            "Cloud Days 2027",
            "2027-03-01",
            "Ana",
            "## Notes\n\nThe talk about "
                + name
                + " covered scheduling and storage in depth. It was well received.\n"));
  }

  @Test
  void nextRunKeepsLocalTimeAcrossBothDstChanges() {
    LocalTime nine = LocalTime.of(9, 0);
    // spring forward: Sunday 28 March 2027, 02:00 CET -> 03:00 CEST
    assertEquals(
        Instant.parse("2027-03-27T08:00:00Z"),
        DigestScheduler.nextRun(nine, BERLIN, Instant.parse("2027-03-26T08:00:00Z")));
    assertEquals(
        Instant.parse("2027-03-28T07:00:00Z"),
        DigestScheduler.nextRun(nine, BERLIN, Instant.parse("2027-03-27T08:00:00Z")));
    // a time inside the gap runs once, shifted by the gap: 02:30 -> 03:30 CEST
    assertEquals(
        Instant.parse("2027-03-28T01:30:00Z"),
        DigestScheduler.nextRun(
            LocalTime.of(2, 30), BERLIN, Instant.parse("2027-03-27T01:30:00Z")));
    // fall back: Sunday 31 October 2027, 03:00 CEST -> 02:00 CET
    assertEquals(
        Instant.parse("2027-10-30T07:00:00Z"),
        DigestScheduler.nextRun(nine, BERLIN, Instant.parse("2027-10-29T07:00:00Z")));
    assertEquals(
        Instant.parse("2027-10-31T08:00:00Z"),
        DigestScheduler.nextRun(nine, BERLIN, Instant.parse("2027-10-30T07:00:00Z")));
    // a time inside the overlap runs once, at the earlier offset, and next on the following day
    Instant overlap =
        DigestScheduler.nextRun(LocalTime.of(2, 30), BERLIN, Instant.parse("2027-10-30T01:00:00Z"));
    assertEquals(Instant.parse("2027-10-31T00:30:00Z"), overlap);
    assertEquals(
        Instant.parse("2027-11-01T01:30:00Z"),
        DigestScheduler.nextRun(LocalTime.of(2, 30), BERLIN, overlap));
  }

  @Test
  void dailyDigestsAcrossSpringForwardChainWithoutGapsOrRepeats() throws Exception {
    DigestSubscriptions subs = new DigestSubscriptions(file, clock);
    subs.subscribe("C1", LocalTime.of(9, 0), "Europe/Berlin", "", "U1"); // at 2027-03-26T12:00Z
    DigestScheduler s = scheduler(subs);
    addReport("Before first run", "2027-03-26T20:00:00Z");
    clock.set("2027-03-27T07:59:59Z");
    assertEquals(List.of(), s.runDue());
    clock.set("2027-03-27T08:00:00Z"); // 09:00 CET
    assertEquals(1, s.runDue().size());
    assertEquals(List.of(), s.runDue()); // same instant again: nothing
    addReport("Saturday noon", "2027-03-27T12:00:00Z");
    clock.set("2027-03-28T06:59:59Z"); // 08:59:59 CEST
    assertEquals(List.of(), s.runDue());
    clock.set("2027-03-28T07:00:00Z"); // 09:00 CEST, 23 hours later
    assertEquals(1, s.runDue().size());
    assertEquals(
        List.of(
            new Posted(
                "C1",
                Instant.parse("2027-03-26T12:00:00Z"),
                Instant.parse("2027-03-27T08:00:00Z"),
                List.of("Before first run")),
            new Posted(
                "C1",
                Instant.parse("2027-03-27T08:00:00Z"),
                Instant.parse("2027-03-28T07:00:00Z"),
                List.of("Saturday noon"))),
        posted);
  }

  @Test
  void subscribeRestartCatchUpOnceNoRepeats() throws Exception {
    DigestSubscriptions subs = new DigestSubscriptions(file, clock);
    subs.subscribe("C1", LocalTime.of(9, 0), "Europe/Berlin", "", "U1");
    subs.subscribe("C2", LocalTime.of(18, 30), "America/New_York", "Cloud Days 2027", "U2");
    addReport("Day one", "2027-03-26T20:00:00Z");
    clock.set("2027-03-27T08:00:00Z");
    // C1 at 09:00 Berlin (08:00Z); C2 at 18:30 New York was due since 22:30Z yesterday
    assertEquals(
        List.of("C1", "C2"),
        scheduler(subs).runDue().stream().map(DigestScheduler.Run::channel).toList());
    // the bot is down from here; reports keep coming
    addReport("While down 1", "2027-03-28T10:00:00Z");
    addReport("While down 2", "2027-03-29T10:00:00Z");
    clock.set("2027-03-30T12:00:00Z");
    posted.clear();
    // restart: new objects reading the same file
    DigestSubscriptions reloaded = new DigestSubscriptions(file, clock);
    assertEquals(subs.list(), reloaded.list());
    DigestScheduler restarted = scheduler(reloaded);
    List<DigestScheduler.Run> caughtUp = restarted.runDue();
    assertEquals(2, caughtUp.size()); // each missed three runs: one catch-up digest each
    assertEquals(
        new Posted(
            "C1",
            Instant.parse("2027-03-27T08:00:00Z"),
            Instant.parse("2027-03-30T12:00:00Z"),
            List.of("While down 2", "While down 1")),
        posted.get(0));
    assertEquals(
        new Posted(
            "C2",
            Instant.parse("2027-03-27T08:00:00Z"),
            Instant.parse("2027-03-30T12:00:00Z"),
            List.of("While down 2", "While down 1")),
        posted.get(1));
    assertEquals(List.of(), restarted.runDue());
    // another restart right away catches up nothing
    assertEquals(List.of(), scheduler(new DigestSubscriptions(file, clock)).runDue());
    // and the next regular run covers exactly from the catch-up on
    addReport("After restart", "2027-03-30T15:00:00Z");
    clock.set("2027-03-31T07:00:00Z");
    scheduler(new DigestSubscriptions(file, clock)).runDue();
    assertEquals(
        new Posted(
            "C1",
            Instant.parse("2027-03-30T12:00:00Z"),
            Instant.parse("2027-03-31T07:00:00Z"),
            List.of("After restart")),
        posted.get(2));
    assertEquals(
        new Posted(
            "C2",
            Instant.parse("2027-03-30T12:00:00Z"),
            Instant.parse("2027-03-31T07:00:00Z"),
            List.of("After restart")),
        posted.get(3)); // 18:30 New York yesterday was due too
    assertEquals(4, posted.size());
  }

  @Test
  void startCatchesUpOnceOnTheExecutor() throws Exception {
    DigestSubscriptions subs = new DigestSubscriptions(file, clock);
    subs.subscribe("C1", LocalTime.of(9, 0), "UTC", "", "U1");
    addReport("Missed", "2027-03-27T10:00:00Z");
    clock.set("2027-03-29T10:00:00Z");
    ManualScheduler exec = new ManualScheduler();
    try (DigestScheduler s = scheduler(subs)) {
      s.start(exec, Duration.ofMillis(20));
      assertEquals(1, exec.runQueued()); // the catch-up at start
      for (int i = 0; i < 10; i++) {
        assertEquals(1, exec.tick()); // ten ticks at the same clock instant
      }
    }
    assertEquals(List.of(), exec.pending(), "close() stopped the ticking");
    assertEquals(1, posted.size());
    assertEquals(List.of("Missed"), posted.get(0).titles());
  }

  @Test
  void aFailedPostKeepsTheWindowOpenAndIsRetriedLater() throws Exception {
    DigestSubscriptions subs = new DigestSubscriptions(file, clock);
    subs.subscribe("C1", LocalTime.of(9, 0), "UTC", "", "U1");
    addReport("Important", "2027-03-26T20:00:00Z");
    boolean[] fail = {true};
    DigestScheduler s =
        new DigestScheduler(
            subs,
            service,
            (ch, d) -> {
              if (fail[0]) {
                throw new IllegalStateException("channel_not_found");
              }
              record(ch, d);
            },
            clock,
            Duration.ofMinutes(10),
            Duration.ZERO,
            logged::add);
    clock.set("2027-03-27T09:00:00Z");
    assertEquals(List.of(), s.runDue());
    assertEquals(1, logged.size());
    assertTrue(logged.get(0).contains("channel_not_found"), logged.get(0));
    fail[0] = false;
    clock.set("2027-03-27T09:05:00Z");
    assertEquals(List.of(), s.runDue()); // backing off
    clock.set("2027-03-27T09:10:00Z");
    assertEquals(1, s.runDue().size());
    assertEquals(
        new Posted(
            "C1",
            Instant.parse("2027-03-26T12:00:00Z"),
            Instant.parse("2027-03-27T09:10:00Z"),
            List.of("Important")),
        posted.get(0));
  }

  @Test
  void aSettleMarginLeavesTheNewestMomentsToTheNextDigestWithoutAGap() throws Exception {
    DigestSubscriptions subs = new DigestSubscriptions(file, clock);
    subs.subscribe("C1", LocalTime.of(9, 0), "UTC", "", "U1");
    DigestScheduler s =
        new DigestScheduler(
            subs,
            service,
            this::record,
            clock,
            Duration.ofMinutes(10),
            Duration.ofMinutes(1),
            logged::add);
    addReport(
        "Just before nine", "2027-03-27T08:59:30Z"); // stamped, maybe not yet visible at 09:00
    clock.set("2027-03-27T09:00:00Z");
    s.runDue();
    addReport("Next day", "2027-03-28T08:00:00Z");
    clock.set("2027-03-28T09:00:00Z");
    s.runDue();
    assertEquals(
        List.of(
            new Posted(
                "C1",
                Instant.parse("2027-03-26T12:00:00Z"),
                Instant.parse("2027-03-27T08:59:00Z"),
                List.of()),
            new Posted(
                "C1",
                Instant.parse("2027-03-27T08:59:00Z"),
                Instant.parse("2027-03-28T08:59:00Z"),
                List.of("Next day", "Just before nine"))),
        posted);
  }

  @Test
  void subscriptionsPersistAtomicallyAndUnsubscribeStopsThem() throws Exception {
    DigestSubscriptions subs = new DigestSubscriptions(file, clock);
    DigestSubscriptions.Subscription a =
        subs.subscribe("C1", LocalTime.of(8, 5), "Mars/Olympus_Mons", "", "U1");
    assertEquals("UTC", a.zone());
    assertEquals("08:05", a.time());
    subs.subscribe("C1", LocalTime.of(17, 0), "Europe/Berlin", "Data Summit", "U1");
    // the same channel and event again changes the time but keeps what was covered
    clock.set("2027-03-27T00:00:00Z");
    DigestSubscriptions.Subscription moved =
        subs.subscribe("C1", LocalTime.of(7, 0), "Asia/Tokyo", "", "U9");
    assertEquals(a.lastCoveredUntil(), moved.lastCoveredUntil());
    assertEquals("U1", moved.createdBy());
    assertEquals(2, subs.forChannel("C1").size());
    try (var files = Files.list(file.getParent())) {
      assertEquals(
          List.of("subscriptions.json"),
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith("subscriptions"))
              .toList(),
          "no temporary file left behind");
    }
    assertTrue(Files.readString(file).contains("\"zone\": \"Asia/Tokyo\""));
    // a stale temp file from a crash changes nothing
    Files.writeString(file.getParent().resolve("subscriptions.json123.tmp"), "{garbage");
    assertEquals(subs.list(), new DigestSubscriptions(file, clock).list());
    assertEquals(1, subs.unsubscribe("C1", "data summit"));
    assertEquals(1, subs.unsubscribe("C1", null));
    assertEquals(0, subs.unsubscribe("C1", null));
    assertEquals(List.of(), new DigestSubscriptions(file, clock).list());
    clock.set("2027-04-02T00:00:00Z");
    assertEquals(List.of(), scheduler(subs).runDue());
  }

  @Test
  void aCorruptFileIsAClearErrorNotAnEmptyList() throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"version\": 1, \"subscriptions\": [");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new DigestSubscriptions(file, clock));
    assertTrue(e.getMessage().startsWith("cannot read digest subscriptions from "), e.getMessage());
  }

  @Test
  void timesOfDayParseStrictly() {
    assertEquals(LocalTime.of(9, 0), DigestSubscriptions.parseTime("9"));
    assertEquals(LocalTime.of(9, 30), DigestSubscriptions.parseTime("09:30"));
    assertEquals(LocalTime.of(17, 15), DigestSubscriptions.parseTime("5:15pm"));
    assertEquals(LocalTime.of(0, 0), DigestSubscriptions.parseTime("12am"));
    for (String bad :
        List.of("25:00", "9:60", "13pm", "", "noon", "9:5", "x".repeat(10_000), "🙂")) {
      assertThrows(IllegalArgumentException.class, () -> DigestSubscriptions.parseTime(bad), bad);
      assertFalse(DigestSubscriptions.isTime(bad));
    }
    assertEquals(ZoneId.of("UTC").normalized(), DigestSubscriptions.zoneOrUtc("").normalized());
    assertEquals(
        ZoneId.of("UTC").normalized(),
        DigestSubscriptions.zoneOrUtc("../../etc/passwd").normalized());
  }
}

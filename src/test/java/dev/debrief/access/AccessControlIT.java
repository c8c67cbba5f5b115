package dev.debrief.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.cli.Wiring;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.IngestResult;
import dev.debrief.model.Answer;
import dev.debrief.model.Citation;
import dev.debrief.model.Hit;
import dev.debrief.model.Question;
import dev.debrief.model.SearchFilters;
import dev.debrief.testing.TestCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restricted reports over a real index: a report restricted by front matter to CPRIV and one
 * uploaded "this channel only" in COPS. Answers elsewhere never use, quote or cite them; DMs follow
 * membership; viewer links to them are signed.
 */
class AccessControlIT {
  static final String SECRET = "test-secret-test-secret-test-secret";
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final String FALCON =
      """
      ---
      title: Falcon roadmap (internal)
      event: Planning offsite 2026
      channels: [CPRIV]
      ---
      # Falcon roadmap (internal)

      ## Launch plan

      Project Falcon ships in the third quarter with forty engineers. The launch depends on the new billing
      service, and the pilot customer is a large airline.
      """;
  static final String OPS =
      """
      # Incident review

      ## Pager load

      The on-call rotation for the payments cluster received ninety pages in March, mostly from a flapping
      disk alert on the ledger database.
      """;

  @TempDir static Path tmp;
  static Wiring wiring;
  static AccessPolicy policy;
  static String falcon;
  static String ops;
  static final List<String> lookups = new ArrayList<>();

  @BeforeAll
  static void ingest() throws Exception {
    Path docs = TestCorpus.write(tmp.resolve("docs"));
    Files.writeString(docs.resolve("falcon.md"), FALCON, StandardCharsets.UTF_8);
    wiring =
        new Wiring(DebriefConfig.defaults(), tmp.resolve("index"), Clock.fixed(NOW, ZoneOffset.UTC))
            .withEnv(Map.of(SignedLinks.ENV, SECRET));
    IngestResult r = wiring.indexer().ingestPaths(List.of(docs), false, (d, t, i) -> {});
    assertEquals(4, r.added(), r.failures().toString());
    falcon = TestCorpus.idOf(wiring, "falcon.md");
    IngestResult up =
        wiring
            .indexer()
            .ingestBytes(
                "slack:F0OPS",
                "incident.md",
                OPS.getBytes(StandardCharsets.UTF_8),
                List.of("COPS"));
    assertEquals(1, up.added(), up.failures().toString());
    ops = up.outcome("slack:F0OPS").orElseThrow().reportId();
    policy =
        wiring.accessPolicy(
            channel -> {
              lookups.add(channel);
              return Map.of("CPRIV", Set.of("UANA"), "COPS", Set.of("UCHEN"))
                  .getOrDefault(channel, Set.of());
            });
  }

  @AfterAll
  static void close() {
    wiring.close();
  }

  private static Answer ask(String q, List<String> allowed) {
    return wiring
        .answerer()
        .answer(new Question(q, List.of(), new SearchFilters("", "", "", allowed)));
  }

  private static List<String> used(Answer a) {
    return Stream.concat(
            a.citations().stream().map(Citation::reportId), a.closest().stream().map(Hit::reportId))
        .distinct()
        .toList();
  }

  @Test
  void restrictionsAreStored() {
    assertEquals(
        List.of("CPRIV"), wiring.catalog().findReport(falcon).orElseThrow().meta().channels());
    assertEquals(List.of("COPS"), wiring.catalog().findReport(ops).orElseThrow().meta().channels());
  }

  @Test
  void anotherChannelNeverUsesQuotesOrCitesARestrictedReport() {
    List<String> general = policy.allowedChannels("CGENERAL", "UANA", false);
    assertEquals(List.of("CGENERAL"), general);
    for (String q :
        List.of(
            "When does Project Falcon ship and how many engineers?",
            "How many pages did the payments on-call rotation get in March?")) {
      Answer a = ask(q, general);
      assertFalse(used(a).contains(falcon), q + " -> " + used(a));
      assertFalse(used(a).contains(ops), q + " -> " + used(a));
      // the restricted reports' facts never show; the question's own words may come back in a
      // refusal
      // ("I found no mention of Project Falcon …"), which says nothing the asker did not type
      for (String fact :
          List.of("third quarter", "forty", "billing", "ninety", "flapping", "roadmap")) {
        assertFalse(a.text().contains(fact), fact + " leaked: " + a.text());
      }
    }
    List<Hit> hits =
        wiring
            .retriever()
            .search(
                "Falcon billing airline ledger pages", 10, new SearchFilters("", "", "", general));
    assertTrue(
        hits.stream().noneMatch(h -> h.reportId().equals(falcon) || h.reportId().equals(ops)));
    // The CLI applies no access filter (null): it sees everything.
    assertEquals(
        falcon,
        wiring.retriever().search("Project Falcon ships", 1, SearchFilters.NONE).get(0).reportId());
  }

  @Test
  void theAllowedChannelCitesItWithASignedViewerLink() {
    Answer a =
        ask(
            "When does Project Falcon ship and how many engineers?",
            policy.allowedChannels("CPRIV", "UBEN", false));
    assertTrue(a.answered(), a.text());
    Citation c = a.citations().get(0);
    assertEquals(falcon, c.reportId());
    long exp = NOW.plus(Duration.ofHours(168)).getEpochSecond();
    String sig =
        new SignedLinks(
                SECRET.getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofHours(168))
            .sign(falcon, exp);
    assertEquals(
        "http://localhost:3000/reports/"
            + falcon
            + "?p="
            + c.passageId()
            + "&exp="
            + exp
            + "&sig="
            + sig
            + "#launch-plan",
        c.url());
    // An unrestricted report's viewer link stays unsigned.
    Answer open = ask("What did the storage panel say about snapshots?", List.of("CPRIV"));
    assertFalse(open.citations().get(0).url().contains("sig="), open.citations().get(0).url());
  }

  @Test
  void dmFollowsMembership() {
    List<String> ana = policy.allowedChannels("DANA", "UANA", true);
    assertEquals(List.of("DANA", "CPRIV"), ana);
    List<String> zoe = policy.allowedChannels("DZOE", "UZOE", true);
    assertEquals(List.of("DZOE"), zoe);
    assertTrue(used(ask("When does Project Falcon ship?", ana)).contains(falcon));
    assertFalse(used(ask("When does Project Falcon ship?", zoe)).contains(falcon));
    assertFalse(
        used(ask("How many pages did the payments on-call rotation get?", ana)).contains(ops));
    assertEquals(List.of("DCHEN", "COPS"), policy.allowedChannels("DCHEN", "UCHEN", true));
    assertTrue(
        used(ask("How many pages did the payments on-call rotation get?", List.of("DCHEN", "COPS")))
            .contains(ops));
  }
}

package dev.debrief.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.access.SignedLinks;
import dev.debrief.cli.Wiring;
import dev.debrief.config.DebriefConfig;
import dev.debrief.model.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportIntakeIT {
  static final String NOTES =
      """
      ---
      title: Platform summit notes
      event: Platform Summit 2026
      ---
      # Platform summit notes

      ## Golden paths

      Teams described golden paths for new services: a template, a pipeline and a dashboard on day one.

      ## Cost

      FinOps dashboards were shown per team, with weekly budget alerts.
      """;

  @TempDir Path tmp;

  @Test
  void addRestrictRemove() {
    DebriefConfig config = DebriefConfig.defaults();
    config.slack.admins = List.of("UADMIN");
    config.access.uploadsFile = tmp.resolve("uploads.json").toString();
    config.access.maxDownloadBytes = 10_000;
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    try (Wiring w =
        new Wiring(config, tmp.resolve("index"), Clock.fixed(now, ZoneOffset.UTC))
            .withEnv(Map.of(SignedLinks.ENV, "x".repeat(32)))) {
      ReportIntake intake = w.intake();
      assertEquals(
          Optional.of(
              "I can't read .xlsx files (plan.xlsx). I can read " + ReportIntake.SUPPORTED + "."),
          intake.precheck("plan.xlsx", 10));
      assertEquals(
          Optional.of("big.pdf is 98 KiB; the limit is 10000 bytes (access.maxDownloadBytes)."),
          intake.precheck("big.pdf", 100_000));
      byte[] bytes = NOTES.getBytes(StandardCharsets.UTF_8);

      ReportIntake.Added a = intake.addFile("F1", "notes.md", bytes, List.of(), "UANA", "DANA");
      assertTrue(a.ok(), a.reason());
      String id = Report.idForContent(w.catalog().findReport(a.report().id()).orElseThrow().text());
      assertEquals("added", a.status());
      assertEquals(id, a.report().id());
      assertEquals("Platform summit notes", a.report().meta().title());
      assertEquals("Platform Summit 2026", a.report().meta().event());
      assertEquals(3, a.report().sections());
      assertEquals("http://localhost:3000/reports/" + id, a.viewerUrl());
      assertEquals(
          "unchanged", intake.addFile("F1", "notes.md", bytes, List.of(), "UANA", "DANA").status());

      // "This channel only": the same file again, now restricted; the viewer link is signed.
      ReportIntake.Added r =
          intake.addFile("F1", "notes.md", bytes, List.of("CPLAT"), "UANA", "CPLAT");
      assertEquals("updated", r.status());
      assertEquals(List.of("CPLAT"), r.report().meta().channels());
      long exp = now.getEpochSecond() + 168 * 3600;
      assertEquals(
          "http://localhost:3000/reports/"
              + id
              + "?exp="
              + exp
              + "&sig="
              + w.signedLinks().sign(id, exp),
          r.viewerUrl());

      // Removal: not visible elsewhere; only the uploader or an admin.
      assertEquals(
          new ReportIntake.Removed(
              false,
              "No report matches \"Platform summit notes\". `/debrief reports`" + " lists them."),
          intake.remove("Platform summit notes", "UANA", List.of("CGENERAL")));
      assertEquals(
          new ReportIntake.Removed(
              false,
              "Only the person who added \"Platform summit notes\" or an admin"
                  + " can remove it."),
          intake.remove("platform summit notes", "UBEN", List.of("CPLAT")));
      assertEquals(
          new ReportIntake.Removed(true, "Removed \"Platform summit notes\" (" + id + ")."),
          intake.remove(id, "UANA", List.of("CPLAT")));
      assertTrue(w.catalog().findReport(id).isEmpty());
      assertTrue(w.uploads().find("slack:F1").isEmpty());

      // An admin may remove what someone else added; a bad file gets the exact reason.
      intake.addFile("F2", "notes.md", bytes, List.of(), "UANA", "DANA");
      assertEquals(true, intake.remove(id, "UADMIN", List.of("CX")).removed());
      ReportIntake.Added empty =
          intake.addFile("F3", "empty.md", new byte[0], List.of(), "UANA", "DANA");
      assertFalse(empty.ok());
      assertEquals("empty file", empty.reason());
      ReportIntake.Added refused = intake.addUrl("http://10.1.1.1/wiki", List.of(), "UANA", "DANA");
      assertEquals("refused: 10.1.1.1 is a private address", refused.reason());
    }
  }

  @Test
  void theSameFileFromTwoPeopleIsOneReportAndEachRemovesOnlyTheirCopy() {
    DebriefConfig config = DebriefConfig.defaults();
    config.slack.admins = List.of("UADMIN");
    config.access.uploadsFile = tmp.resolve("uploads.json").toString();
    try (Wiring w =
        new Wiring(config, tmp.resolve("index"), Clock.systemUTC())
            .withEnv(Map.of(SignedLinks.ENV, "x".repeat(32)))) {
      ReportIntake intake = w.intake();
      byte[] bytes = NOTES.getBytes(StandardCharsets.UTF_8);
      ReportIntake.Added first = intake.addFile("F1", "notes.md", bytes, List.of(), "UANA", "DANA");
      ReportIntake.Added second =
          intake.addFile("F9", "platform.md", bytes, List.of(), "UBEN", "DBEN");

      assertEquals("already indexed", second.status());
      assertEquals(first.report().id(), second.report().id());
      assertEquals(List.of("slack:F1", "slack:F9"), second.report().sources());
      assertEquals(1, w.catalog().list().size());

      assertEquals(
          new ReportIntake.Removed(
              true,
              "Removed slack:F9 from \"Platform summit notes\"; it stays indexed"
                  + " from 1 other source."),
          intake.remove("Platform summit notes", "UBEN", List.of()));
      assertEquals(List.of("slack:F1"), w.catalog().list().get(0).sources());
      assertEquals(
          new ReportIntake.Removed(
              false,
              "Only the person who added \"Platform summit notes\" or an admin"
                  + " can remove it."),
          intake.remove("Platform summit notes", "UBEN", List.of()));
      assertEquals(
          new ReportIntake.Removed(
              true, "Removed \"Platform summit notes\" (" + first.report().id() + ")."),
          intake.remove("Platform summit notes", "UANA", List.of()),
          "the last source takes the report with it");
      assertTrue(w.catalog().list().isEmpty());
    }
  }
}

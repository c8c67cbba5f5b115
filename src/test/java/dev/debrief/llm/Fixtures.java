package dev.debrief.llm;

import dev.debrief.answer.AnswerComposer;
import dev.debrief.config.DebriefConfig;
import dev.debrief.model.Answer;
import dev.debrief.model.Citation;
import dev.debrief.model.Hit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Invented passages (not taken from any report) and a stub extractive composer. */
public final class Fixtures {
  static final String ATTENDANCE =
      "The opening keynote began with numbers: about 2,300 people came to the "
          + "conference in Lisbon this year, up from 1,800 the year before. The organisers added a second venue "
          + "for workshops.";
  static final String STORAGE =
      "In the storage track, Priya Raman explained that the new snapshot controller "
          + "copies volumes lazily, so backups finish in minutes rather than hours. She warned that restores still "
          + "need a full copy.";
  static final String PANEL =
      "The closing panel argued that platform teams should publish golden paths "
          + "instead of enforcing strict templates. Panelists agreed that developer surveys beat dashboards for "
          + "finding friction.";
  static final String CATERING =
      "Lunch was served in the main hall each day, with vegetarian options and "
          + "long queues at noon.";

  /**
   * Four hits over the invented passages (attendance, storage, panel, catering), reports r1 and r2.
   */
  public static final List<Hit> HITS =
      List.of(
          hit("r1-p0001", "r1", "Opening keynote", ATTENDANCE, 0.9),
          hit("r1-p0007", "r1", "Storage track", STORAGE, 0.8),
          hit("r2-p0003", "r2", "Closing panel", PANEL, 0.7),
          hit("r2-p0009", "r2", "Logistics", CATERING, 0.6));

  static Hit hit(String id, String report, String section, String text, double score) {
    return new Hit(
        id,
        report,
        "Notes from CloudConf " + report,
        "CloudConf 2031",
        "2031-05-04",
        section,
        List.of("Day 1", section),
        section.toLowerCase().replace(' ', '-'),
        "https://example.org/" + report + "#" + section.toLowerCase().replace(' ', '-'),
        text,
        score);
  }

  static DebriefConfig.AnswerSettings settings(
      String provider, String model, String baseUrl, int timeoutSeconds) {
    DebriefConfig.AnswerSettings s = new DebriefConfig.AnswerSettings();
    s.provider = provider;
    s.model = model;
    s.baseUrl = baseUrl;
    s.timeoutSeconds = timeoutSeconds;
    return s;
  }

  /** Stands in for the extractive composer: counts calls, answers from the first hit. */
  static final class StubExtractive implements AnswerComposer {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public Answer compose(dev.debrief.model.Question question, List<Hit> hits) {
      calls.incrementAndGet();
      if (hits.isEmpty()) {
        return new Answer(
            question.text(),
            "The reports I have don't cover this.",
            false,
            List.of(),
            List.of(),
            "extractive",
            "",
            false,
            0,
            0);
      }
      Hit h = hits.get(0);
      return new Answer(
          question.text(),
          "Extractive: " + h.text() + " [1]",
          true,
          List.of(
              new Citation(
                  1, h.reportId(), h.title(), h.pathLabel(), h.url(), h.passageId(), h.text())),
          List.of(),
          "extractive",
          "",
          false,
          0,
          1);
    }
  }

  private Fixtures() {}
}

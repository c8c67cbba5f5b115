package dev.debrief.slack;

import dev.debrief.answer.Answerer;
import dev.debrief.cli.Wiring;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.ReportCatalog;
import dev.debrief.model.Answer;
import dev.debrief.model.Citation;
import dev.debrief.model.Passage;
import dev.debrief.model.Question;
import dev.debrief.model.Report;
import dev.debrief.model.ReportInfo;
import dev.debrief.model.ReportMeta;
import dev.debrief.model.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Test fixtures: a literal in-memory report catalog and a literal answerer that cites it. These
 * stand in for the Lucene-backed core in tests that exercise only the Slack side.
 */
final class Fixtures {
  private Fixtures() {}

  static final String REPORT_ID = "r0123456789ab";
  static final String P_STORAGE = Passage.idOf(REPORT_ID, 1);

  /** A small report: preamble, "Keynote", "Storage" (with a passage carrying injection strings). */
  static Report report() {
    String keynote = "Keynote";
    String k1 = "The keynote opened with a demo of the new scheduler. It drew a full room.";
    String storage = "Storage";
    String s1 =
        "Storage talks covered CSI drivers & snapshots. Ops <!here> folks liked <@U999> & <!subteam^S1|team>.";
    String text = keynote + "\n\n" + k1 + "\n\n" + storage + "\n\n" + s1 + "\n";
    int kStart = 0;
    int k1Start = text.indexOf(k1);
    int sStart = text.indexOf(storage + "\n\n" + s1);
    int s1Start = text.indexOf(s1);
    List<Section> sections =
        List.of(
            new Section(0, 1, keynote, List.of(keynote), "keynote", kStart, sStart),
            new Section(1, 1, storage, List.of(storage), "storage", sStart, text.length()));
    List<Passage> passages =
        List.of(
            new Passage(
                Passage.idOf(REPORT_ID, 0),
                REPORT_ID,
                0,
                0,
                List.of(keynote),
                "keynote",
                k1,
                k1Start,
                k1Start + k1.length()),
            new Passage(
                P_STORAGE,
                REPORT_ID,
                1,
                1,
                List.of(storage),
                "storage",
                s1,
                s1Start,
                s1Start + s1.length()));
    ReportMeta meta =
        new ReportMeta(
            "KubeCon Notes", "KubeCon EU 2017", "2017-03-30", "Ada", "", List.of(), List.of());
    return new Report(
        REPORT_ID, "/reports/kubecon.md", "markdown", meta, text, sections, passages, "abc123");
  }

  /** Catalog over literal reports, with a settable ingest time. */
  static final class Catalog implements ReportCatalog {
    final List<Report> reports = new CopyOnWriteArrayList<>();
    volatile long ingestedAt = System.currentTimeMillis();

    /** When set, list() waits for it (to prove an ack does not wait for the work). */
    volatile java.util.concurrent.CountDownLatch gate;

    Catalog(Report... rs) {
      reports.addAll(List.of(rs));
    }

    @Override
    public List<ReportInfo> list() {
      java.util.concurrent.CountDownLatch g = gate;
      if (g != null) {
        try {
          if (!g.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("gate never opened");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      List<ReportInfo> out = new ArrayList<>();
      for (Report r : reports) {
        out.add(
            new ReportInfo(
                r.id(),
                r.source(),
                r.format(),
                r.meta(),
                r.sections().size(),
                r.passages().size(),
                ingestedAt,
                r.contentHash()));
      }
      return out;
    }

    @Override
    public Optional<Report> findReport(String reportId) {
      return reports.stream().filter(r -> r.id().equals(reportId)).findFirst();
    }
  }

  /** Answerer that records questions and answers with a function (default: the storage passage). */
  static final class ScriptedAnswerer implements Answerer {
    final List<Question> questions = new CopyOnWriteArrayList<>();
    volatile Function<Question, Answer> script = Fixtures::storageAnswer;

    @Override
    public Answer answer(Question question) {
      questions.add(question);
      return script.apply(question);
    }
  }

  static Answer storageAnswer(Question q) {
    Report r = report();
    Passage p = r.passages().get(1);
    Citation c1 = new Citation(1, REPORT_ID, "KubeCon Notes", "Storage", "", p.id(), p.text());
    Citation c2 =
        new Citation(
            2,
            REPORT_ID,
            "KubeCon Notes",
            "Keynote",
            "https://example.com/kubecon?a=1&b=2#keynote",
            r.passages().get(0).id(),
            r.passages().get(0).text());
    return new Answer(
        q.text(),
        "Storage talks covered CSI drivers & snapshots [1]. The keynote had a demo [2].",
        true,
        List.of(c1, c2),
        List.of(),
        "extractive",
        "",
        false,
        0,
        2);
  }

  /**
   * A wiring whose answers come from an OpenAI-compatible server on loopback at {@code port} (model
   * "fake-gpt", key "sk-test"), over a fresh index in {@code dir} holding {@link
   * SlackEndToEndIT#KEYNOTE}.
   */
  static Wiring openAiWiring(java.nio.file.Path dir, int port, int timeoutSeconds) {
    DebriefConfig config = DebriefConfig.defaults();
    config.answer.provider = "openai";
    config.answer.model = "fake-gpt";
    config.answer.baseUrl = "http://127.0.0.1:" + port + "/v1";
    config.answer.timeoutSeconds = timeoutSeconds;
    Wiring wiring =
        new Wiring(config, dir.resolve("index"), java.time.Clock.systemUTC())
            .withEnv(java.util.Map.of("OPENAI_API_KEY", "sk-test"))
            .withWarnings(w -> {});
    wiring
        .indexer()
        .ingestBytes(
            dir + "/keynote.md",
            "keynote.md",
            SlackEndToEndIT.KEYNOTE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return wiring;
  }
}

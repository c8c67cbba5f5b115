package dev.debrief.digest;

import dev.debrief.cli.Wiring;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.IngestResult;
import dev.debrief.model.Citation;
import dev.debrief.model.Report;
import dev.debrief.model.ReportInfo;
import dev.debrief.text.PersonNames;
import dev.debrief.text.StandAlone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures event briefs, per event: how many of their statements stand on their own, what was
 * listed twice, and whether each report's own conclusion section was used. Rerun with
 *
 * <pre>
 * mvn -q -DskipTests package test-compile
 * java -cp target/test-classes:target/debrief.jar dev.debrief.digest.BriefBench --reports ../shared/reports [--out DIR]
 * java -cp target/test-classes:target/debrief.jar dev.debrief.digest.BriefBench --index DIR [--out DIR]
 * </pre>
 *
 * {@code --reports} ingests a folder into a temporary index with the default (real) embedding
 * model; {@code --index} reads an index built before. {@code --out} writes every brief's text there
 * for reading.
 *
 * <p>The rule, applied to every statement the brief quotes from a report (lead, session notes,
 * theme texts, quoted follow-ups; not titles, "Also covered in", "Ask Debrief" suggestions,
 * composed lead sentences ({@link Point#composed()}: the list of a report's announcements, the
 * count of its sessions) or coverage, which Debrief writes itself; composed sentences are counted
 * apart):
 *
 * <ul>
 *   <li>It stands on its own when {@link StandAlone#check} finds no problem: prose in the {@link
 *       StandAlone.Form#PROSE} form (a full sentence with a subject and a finite verb, starting
 *       with no pronoun, demonstrative, connective or first-name-only reference whose referent is
 *       elsewhere, not a question, caption, heading, metadata or timestamp line, not chatter),
 *       notes under their session or theme heading in the {@link StandAlone.Form#NOTE} form (the
 *       same, but a fragment is allowed).
 *   <li>And it is quoted exactly: its words occur in the passage it cites (a statement that is not
 *       is counted as not standing, whatever the rule says).
 *   <li>A duplicate is a statement equal to, or contained in, another statement of the same brief
 *       (after lower-casing and keeping letters and digits), or a session or theme title listed
 *       twice.
 *   <li>A report's conclusion is used when the lead cites a passage of a section {@link
 *       Conclusions} finds.
 * </ul>
 *
 * The writer picks statements with the same {@link StandAlone} rule, so the share mostly shows
 * where it had to fall back (notes judged under their heading, quotes broken by the sentence
 * splitter); it is a check, not an independent judge — read the briefs.
 */
public final class BriefBench {
  private BriefBench() {}

  private static final Pattern MARKS = Pattern.compile("\\s*\\[\\d+](?:,\\s*\\[\\d+])*");

  /** One event's figures. */
  record Figures(
      String event,
      int statements,
      int standing,
      int prose,
      int proseStanding,
      int notes,
      int notesStanding,
      int composed,
      int duplicates,
      int sessions,
      int themes,
      int reportsWithConclusion,
      int conclusionsUsed,
      List<String> failures,
      List<String> duplicated,
      List<String> conclusionLines) {
    double share() {
      return statements == 0 ? 1 : (double) standing / statements;
    }
  }

  public static void main(String[] args) throws IOException {
    Path reports = null;
    Path index = null;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--reports" -> reports = Path.of(args[++i]);
        case "--index" -> index = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "usage: BriefBench (--reports DIR | --index DIR) [--out DIR]");
      }
    }
    Path tmp = null;
    if (index == null) {
      if (reports == null) {
        throw new IllegalArgumentException("give --reports DIR or --index DIR");
      }
      tmp = Files.createTempDirectory("brief-bench");
      index = tmp.resolve("index");
    }
    try (Wiring w = new Wiring(DebriefConfig.defaults(), index, Clock.systemUTC())) {
      if (tmp != null) {
        IngestResult r = w.indexer().ingestPaths(List.of(reports), false, (d, t, x) -> {});
        if (!r.ok()) {
          System.err.println("ingest failures: " + r.failures());
        }
      }
      List<Figures> all = measureAll(w, out);
      print(all);
    }
  }

  /**
   * Measures every event of the wiring's index; writes each brief's text to {@code out} when
   * non-null.
   */
  static List<Figures> measureAll(Wiring w, Path out) throws IOException {
    Map<String, Report> byId = new HashMap<>();
    Set<String> events = new TreeSet<>();
    for (ReportInfo info : w.catalog().list()) {
      byId.put(info.id(), w.catalog().findReport(info.id()).orElseThrow());
      events.add(info.meta().event());
    }
    if (out != null) {
      Files.createDirectories(out);
    }
    List<Figures> all = new ArrayList<>();
    for (String event : events) {
      EventSummary s = w.eventSummarizer().summarizeEvent(event, null);
      all.add(measure(s, byId));
      if (out != null) {
        String file =
            event.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        Files.writeString(
            out.resolve(file + ".txt"),
            DigestText.summary(s, DigestText.Style.PLAIN) + "\n",
            StandardCharsets.UTF_8);
      }
    }
    return all;
  }

  /** The figures of one brief; {@code reports} by id. */
  static Figures measure(EventSummary s, Map<String, Report> reports) {
    Map<String, PersonNames> people = new HashMap<>();
    reports.values().forEach(r -> people.put(r.id(), PersonNames.in(r.text())));
    List<String[]> statements =
        new ArrayList<>(); // text, form, first marker's report id, passage text
    int composed = 0;
    for (EventSummary.Lead l : s.lead()) {
      for (Point p : l.points()) {
        if (p.composed()) {
          composed++;
        } else {
          statements.add(statement(p, s));
        }
      }
    }
    for (EventSummary.Session ses : s.sessions()) {
      ses.points().forEach(p -> statements.add(statement(new Point(p.text(), true), s)));
    }
    for (EventSummary.Theme t : s.themes()) {
      t.points().forEach(p -> statements.add(statement(p, s)));
    }
    for (String f : s.followUps()) {
      if (!f.startsWith("Ask Debrief:")) {
        statements.add(statement(new Point(f, false), s));
      }
    }
    int standing = 0;
    int prose = 0;
    int proseOk = 0;
    int notes = 0;
    int notesOk = 0;
    List<String> failures = new ArrayList<>();
    for (String[] st : statements) {
      boolean note = st[1].equals("note");
      PersonNames p = people.getOrDefault(st[2], PersonNames.none());
      StandAlone.Verdict v =
          StandAlone.check(st[0], note ? StandAlone.Form.NOTE : StandAlone.Form.PROSE, p);
      boolean quoted = st[3] == null || words(st[3]).contains(words(st[0]));
      boolean ok = v.ok() && quoted;
      if (note) {
        notes++;
        notesOk += ok ? 1 : 0;
      } else {
        prose++;
        proseOk += ok ? 1 : 0;
      }
      if (ok) {
        standing++;
      } else {
        failures.add(
            (quoted
                    ? v.problem().label() + (v.detail().isEmpty() ? "" : " (" + v.detail() + ")")
                    : "not quoted exactly")
                + ": "
                + st[0]);
      }
    }
    List<String> duplicated = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      for (int j = i + 1; j < statements.size(); j++) {
        String a = words(statements.get(i)[0]);
        String b = words(statements.get(j)[0]);
        if (!a.isEmpty() && !b.isEmpty() && (a.contains(b) || b.contains(a))) {
          duplicated.add(statements.get(j)[0]);
        }
      }
    }
    Map<String, Integer> titles = new LinkedHashMap<>();
    s.sessions()
        .forEach(
            x -> titles.merge("session " + words(x.title() + " " + x.speaker()), 1, Integer::sum));
    s.themes().forEach(x -> titles.merge("theme " + words(x.title()), 1, Integer::sum));
    titles.forEach(
        (t, n) -> {
          if (n > 1) {
            duplicated.add(t);
          }
        });
    int withConclusion = 0;
    int used = 0;
    List<String> conclusionLines = new ArrayList<>();
    for (Report r :
        reports.values().stream()
            .filter(r -> r.meta().event().equals(s.event()))
            .sorted(Comparator.comparing(Report::id))
            .toList()) {
      Set<Integer> sections = Conclusions.sections(r);
      if (sections.isEmpty()) {
        conclusionLines.add(r.meta().title() + ": no conclusion section");
        continue;
      }
      withConclusion++;
      boolean cited = false;
      for (EventSummary.Lead l : s.lead()) {
        for (Point p : l.points()) {
          for (Citation c : cited(p.text(), s)) {
            cited |=
                c.reportId().equals(r.id())
                    && r.passages().stream()
                        .anyMatch(
                            x ->
                                x.id().equals(c.passageId())
                                    && sections.contains(x.sectionOrdinal()));
          }
        }
      }
      used += cited ? 1 : 0;
      conclusionLines.add(
          r.meta().title()
              + ": \""
              + r.sections().get(sections.iterator().next()).heading()
              + "\" "
              + (cited ? "used" : "NOT used"));
    }
    return new Figures(
        s.event(),
        statements.size(),
        standing,
        prose,
        proseOk,
        notes,
        notesOk,
        composed,
        duplicated.size(),
        s.sessions().size(),
        s.themes().size(),
        withConclusion,
        used,
        failures,
        duplicated,
        conclusionLines);
  }

  private static String[] statement(Point p, EventSummary s) {
    List<Citation> cs = cited(p.text(), s);
    String text = MARKS.matcher(p.text()).replaceAll("").strip();
    return new String[] {
      text,
      p.note() ? "note" : "prose",
      cs.isEmpty() ? "" : cs.get(0).reportId(),
      cs.isEmpty() ? null : cs.get(0).quote()
    };
  }

  private static List<Citation> cited(String text, EventSummary s) {
    List<Citation> out = new ArrayList<>();
    Matcher m = Pattern.compile("\\[(\\d+)]").matcher(text);
    while (m.find()) {
      int n = Integer.parseInt(m.group(1));
      if (n >= 1 && n <= s.citations().size()) {
        out.add(s.citations().get(n - 1));
      }
    }
    return out;
  }

  private static String words(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  static void print(List<Figures> all) {
    System.out.printf(
        "%-58s %6s %6s %7s %7s %4s %4s %4s %4s %s%n",
        "event",
        "stmts",
        "stand",
        "prose",
        "notes",
        "comp",
        "dup",
        "ses",
        "thm",
        "conclusions used");
    int st = 0;
    int ok = 0;
    int dup = 0;
    int withC = 0;
    int usedC = 0;
    for (Figures f : all) {
      System.out.printf(
          "%-58s %6d %5.0f%% %3d/%-3d %3d/%-3d %4d %4d %4d %4d %d of %d%n",
          shorten(f.event(), 58),
          f.statements(),
          100 * f.share(),
          f.proseStanding(),
          f.prose(),
          f.notesStanding(),
          f.notes(),
          f.composed(),
          f.duplicates(),
          f.sessions(),
          f.themes(),
          f.conclusionsUsed(),
          f.reportsWithConclusion());
      st += f.statements();
      ok += f.standing();
      dup += f.duplicates();
      withC += f.reportsWithConclusion();
      usedC += f.conclusionsUsed();
    }
    System.out.printf(
        "%-58s %6d %5.0f%% %20s %4d %14s %d of %d%n",
        "all", st, st == 0 ? 100.0 : 100.0 * ok / st, "", dup, "", usedC, withC);
    for (Figures f : all) {
      if (!f.failures().isEmpty() || !f.duplicated().isEmpty()) {
        System.out.println("\n" + f.event());
        f.failures().forEach(x -> System.out.println("  not standing: " + x));
        f.duplicated().forEach(x -> System.out.println("  twice: " + x));
      }
      f.conclusionLines().forEach(x -> System.out.println("  " + x));
    }
  }

  private static String shorten(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}

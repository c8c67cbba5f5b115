package dev.debrief.digest;

import dev.debrief.text.Bullets;
import dev.debrief.text.FiniteVerbs;
import dev.debrief.text.Grammar;
import dev.debrief.text.PersonNames;
import dev.debrief.text.Sentences;
import dev.debrief.text.StandAlone;
import java.util.ArrayList;
import java.util.List;

/**
 * The sentences and notes of a passage that a brief or digest may quote, each with how it would be
 * shown and whether it stands on its own there ({@link StandAlone}).
 *
 * <p>A list item, or a line without closing punctuation (raw notes typed as lines), is a note and
 * is shown as a bullet; a sentence of a paragraph is prose. Lines of code, table rows and Markdown
 * link residue are never candidates.
 */
final class Candidates {
  private Candidates() {}

  /**
   * Longest line that can be a speaker's name with handle and affiliation ("Ann Lee - @annl -
   * Acme").
   */
  static final int NAME_LINE_WORDS = 8;

  /**
   * A candidate.
   *
   * @param item its passage
   * @param text the sentence or note, bullet removed
   * @param form {@link StandAlone.Form#NOTE} for list items and unpunctuated lines, else prose
   * @param verdict whether it stands on its own in that form
   * @param position its index among the passage's sentences
   * @param start its offset in the report's text (the passage's start plus its offset in the
   *     passage)
   * @param label true for a line that names rather than states: a speaker's name line, an outline
   *     heading
   */
  record Candidate(
      Sources.Item item,
      String text,
      StandAlone.Form form,
      StandAlone.Verdict verdict,
      int position,
      int start,
      boolean label) {
    boolean ok() {
      return verdict.ok();
    }

    boolean note() {
      return form == StandAlone.Form.NOTE;
    }

    int words() {
      return Grammar.words(text);
    }

    /** How much the statement reads like unedited notes ({@link Candidates#noise}). */
    int noise() {
      return Candidates.noise(text);
    }
  }

  /**
   * Marks of unedited notes, counted: trailing-off ellipses, doubled punctuation ("!!", "??"),
   * shouting (a word of four or more capitals that is no acronym the statement repeats), runs of
   * three commas or more with no verb between (a bare list), a lower-case opening, and an opening
   * verb with its subject left out.
   */
  static int noise(String text) {
    int n = 0;
    n += count(text, "\\.\\.\\.|…");
    n += count(text, "[!?]{2,}");
    n += count(text, "\\b\\p{Lu}{4,}\\b(?![\\p{L}\\d])") > 1 ? 1 : 0;
    if (text.chars().filter(ch -> ch == ',').count() >= 3 && !FiniteVerbs.hasFiniteVerb(text)) {
      n++;
    }
    if (!text.isEmpty() && Character.isLowerCase(text.codePointAt(0))) {
      n++;
    }
    if (Grammar.opensWithVerb(text)) {
      n++; // "Decided to switch runtime to Rust": who decided?
    }
    return n;
  }

  private static int count(String text, String regex) {
    return (int) java.util.regex.Pattern.compile(regex).matcher(text).results().count();
  }

  /**
   * Candidates of {@code item} of at most {@code maxWords} words, judged against the report's
   * people; none from a section that lists what the author did not attend or means to do ({@link
   * SessionExtractor#notAttended}).
   */
  static List<Candidate> of(Sources.Item item, PersonNames people, int maxWords) {
    List<Candidate> out = new ArrayList<>();
    if (item.passage().headingPath().stream().anyMatch(SessionExtractor::notAttended)) {
      return out;
    }
    String text = item.passage().text();
    List<Sentences.Span> spans = Sentences.split(text);
    for (int i = 0; i < spans.size(); i++) {
      Sentences.Span s = spans.get(i);
      int lineStart = text.lastIndexOf('\n', Math.max(0, s.start() - 1)) + 1;
      int lineEnd = text.indexOf('\n', s.start());
      String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
      boolean bullet = s.start() <= lineStart + 4 && Bullets.isBullet(line);
      String clean = Bullets.stripBullet(s.text()).replaceAll("\\s*\\|+\\s*$", "").strip();
      int words = Grammar.words(clean);
      if (words == 0 || words > maxWords || clean.startsWith("|") || clean.contains("](")) {
        continue;
      }
      boolean closed = clean.matches("(?s).*[.!?…][\"”’)\\]]*$");
      boolean wholeLine =
          s.start() <= lineStart + 4 && (lineEnd < 0 ? text.length() : lineEnd) <= s.end() + 1;
      StandAlone.Form form =
          bullet || !closed && wholeLine ? StandAlone.Form.NOTE : StandAlone.Form.PROSE;
      StandAlone.Verdict verdict = StandAlone.check(clean, form, people);
      boolean label =
          SessionExtractor.ORG_HEADING.matcher(clean).find()
              || Grammar.words(clean) <= NAME_LINE_WORDS
                  && (people.looksLikePeople(Speakers.clean(clean), null)
                      || clean.matches(".*(?:^|\\s)@\\w+.*")
                          && Grammar.words(Speakers.clean(clean)) <= 3);
      if (label && verdict.ok()) {
        verdict =
            new StandAlone.Verdict(
                StandAlone.Problem.HEADING, "a name or an outline heading, not a statement");
      }
      out.add(
          new Candidate(item, clean, form, verdict, i, item.passage().start() + s.start(), label));
    }
    return out;
  }
}

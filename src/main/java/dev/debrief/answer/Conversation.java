package dev.debrief.answer;

import dev.debrief.model.Hit;
import dev.debrief.model.Passage;
import dev.debrief.model.Question;
import dev.debrief.retrieve.Retriever;
import dev.debrief.text.Sentences;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A question asked after an earlier answer in the same conversation (a Slack thread): whether it
 * follows up, how its analysis borrows the earlier question's subject, which sections it reads
 * first, and what the earlier answer already said (its sentences, the people it named).
 */
final class Conversation {
  /** A question that points back at the earlier answer ("that talk", "she", "what else"). */
  private static final Pattern REFERS_BACK =
      Pattern.compile(
          "(?i)\\b(?:(?:that|this|those|these|the same)\\s+"
              + "(?:talk|keynote|session|panel|speaker|report|one|section|part)|he|she|they|him|her|them|his|their|else|"
              + "other|others|more|too|also|again|it)\\b");

  private static final Pattern ELSE = Pattern.compile("(?i)\\b(else|other|others)\\b");

  /**
   * A follow-up that points at the place the earlier answer came from: it is answered from that
   * place only.
   */
  private static final Pattern THAT_PLACE =
      Pattern.compile(
          "(?i)\\b(?:that|this|the same)\\s+"
              + "(?:talk|keynote|session|panel|section|part|presentation|workshop|one)\\b");

  private static final Pattern MARKER = Pattern.compile("\\s*\\[\\d+]");

  /** Passages on either side of a cited one that a follow-up reads from the same section. */
  static final int SECTION_NEIGHBOURS = 3;

  private final Retriever retriever;

  /**
   * @param retriever fetches the sections an earlier answer cited
   */
  Conversation(Retriever retriever) {
    this.retriever = retriever;
  }

  /**
   * Whether {@code q} follows up its conversation: it has history, and it is vague or points back
   * ("that talk", "who else").
   */
  static boolean followsUp(Question q, QuestionAnalysis analysis) {
    return !q.history().isEmpty() && (analysis.vague() || REFERS_BACK.matcher(q.text()).find());
  }

  /**
   * Whether {@code text} points back at something said before ("she", "that talk", "the other").
   */
  static boolean refersBack(String text) {
    return REFERS_BACK.matcher(text).find();
  }

  /** Whether a follow-up points at the place the earlier answer came from ("that keynote"). */
  static boolean pointsAtThatPlace(String text) {
    return THAT_PLACE.matcher(text).find();
  }

  /** Whether a follow-up asks for others than the earlier answer named ("who else"). */
  static boolean asksForOthers(String text) {
    return ELSE.matcher(text).find();
  }

  /**
   * A follow-up's analysis: its own subject when it has one, else the earlier question's; events
   * likewise.
   */
  static QuestionAnalysis merge(QuestionAnalysis now, QuestionAnalysis before) {
    List<QuestionAnalysis.Concept> concepts =
        now.concepts().isEmpty() ? before.concepts() : now.concepts();
    List<QuestionAnalysis.Name> names = now.names().isEmpty() ? before.names() : now.names();
    EventCatalog.Mention mention =
        now.mention().named().isEmpty() ? before.mention() : now.mention();
    return new QuestionAnalysis(
        now.text(),
        now.kinds(),
        concepts,
        names,
        mention,
        now.concepts().isEmpty() ? before.parts() : now.parts());
  }

  /**
   * The cited passages and their neighbours in the same section, then the other hits (none for a
   * follow-up about "that keynote"); at most k + cited.
   */
  List<Hit> withSections(List<String> cited, List<Hit> hits, int k) {
    List<Hit> citedHits = retriever.fetch(cited);
    List<String> around = new ArrayList<>();
    for (Hit h : citedHits) {
      int dash = h.passageId().lastIndexOf("-p");
      if (dash < 0) {
        continue;
      }
      try {
        int ordinal = Integer.parseInt(h.passageId().substring(dash + 2));
        for (int o = Math.max(0, ordinal - SECTION_NEIGHBOURS);
            o <= ordinal + SECTION_NEIGHBOURS;
            o++) {
          around.add(Passage.idOf(h.reportId(), o));
        }
      } catch (NumberFormatException e) {
        around.add(h.passageId());
      }
    }
    Set<String> anchors = new LinkedHashSet<>();
    citedHits.forEach(h -> anchors.add(h.reportId() + "#" + h.anchor()));
    Map<String, Hit> out = new LinkedHashMap<>();
    for (Hit h : retriever.fetch(around)) {
      if (anchors.contains(h.reportId() + "#" + h.anchor())) {
        out.putIfAbsent(h.passageId(), h);
      }
    }
    for (Hit h : hits) {
      if (out.size() >= k + cited.size()) {
        break;
      }
      out.putIfAbsent(h.passageId(), h);
    }
    return new ArrayList<>(out.values());
  }

  /** The sentences of an earlier answer, citation markers removed. */
  static List<String> sentences(String answer) {
    List<String> out = new ArrayList<>();
    for (Sentences.Span s : Sentences.split(MARKER.matcher(answer).replaceAll(""))) {
      out.add(s.text());
    }
    return out;
  }

  private static final Pattern PERSON =
      Pattern.compile("\\b(\\p{Lu}[\\p{Ll}’'\\-]+)(?:\\s+(\\p{Lu}[\\p{Ll}’'\\-]+))?");

  /**
   * First and last names of people an earlier answer named ("Aparna Sinha" gives "Aparna" and
   * "Sinha").
   */
  static List<String> people(String answer) {
    List<String> out = new ArrayList<>();
    var m = PERSON.matcher(MARKER.matcher(answer).replaceAll(""));
    while (m.find()) {
      if (m.group(2) != null) {
        out.add(m.group(1));
        out.add(m.group(2));
      }
    }
    return out;
  }
}

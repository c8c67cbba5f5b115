package dev.debrief.answer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a question was understood: what it asks about (its subject, as weighted concepts), the
 * people, products and identifiers it names, the events and editions it names, and what kind of
 * answer it wants. Made by {@link QuestionAnalyzer}; read by retrieval (what to search for, where),
 * the refusal policy and the evidence selection.
 *
 * @param text the question as asked (trimmed)
 * @param kinds what kind of answer it wants
 * @param concepts the subject: content words and phrases, each with its equivalents; empty for
 *     "tell me more"
 * @param names names and identifiers it spells ("Werner Vogels", "P3691", "Kubernetes 1.6")
 * @param mention the events it names
 * @param parts the questions it asks, when it asks more than one ("how big was it, and how many
 *     talks were submitted?"); empty when it asks one
 */
public record QuestionAnalysis(
    String text,
    Set<Kind> kinds,
    List<Concept> concepts,
    List<Name> names,
    EventCatalog.Mention mention,
    List<Part> parts) {
  /** What kind of answer a question wants. */
  public enum Kind {
    /**
     * An overview: "summarize", "highlights", "takeaways", or an event named with nothing else
     * asked.
     */
    SUMMARY,
    /** A person: "who …". */
    WHO,
    /** A number: "how many", "how long", "what share". */
    NUMBER,
    /** Two or more events compared ("both NeurIPS and NormConf …"). */
    COMPARISON,
    /** Names of things: "which companies", "what tools". */
    NAMES,
    /**
     * Several things: "what stats were shared?", "which launches…", "list the…" (answered by a list
     * of the report's items, not by one).
     */
    LIST,
    /**
     * A talk named by what was said of it: "which talk did she call her jam?", "what session was
     * the best?" (answered with the talk's title as well as what was said).
     */
    TALK,
    /**
     * What someone made of something: "what did Mark think of the beginner session?", "Chris's take
     * on LTS", "the verdict on Aurora Limitless", "was it worth watching?" (answered with the
     * evaluating sentences that follow the one naming it, not the first alone).
     */
    OPINION
  }

  public QuestionAnalysis {
    kinds = kinds.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(kinds);
    concepts = List.copyOf(concepts);
    names = List.copyOf(names);
    parts = List.copyOf(parts);
  }

  /** An analysis of a question that asks one thing. */
  public QuestionAnalysis(
      String text,
      Set<Kind> kinds,
      List<Concept> concepts,
      List<Name> names,
      EventCatalog.Mention mention) {
    this(text, kinds, concepts, names, mention, List.of());
  }

  /**
   * One of several questions asked together.
   *
   * @param text its words as typed
   * @param concepts the concepts of the subject it asks about; empty for the overview part of a
   *     question that also asks something specific ("what were the big themes, and did the author
   *     have any complaints?")
   */
  public record Part(String text, List<Concept> concepts) {
    public Part {
      concepts = List.copyOf(concepts);
    }

    /** True for the part that asks for an overview (no concepts of its own). */
    public boolean overview() {
      return concepts.isEmpty();
    }
  }

  /**
   * One idea of the subject: a word or phrase of the question as analyzed terms, and its
   * equivalents.
   *
   * @param surface as typed ("product manager")
   * @param terms its analyzed terms, all needed ("product", "manag")
   * @param alternatives equivalent term lists, any one of which stands for it ([["pm"]])
   * @param weight importance: the sum of its terms' IDF
   */
  public record Concept(
      String surface, List<String> terms, List<List<String>> alternatives, double weight) {
    public Concept {
      if (terms.isEmpty()) {
        throw new IllegalArgumentException("concept \"" + surface + "\" has no terms");
      }
      if (!(weight >= 0)) {
        throw new IllegalArgumentException(
            "weight of \"" + surface + "\" must be >= 0, got " + weight);
      }
      terms = List.copyOf(terms);
      alternatives = alternatives.stream().map(List::copyOf).toList();
    }

    /**
     * True when {@code present} holds all its terms or all of one alternative's, a term also
     * matching a {@linkplain #near near form} ("attend" and "attende", which the stemmer leaves
     * apart).
     */
    public boolean coveredBy(Collection<String> present) {
      if (holdsAll(present, terms)) {
        return true;
      }
      for (List<String> alt : alternatives) {
        if (!alt.isEmpty() && holdsAll(present, alt)) {
          return true;
        }
      }
      return false;
    }

    /** Its terms and every alternative's. */
    public List<String> allTerms() {
      Set<String> all = new LinkedHashSet<>(terms);
      alternatives.forEach(all::addAll);
      return new ArrayList<>(all);
    }
  }

  /**
   * A name or identifier the question spells.
   *
   * @param surface as typed ("Joe Beda", "1.6")
   * @param terms its analyzed terms
   * @param alternatives equivalent term lists ("K8s": [["kubernet"]])
   */
  public record Name(String surface, List<String> terms, List<List<String>> alternatives) {
    public Name {
      terms = List.copyOf(terms);
      alternatives = alternatives.stream().map(List::copyOf).toList();
    }

    /**
     * True when {@code present} holds all its terms or all of one alternative's (exactly: names are
     * exact).
     */
    public boolean foundIn(Collection<String> present) {
      if (!terms.isEmpty() && present.containsAll(terms)) {
        return true;
      }
      return alternatives.stream().anyMatch(a -> !a.isEmpty() && present.containsAll(a));
    }

    /**
     * True when {@link #foundIn} holds, or {@code present} holds the name in a {@linkplain Spelling
     * spelling variant} ("Caeser's" for "Caesars", "AppSec" for "App Sec"; terms with digits are
     * exact): enough to say a report mentions the name, never to score a sentence by it.
     */
    public boolean foundInSomeSpelling(Collection<String> present) {
      if (foundIn(present)) {
        return true;
      }
      return Spelling.holdsVariant(present, terms)
          || alternatives.stream().anyMatch(a -> Spelling.holdsVariant(present, a));
    }

    /**
     * True when a name this specific, missing from the reports, means they do not cover the
     * question: a person's full name, a word of four or more letters, or an identifier with a
     * digit. Short capitalised abbreviations ("ML", "NYT") are too often written out in reports to
     * decide alone.
     */
    public boolean decisive() {
      String letters = surface.replaceAll("[^\\p{L}\\p{N}]", "");
      return surface.contains(" ")
          || letters.length() >= 4
          || surface.chars().anyMatch(Character::isDigit);
    }
  }

  /** Shortest stem that matches a longer one it begins ({@link #near}). */
  static final int NEAR_MIN = 5;

  /** Most extra letters a near form may have. */
  static final int NEAR_EXTRA = 2;

  /**
   * True when two analyzed terms share a beginning of at least {@link #NEAR_MIN} letters and differ
   * only in an ending of at most {@link #NEAR_EXTRA} letters on one side and one on the other:
   * Porter stems of one word family that the stemmer leaves apart ("attend" / "attende", "submit" /
   * "submiss"); "contain" and "contact" (two letters each) stay apart, and so do stems shorter than
   * five letters.
   */
  static boolean near(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    int common = 0;
    while (common < a.length() && common < b.length() && a.charAt(common) == b.charAt(common)) {
      common++;
    }
    int restA = a.length() - common;
    int restB = b.length() - common;
    return common >= NEAR_MIN
        && Math.max(restA, restB) <= NEAR_EXTRA
        && Math.min(restA, restB) <= 1;
  }

  /**
   * True when every term of {@code needed} is in {@code present}, exactly or {@linkplain #near
   * near}.
   */
  static boolean holdsAll(Collection<String> present, List<String> needed) {
    for (String t : needed) {
      if (present.contains(t)) {
        continue;
      }
      boolean found = false;
      for (String p : present) {
        if (near(p, t)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /** True for an overview question. */
  public boolean summary() {
    return kinds.contains(Kind.SUMMARY);
  }

  /** True when it names no subject and is no overview ("tell me more", "what did they say?"). */
  public boolean vague() {
    return concepts.isEmpty() && names.isEmpty() && !summary();
  }

  /** Every concept's terms and alternatives, for BM25. */
  public List<String> searchTerms() {
    Set<String> all = new LinkedHashSet<>();
    for (Name n : names) {
      all.addAll(n.terms());
      n.alternatives().forEach(all::addAll);
    }
    for (Concept c : concepts) {
      all.addAll(c.allTerms());
    }
    return new ArrayList<>(all);
  }

  /** Total weight of the concepts. */
  public double weight() {
    return concepts.stream().mapToDouble(Concept::weight).sum();
  }
}

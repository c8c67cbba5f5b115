package dev.debrief.answer;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grows an anchor sentence into the contiguous stretch an answer quotes. After the anchor, the next
 * sentence is taken when it leans back on it in the same paragraph ("He then…"), when the one
 * before introduces it (a colon: every item of the list it introduces is taken, up to {@link
 * EvidenceSelector.Weights#listMax()}), when both are items of one list and it scores at least
 * {@link EvidenceSelector.Weights#keepList()} of the anchor, or when it scores at least {@link
 * EvidenceSelector.Weights#keep()} of the anchor (or {@code keepList} when it adds a concept of the
 * question the stretch lacks); the first sentence that fails ends the stretch, so an answer never
 * skips about to reach a count. The items of a list that something introduces (a colon, a sub-topic
 * label, a heading that is the question's subject) or of an overview's answer are taken after it
 * unscored (a run of items is one unit), up to {@code listMax}; after an item of raw notes that
 * answers a fact question, the next items must score like any other sentence; the rest of a list
 * item (a sentence on the item's own line) is the same point and always taken, and so is a rating
 * line ("5/5") after the stretch. The sentence before the anchor is taken when the anchor leans
 * back on it, or when it stands in the same paragraph, holds a word of the question and scores at
 * least {@code keep} of the anchor (the answer starts there). A list whose heading is what the
 * question asks about ("action items") is quoted from its first item.
 */
final class StretchBuilder {
  /**
   * How freely a stretch grows.
   *
   * @param loose true for an overview or a question about a whole section: following sentences need
   *     only {@code keepList} of the anchor's score, and list items are taken unscored
   * @param wholeList true when the anchor's heading is the question's subject: a list is quoted
   *     from its start
   * @param listWanted true when the question asks for several things ("what stats were shared?"):
   *     the items after an answering item are taken unscored
   * @param evaluative true when the question asks what someone made of something: the rest of the
   *     anchor's paragraph carries it on, whether or not it holds a word of the question or scores
   *     ("I enjoyed her delivery…", "she delivered a good session" after the sentence naming the
   *     session): a paragraph of prose is the author's account of one thing
   */
  record Mode(boolean loose, boolean wholeList, boolean listWanted, boolean evaluative) {
    /** A fact question's stretch: every following sentence must score. */
    static final Mode STRICT = new Mode(false, false, false, false);

    /** A mode that is not evaluative. */
    Mode(boolean loose, boolean wholeList, boolean listWanted) {
      this(loose, wholeList, listWanted, false);
    }
  }

  private final EvidenceSelector.Weights weights;

  StretchBuilder(EvidenceSelector.Weights weights) {
    this.weights = weights;
  }

  /**
   * @param anchor the sentence that answers
   * @param passage its passage's lines
   * @param byLine the scores of scored lines
   * @param max most written units (a prose sentence is one, a run of list items is one)
   * @param mode how freely it grows
   * @param concepts the question's concepts: a following sentence that adds one the stretch (with
   *     its heading) lacks needs only {@code keepList} of the anchor's score; in a strict stretch a
   *     following sentence holding none of them (a digit alone does not count) carries it on only
   *     when it leans back on the one before or a list runs on
   * @param heading the analyzed terms of the anchor's section heading (what the stretch is under)
   */
  Evidence.Stretch grow(
      Evidence.Scored anchor,
      List<Evidence.Line> passage,
      Map<Evidence.Line, Evidence.Scored> byLine,
      int max,
      Mode mode,
      List<QuestionAnalysis.Concept> concepts,
      Set<String> heading) {
    boolean loose = mode.loose();
    boolean wholeList = mode.wholeList();
    int from = anchor.line().index();
    int to = from + 1;
    double keep = loose ? weights.keepList() : weights.keep();
    if (wholeList && anchor.line().bullet()) {
      while (from > 0
          && passage.get(from - 1).bullet()
          && !passage.get(from - 1).chrome()
          && anchor.line().index() - from < weights.listMax()) {
        from--;
      }
    } else if (SentenceShape.needsReferent(anchor.line().text())
        && from > 0
        && !passage.get(from - 1).chrome()
        && max >= 2) {
      from--;
    } else if (from > 0 && max >= 2 && leadsIn(passage.get(from - 1), anchor, byLine, concepts)) {
      from--;
    }
    // a run of list items is one unit: an item anchors the items after it too
    int listItems = anchor.line().bullet() ? anchor.line().index() - from + 1 : 0;
    boolean inList = anchor.line().bullet() || SentenceShape.introduces(passage.get(to - 1).text());
    // the items of a list are taken unscored when something introduces them (the anchor's colon, a
    // sub-topic label, a heading that is the question's subject), an overview or several things are
    // asked; after an
    // item that answers a fact question in raw notes, the next items must score like any sentence
    boolean introduced =
        loose
            || wholeList
            || mode.listWanted()
            || SentenceShape.introduces(passage.get(to - 1).text());
    while (to < passage.size()) {
      Evidence.Line prev = passage.get(to - 1);
      Evidence.Line next = passage.get(to);
      if (next.chrome()) {
        // a sub-topic label in notes ("Recommendations") heads the items after it: quote them under
        // it
        boolean heads =
            SentenceShape.subLabel(next.text())
                && to + 1 < passage.size()
                && passage.get(to + 1).bullet()
                && !passage.get(to + 1).chrome();
        if (!heads || units(passage.subList(from, to + 2)) > max) {
          break;
        }
        to++;
        inList = true;
        introduced = true;
        listItems = 0;
        continue;
      }
      boolean carries;
      if (inList && introduced && next.bullet() && listItems < weights.listMax()) {
        listItems++;
        carries = true;
      } else {
        inList = false;
        Evidence.Scored s = byLine.get(next);
        double share = s == null ? 0 : s.score() / anchor.score();
        Set<String> sofar = new HashSet<>(heading);
        passage.subList(from, to).forEach(l -> sofar.addAll(l.terms()));
        boolean adds =
            concepts.stream().anyMatch(c -> !c.coveredBy(sofar) && c.coveredBy(next.terms()));
        boolean sameParagraph = !prev.bullet() && !next.bullet() && sameLine(prev, next);
        // the rest of a list item is the same point ("* Caspian is a new hypervisor. Able to scale
        // memory up and down.")
        boolean restOfItem = prev.bullet() && !next.bullet() && sameLine(prev, next);
        // a sentence that shares no word with the question only scores near the anchor because the
        // embedding's similarities lie close together: in a fact answer it is padding
        // …unless it stands in the anchor's paragraph and the embedding puts it closer to the
        // question than the anchor ("…it's too accurate as a replica. You waste minutes just
        // making your avatar walk around the venue, which is sadly mostly empty.")
        boolean onTopic =
            loose
                || aboutQuestion(next, concepts)
                || sameParagraph && s != null && s.similarity() > anchor.similarity();
        carries =
            SentenceShape.leansBack(next.text()) && !next.bullet() && sameLine(prev, next)
                || restOfItem
                || SentenceShape.rating(next.text())
                || mode.evaluative() && sameParagraph
                || SentenceShape.introduces(prev.text())
                || prev.bullet() && next.bullet() && share >= weights.keepList()
                || onTopic && (adds || sameParagraph) && share >= weights.keepList()
                || onTopic && share >= keep;
        if (carries && SentenceShape.introduces(next.text())) {
          inList = true;
          introduced = true;
          listItems = 0;
        }
      }
      if (!carries || units(passage.subList(from, to + 1)) > max) {
        break;
      }
      to++;
    }
    // a stretch does not end on a sentence that introduces what it leaves out ("Two gripes come to
    // mind, however.")
    while (to - from > 1
        && to - 1 != anchor.line().index()
        && to < passage.size()
        && SentenceShape.introduces(passage.get(to - 1).text())) {
      to--;
    }
    return new Evidence.Stretch(anchor, passage.subList(from, to));
  }

  /**
   * True when the sentence before the anchor, in the same paragraph, answers nearly as well (at
   * least {@code keep} of the anchor's score) and holds a concept of the question by its own words:
   * the answer starts there ("… with about 200 attendees (two-thirds in-person …). The meeting
   * welcomed 25 new first-time guest attendees …").
   */
  private boolean leadsIn(
      Evidence.Line before,
      Evidence.Scored anchor,
      Map<Evidence.Line, Evidence.Scored> byLine,
      List<QuestionAnalysis.Concept> concepts) {
    Evidence.Scored s = byLine.get(before);
    return s != null
        && !before.chrome()
        && !before.bullet()
        && !anchor.line().bullet()
        && sameLine(before, anchor.line())
        && s.score() >= weights.keep() * anchor.score()
        && aboutQuestion(before, concepts);
  }

  /**
   * True when {@code line} holds one of the question's concepts by its own words (a digit standing
   * in for "how many" does not count), or the question has none.
   */
  static boolean aboutQuestion(Evidence.Line line, List<QuestionAnalysis.Concept> concepts) {
    if (concepts.isEmpty()) {
      return true;
    }
    Set<String> words = new HashSet<>(line.terms());
    words.remove(LineTerms.NUMBER);
    return concepts.stream().anyMatch(c -> c.coveredBy(words));
  }

  /**
   * True when two consecutive sentences share a line of the passage (one paragraph, no break
   * between).
   */
  private static boolean sameLine(Evidence.Line a, Evidence.Line b) {
    String text = a.hit().text();
    int from = Math.min(a.span().end(), text.length());
    int to = Math.max(from, Math.min(b.span().start(), text.length()));
    return text.substring(from, to).indexOf('\n') < 0;
  }

  /** Written units of consecutive lines: each prose sentence one, each run of list items one. */
  static int units(List<Evidence.Line> lines) {
    int n = 0;
    boolean inList = false;
    for (Evidence.Line l : lines) {
      if (l.bullet()) {
        if (!inList) {
          n++;
        }
        inList = true;
      } else {
        n++;
        inList = false;
      }
    }
    return n;
  }
}

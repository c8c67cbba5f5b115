package dev.debrief.text;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The stop list: words that say nothing about what a report or a claim is about. One base list,
 * shared, and two named additions for the two callers that need more. The callers do not share one
 * union: each addition would change what the other caller keeps, so each uses exactly the list it
 * was tuned with (digest tests and briefs on {@link #TOPIC}; {@code CitationVerifier.Thresholds}
 * calibrated on {@link #CLAIM}).
 *
 * <p>All words are lower case; a caller lower-cases before asking. Apostrophes appear both straight
 * and curly where a list has contractions.
 */
public final class StopWords {
  private StopWords() {}

  /**
   * English function words (articles, pronouns, auxiliaries, prepositions), a few numbers spelt
   * out, and the words every trip report uses for its own frame ("talk", "session", "speaker",
   * "said").
   */
  public static final Set<String> BASE =
      words(
          "a an the and or but if then than so of to in on at by for with from into onto about as is are was "
              + "were be been being am do does did done has have had having it its it's this that these those there "
              + "here which who whom whose what when where why how all any both each few more most other some such no "
              + "nor not only own same too very can will just should would could may might must shall also he she "
              + "they them their his her him we our us you your i me my one two said says say talk talks talked "
              + "speaker speakers session sessions like well up out over via per");

  /**
   * Added for digests and event summaries ({@link #TOPIC}): chat and filler of trip reports
   * ("really", "great", "went", "folks"), vague verbs and adverbs, and contractions. Chosen by
   * hand, not measured.
   */
  public static final Set<String> TRIP_REPORT_FILLER =
      words(
          "three lot lots really get got go going went make made use used using new first last many much way "
              + "thing things think see saw time day days year years still even back around keynote don't i'm it’s "
              + "i’m don’t that's there's let's let can't didn't isn't doesn't wasn't aren't won't they're we're "
              + "you're i've we've etc e.g i.e vs yes ok good great nice cool pretty bit quite actually probably "
              + "maybe want need know people able yet since while because though although within without between "
              + "after before during next now today tomorrow again always never often every another something "
              + "anything everything nothing someone seem seems seemed perhaps doing enjoyed enjoy enjoying "
              + "interesting interested fairly rather sure little big small different least less better best worse "
              + "worst whole fine kind sort part parts definitely especially basically certainly simply quickly "
              + "usually mostly already almost thought thinking felt feel feels looked look looks looking came come "
              + "comes coming took take takes taking gave give gives giving put puts keep kept find found finds tell "
              + "told ask asked start started starting end ended ending try tried trying hard easy unable likely "
              + "everyone anyone person guy guys folks stuff bunch couple number plenty various several ever instead "
              + "else whether either neither upon toward towards across along among amongst here's what's who's "
              + "where's how's i'd i'll you'll we'll they'll he's she's isn’t can’t didn’t");

  /**
   * Added for citation verification ({@link #CLAIM}): the words an answer uses to attribute a claim
   * to its source ("the report mentioned", "according to", "the speaker explained"), which a
   * passage need not repeat. Part of the list {@code CitationVerifier.Thresholds} were calibrated
   * with ({@code CitationVerificationEval} on ../shared/qa).
   */
  public static final Set<String> CLAIM_FRAMING =
      words(
          "report reports mentioned mention mentions noted notes note according presented presents present "
              + "discussed discusses described describes explained explains");

  /** {@link #BASE} and {@link #TRIP_REPORT_FILLER}: words that name no topic of a trip report. */
  public static final Set<String> TOPIC = union(BASE, TRIP_REPORT_FILLER);

  /** {@link #BASE} and {@link #CLAIM_FRAMING}: words that carry no content of a claim. */
  public static final Set<String> CLAIM = union(BASE, CLAIM_FRAMING);

  private static Set<String> words(String spaceSeparated) {
    return Set.copyOf(List.of(spaceSeparated.split("\\s+")));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}

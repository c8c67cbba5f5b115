package dev.debrief.text;

import java.util.regex.Pattern;

/**
 * Connectives that continue an earlier sentence, a {@link StandAlone} problem: an opening "But",
 * "Also", "However", "That said", a closing "…, though." — and the summing-up openings ("To sum it
 * up, …") that are no connective: the sentence is judged on what follows them.
 */
final class Connectives {
  private Connectives() {}

  /** A connective opening the sentence: "But", "However", "In this sense", "On the other hand". */
  static final Pattern CONNECTIVE =
      Pattern.compile(
          "(?i)^(?:and|but|so|or|nor|yet|also|plus|then|thus|hence|"
              + "therefore|however|moreover|furthermore|besides|anyway|anyhow|otherwise|instead|meanwhile|likewise|"
              + "similarly|conversely|nevertheless|nonetheless|finally|lastly|again|regardless|which|whereas|because|"
              + "although|though|still,|too,|accordingly|consequently|additionally|alternatively|afterwards|"
              + "in this sense|in that sense|in this case|in that case|in this regard|in addition|on the other hand|"
              + "on the one hand|on top of (?:that|this|it)|as a result|as such|as well|as always|as usual|as a side note|"
              + "as an aside|as mentioned|as i said|as noted|that said|having said that|other than that|apart from (?:that|this)|"
              + "aside from (?:that|this)|even so|after that|after this|before that|at the same time|for this reason|"
              + "by the way|not only that|in turn|to that end|in other words|next up|speaking of|on that note|"
              + "with that|with this|because of (?:this|that)|due to (?:this|that)|despite (?:this|that)|unlike (?:this|that)|"
              + "compared to (?:this|that)|similar to (?:this|that)|in contrast|by contrast|of course|even then|"
              + "along with (?:this|that)|anyhow|none the less|if so|if not|namely|that is)\\b");

  /**
   * An opening that sums up the report, not a reference to an earlier sentence: "To sum it up, …".
   */
  static final Pattern SUMMING_UP =
      Pattern.compile(
          "(?i)(?:to sum (?:it |this |things )?up|"
              + "to summari[sz]e|in summary|in short|all in all|overall|in conclusion|to conclude|to wrap (?:it |this )?up|"
              + "all things considered)\\s*[,:]\\s*");

  /** A closing connective that answers an earlier sentence: "…, though.", "…, however." */
  static final Pattern TRAILING_CONNECTIVE =
      Pattern.compile("(?i),\\s*(though|however|too|as well|instead|" + "then|anyway)[.!…]*$");
}

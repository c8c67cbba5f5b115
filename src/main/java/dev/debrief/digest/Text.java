package dev.debrief.digest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers shared by digests and event summaries: words, stop words, cleaning, citation markers. */
final class Text {
  private Text() {}

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}+#'’.\\-]*[\\p{L}\\p{N}+#]|[\\p{L}\\p{N}]");

  /** English function words and words that carry no topic in a trip report. */
  static final Set<String> STOP = Set.copyOf(java.util.Arrays.asList(("a an the and or but if then than so of to in on at by for with from into onto "
      + "about as is are was were be been being am do does did done has have had having it its it's this that these "
      + "those there here which who whom whose what when where why how all any both each few more most other some "
      + "such no nor not only own same too very can will just should would could may might must shall also he she "
      + "they them their his her him we our us you your i me my one two three also said says say talk talks talked "
      + "lot lots really get got go going went make made use used using like well up out over via per new just "
      + "first last many much way thing things think see saw time day days year years still even back around "
      + "session sessions speaker speakers talk keynote don't i'm it’s i’m don’t that's there's let's let can't "
      + "didn't isn't doesn't wasn't aren't won't they're we're you're i've we've etc e.g i.e vs yes ok "
      + "good great nice cool pretty bit quite actually probably maybe want need know people able yet since "
      + "while because though although within without between after before during next now today tomorrow "
      + "again always never often every another something anything everything nothing someone "
      + "seem seems seemed perhaps doing enjoyed enjoy enjoying interesting interested fairly rather sure little "
      + "big small different least less better best worse worst whole fine kind sort part parts lots "
      + "really definitely especially basically certainly simply quickly usually mostly already almost "
      + "though thought thinking felt feel feels looked look looks looking went came come comes coming took "
      + "take takes taking gave give gives giving put puts keep kept find found finds tell told ask asked "
      + "start started starting end ended ending try tried trying hard easy able unable likely "
      + "someone everyone anyone person guy guys folks stuff bunch couple number plenty various several "
      + "ever instead else whether either neither per upon toward towards across along among amongst "
      + "here's what's who's where's how's i'd i'll you'll we'll they'll he's she's isn’t can’t didn’t").split("\\s+")));

  /** Lower-cased words in order (letters/digits with inner punctuation such as C++, re:Invent pieces, 1.6). */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Matcher m = WORD.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC));
    while (m.find()) {
      out.add(m.group().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** Topic words: {@link #words} without stop words, pure numbers of fewer than 4 digits and 1-letter words. */
  static List<String> topicWords(String text) {
    List<String> out = new ArrayList<>();
    for (String w : words(text)) {
      if (w.length() < 2 || STOP.contains(w) || w.matches("\\d{1,3}") || w.matches("[\\d.,:\\-]+")) {
        continue;
      }
      out.add(w);
    }
    return out;
  }

  /** Appends {@code [n]} before a final period: "It scales." becomes "It scales [1]." */
  static String cite(String sentence, String markers) {
    String s = sentence.strip();
    if (s.endsWith(".") && !s.endsWith("..")) {
      return s.substring(0, s.length() - 1) + " " + markers + ".";
    }
    if (s.matches("(?s).*[!?:;…][\"”’)]?$")) {
      return s + " " + markers;
    }
    return s + " " + markers + "."; // a note fragment: close it so the next sentence does not run on
  }

  /** Number of whitespace-separated words. */
  static int wordCount(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  /** Cuts {@code s} to at most {@code max} characters at a word boundary, adding "…" when cut. */
  static String shorten(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int cut = s.lastIndexOf(' ', max - 1);
    if (cut < max / 2) {
      cut = max - 1;
    }
    if (Character.isHighSurrogate(s.charAt(cut - 1))) {
      cut--;
    }
    return s.substring(0, cut).stripTrailing() + "…";
  }
}

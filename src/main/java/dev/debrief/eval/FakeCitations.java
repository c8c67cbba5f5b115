package dev.debrief.eval;

import dev.debrief.cite.CitationVerifier;
import dev.debrief.model.Hit;
import dev.debrief.text.Sentences;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The fake LLM claims of {@link CitationVerificationEval}: sentences of retrieved passages,
 * verbatim or paraphrased (framing, word drops, synonyms, shortened clause), cited as their own
 * passage (correct) or as another retrieved passage that does not contain them (wrong).
 */
final class FakeCitations {
  private static final Map<String, String> SYNONYMS =
      Map.ofEntries(
          Map.entry("said", "noted"),
          Map.entry("says", "notes"),
          Map.entry("talks", "speaks"),
          Map.entry("big", "large"),
          Map.entry("new", "recent"),
          Map.entry("shows", "demonstrates"),
          Map.entry("important", "key"),
          Map.entry("people", "attendees"),
          Map.entry("uses", "relies on"),
          Map.entry("use", "employ"),
          Map.entry("great", "excellent"),
          Map.entry("very", "really"),
          Map.entry("lot", "great deal"),
          Map.entry("also", "additionally"),
          Map.entry("about", "regarding"),
          Map.entry("because", "since"),
          Map.entry("but", "however"),
          Map.entry("get", "obtain"),
          Map.entry("make", "create"),
          Map.entry("help", "assist"),
          Map.entry("start", "begin"),
          Map.entry("show", "demonstrate"));
  private static final String[] FRAMES = {
    "The report says that ",
    "According to the notes, ",
    "The write-up mentions that ",
    "It was noted that ",
    "The speaker explained that "
  };

  /** One labelled claim for calibration. */
  record Labelled(String claim, Hit cited, boolean correct) {}

  private FakeCitations() {}

  /** Random correct and wrong claims over the passages, shuffled. */
  static List<Labelled> claims(List<Hit> hits, Random random) {
    List<Labelled> out = new ArrayList<>();
    for (Hit a : hits) {
      List<String> sentences = new ArrayList<>();
      for (CitationVerifier.Sentence s : CitationVerifier.split(a.text())) {
        String body = s.body().replaceFirst("^\\s*(?:[•\\-*+·]|\\d{1,3}[.)])\\s+", "");
        int words = body.split("\\s+").length;
        boolean markup =
            body.contains("<") || body.startsWith("#") || body.matches("^[a-z_]+:\\s.*");
        if (words >= 6 && !markup && CitationVerifier.terms(body).size() >= 4) {
          sentences.add(
              words > 45 ? String.join(" ", List.of(body.split("\\s+")).subList(0, 40)) : body);
        }
      }
      if (sentences.isEmpty()) {
        continue;
      }
      for (int i = 0; i < 2; i++) {
        String s = sentences.get(random.nextInt(sentences.size()));
        String claim = random.nextBoolean() ? s : paraphrase(s, random);
        out.add(new Labelled(claim, a, true));
        Hit b = hits.get(random.nextInt(hits.size()));
        if (b != a && !Evidence.normalize(b.text()).contains(Evidence.normalize(s))) {
          String wrongClaim = random.nextBoolean() ? s : paraphrase(s, random);
          out.add(new Labelled(wrongClaim, b, false));
        }
      }
    }
    java.util.Collections.shuffle(out, random);
    // one claim per sentence text within a reply: keep the first of duplicates
    Set<String> seen = new HashSet<>();
    out.removeIf(c -> !seen.add(key(c.claim()) + "|" + c.cited().passageId()));
    return out;
  }

  /** A rough paraphrase, the way an LLM restates a passage sentence. */
  static String paraphrase(String sentence, Random random) {
    List<String> words = new ArrayList<>(List.of(sentence.split("\\s+")));
    if (random.nextBoolean() && words.size() > 14) {
      words = new ArrayList<>(words.subList(0, Math.max(8, (int) (words.size() * 0.65))));
    }
    List<String> out = new ArrayList<>();
    for (String w : words) {
      String bare = w.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
      if (SYNONYMS.containsKey(bare) && random.nextDouble() < 0.7) {
        out.add(SYNONYMS.get(bare));
      } else if (!w.matches(".*\\d.*") && w.length() <= 4 && random.nextDouble() < 0.15) {
        continue; // drop a short word
      } else {
        out.add(w);
      }
    }
    String s = String.join(" ", out);
    if (random.nextBoolean()) {
      String first = s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
      s = FRAMES[random.nextInt(FRAMES.length)] + first;
    }
    return s;
  }

  /** The sentence text a claim is matched by: end stripped, spaces collapsed, lower case. */
  static String key(String body) {
    return Sentences.stripEnd(body).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}

package dev.debrief.cite;

import dev.debrief.cite.CitationVerifier.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply or passage cut into sentences for {@link CitationVerifier}: sentence boundaries that skip
 * abbreviations, initials and numbers, the {@code [n]} markers each sentence cites, and the passage
 * windows (sentences, adjacent pairs, the whole text) that claims are compared with.
 */
final class ReplySentences {
  private ReplySentences() {}

  static final Set<String> ABBREVIATIONS =
      Set.of(
          "e.g", "i.e", "vs", "etc", "dr", "mr", "mrs", "ms", "prof", "st", "no", "fig", "approx",
          "inc", "ltd", "jr", "sr", "u.s", "cf", "al");

  /**
   * Passage windows for similarity: each sentence, each pair of adjacent sentences, and the whole
   * text.
   */
  static List<String> windows(String text) {
    List<String> sentences = new ArrayList<>();
    for (Sentence s : split(text)) {
      if (hasWords(s.body())) {
        sentences.add(s.body());
      }
    }
    List<String> w = new ArrayList<>(sentences);
    for (int i = 0; i + 1 < sentences.size(); i++) {
      w.add(sentences.get(i) + " " + sentences.get(i + 1));
    }
    if (sentences.size() != 1) {
      w.add(text);
    }
    return w;
  }

  static boolean hasWords(String s) {
    return s.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  /** Numbers of one marker's content, e.g. "1, 2" or "1-3". */
  static List<Integer> numbers(String inside) {
    List<Integer> out = new ArrayList<>();
    Matcher range =
        Pattern.compile("(\\d{1,3})\\s*[-–]\\s*(?:passages?\\s*)?(\\d{1,3})").matcher(inside);
    StringBuilder rest = new StringBuilder();
    int last = 0;
    while (range.find()) {
      int a = Integer.parseInt(range.group(1));
      int b = Integer.parseInt(range.group(2));
      if (b >= a && b - a <= 20) {
        for (int i = a; i <= b; i++) {
          out.add(i);
        }
      } else {
        out.add(a);
        out.add(b);
      }
      rest.append(inside, last, range.start()).append(' ');
      last = range.end();
    }
    rest.append(inside.substring(last));
    Matcher m = Pattern.compile("\\d{1,3}").matcher(rest);
    while (m.find()) {
      out.add(Integer.parseInt(m.group()));
    }
    return out;
  }

  /**
   * Splits a reply into sentences; markers after a sentence's full stop belong to that sentence.
   */
  static List<Sentence> split(String reply) {
    List<Sentence> out = new ArrayList<>();
    for (String line : reply.split("\\R")) {
      String l = line.strip();
      boolean first = true;
      int start = 0;
      int i = 0;
      while (i < l.length()) {
        char c = l.charAt(i);
        if ((c == '.' || c == '!' || c == '?') && isBoundary(l, i)) {
          int j = i + 1;
          while (j < l.length() && "\"')”’".indexOf(l.charAt(j)) >= 0) {
            j++;
          }
          while (true) {
            int k = j;
            while (k < l.length() && (l.charAt(k) == ' ' || l.charAt(k) == ',')) {
              k++;
            }
            Matcher m = CitationVerifier.MARKER.matcher(l).region(k, l.length());
            if (k < l.length() && m.lookingAt()) {
              j = m.end();
            } else {
              break;
            }
          }
          if (j < l.length() && l.charAt(j) == '.') {
            j++; // "claim [1]." after "claim. [1]" styles
          }
          add(out, l.substring(start, j), first);
          first = false;
          start = j;
          i = j;
        } else {
          i++;
        }
      }
      if (start < l.length()) {
        add(out, l.substring(start), first);
      }
    }
    return out;
  }

  static boolean isBoundary(String l, int i) {
    if (i + 1 < l.length()) {
      char next = l.charAt(i + 1);
      if (!(Character.isWhitespace(next) || next == '[' || "\"')”’".indexOf(next) >= 0)) {
        return false; // "1.6", "e.g.x", "example.com"
      }
    }
    if (l.charAt(i) != '.') {
      return true;
    }
    int w = i;
    while (w > 0 && (Character.isLetter(l.charAt(w - 1)) || l.charAt(w - 1) == '.')) {
      w--;
    }
    String word = l.substring(w, i).toLowerCase(Locale.ROOT);
    if (ABBREVIATIONS.contains(word)) {
      return false;
    }
    return !(word.length() == 1 && Character.isUpperCase(l.charAt(w))); // an initial: "J. Beda"
  }

  static void add(List<Sentence> out, String raw, boolean newLine) {
    String s = raw.strip();
    if (s.isEmpty()) {
      return;
    }
    List<Integer> cited = new ArrayList<>();
    Matcher m = CitationVerifier.MARKER.matcher(s);
    StringBuilder body = new StringBuilder();
    int last = 0;
    while (m.find()) {
      cited.addAll(numbers(m.group(1)));
      body.append(s, last, m.start());
      last = m.end();
    }
    body.append(s.substring(last));
    String b =
        body.toString()
            .replaceAll("\\s+([.,;:!?])", "$1")
            .replaceAll("\\s{2,}", " ")
            .replaceAll("([.!?])[.,;]+$", "$1")
            .strip();
    if (b.isEmpty() && !out.isEmpty() && !cited.isEmpty()) {
      // a marker on its own after the sentence: it belongs to the sentence before
      Sentence prev = out.remove(out.size() - 1);
      List<Integer> merged = new ArrayList<>(prev.cited());
      merged.addAll(cited);
      out.add(new Sentence(prev.body(), merged, prev.newLine()));
      return;
    }
    out.add(new Sentence(b, cited, newLine));
  }
}

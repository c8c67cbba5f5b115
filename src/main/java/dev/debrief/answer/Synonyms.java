package dev.debrief.answer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Words and phrases that mean the same to the people asking ("PM" and "product manager", "k8s" and
 * "Kubernetes", "talk", "session" and "keynote"), plus British and American spellings, for widening
 * a question: never applied to the index. The table is {@code synonyms.txt} beside this class, in
 * the equivalence-group form of Lucene's and Solr's synonym files (one group per line, entries
 * separated by commas, {@code #} comments). Spelling variants are made by rule (see {@link
 * #spellings(String)}).
 */
public final class Synonyms {
  /** One group entry: its words' keys ({@link Words#key(String)}). */
  private record Entry(List<String> words, int group) {}

  /**
   * A phrase of the question that has equivalents.
   *
   * @param from position of its first word
   * @param to position one past its last word
   * @param alternatives the other entries of its group, as text ("product manager", "pm")
   */
  public record Match(int from, int to, List<String> alternatives) {}

  private final List<List<String>> groups = new ArrayList<>();
  private final Map<String, List<Entry>> byFirstWord = new HashMap<>();

  private Synonyms(List<String> lines) {
    for (String line : lines) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      List<String> group = new ArrayList<>();
      for (String entry : l.split(",")) {
        if (!entry.isBlank()) {
          group.add(entry.strip().toLowerCase(Locale.ROOT));
        }
      }
      if (group.size() < 2) {
        continue;
      }
      int id = groups.size();
      groups.add(group);
      for (String entry : group) {
        List<String> keys = Words.of(entry).stream().map(Words.Word::key).toList();
        if (!keys.isEmpty()) {
          byFirstWord.computeIfAbsent(keys.get(0), k -> new ArrayList<>()).add(new Entry(keys, id));
        }
      }
    }
    byFirstWord.values().forEach(es -> es.sort((a, b) -> b.words().size() - a.words().size()));
  }

  /** The table shipped with Debrief ({@code synonyms.txt}). */
  public static Synonyms standard() {
    try (InputStream in = Synonyms.class.getResourceAsStream("synonyms.txt")) {
      if (in == null) {
        throw new IllegalStateException("synonyms.txt is missing from the classpath");
      }
      return of(
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A table from lines in the synonym-file form. */
  public static Synonyms of(List<String> lines) {
    return new Synonyms(lines);
  }

  /**
   * The phrases of {@code words} that have equivalents, longest first at each position, not
   * overlapping.
   */
  public List<Match> find(List<Words.Word> words) {
    List<Match> out = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      Match m = matchAt(words, i);
      if (m == null) {
        i++;
      } else {
        out.add(m);
        i = m.to();
      }
    }
    return out;
  }

  private Match matchAt(List<Words.Word> words, int i) {
    for (Entry e : byFirstWord.getOrDefault(words.get(i).key(), List.of())) {
      if (i + e.words().size() > words.size()) {
        continue;
      }
      boolean all = true;
      for (int j = 0; j < e.words().size() && all; j++) {
        all = words.get(i + j).key().equals(e.words().get(j));
      }
      if (all) {
        List<String> alts = new ArrayList<>();
        String self = String.join(" ", e.words());
        for (String other : groups.get(e.group())) {
          if (!String.join(" ", Words.of(other).stream().map(Words.Word::key).toList())
              .equals(self)) {
            alts.add(other);
          }
        }
        return new Match(i, i + e.words().size(), alts);
      }
    }
    return null;
  }

  /**
   * British and American spellings of one lower-case word, by the usual correspondences: -ise/-ize
   * (and -isation/-ization, -yse/-yze), -our/-or, -re/-er, -ogue/-og, -ence/-ense, a doubled l
   * before -ed/-ing/-er, and grey/gray. Words the rules misfire on ("hour" to "hor") only add a
   * term no report holds.
   *
   * @return the other spellings, possibly empty, never the word itself
   */
  public static List<String> spellings(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    swap(out, w, "isation", "ization");
    swap(out, w, "isations", "izations");
    swap(out, w, "ise", "ize");
    swap(out, w, "ised", "ized");
    swap(out, w, "ises", "izes");
    swap(out, w, "ising", "izing");
    swap(out, w, "iser", "izer");
    swap(out, w, "isers", "izers");
    swap(out, w, "yse", "yze");
    swap(out, w, "ysed", "yzed");
    swap(out, w, "ysing", "yzing");
    swap(out, w, "ogue", "og");
    swap(out, w, "ogues", "ogs");
    swap(out, w, "ence", "ense");
    swap(out, w, "lled", "led");
    swap(out, w, "lling", "ling");
    swap(out, w, "ller", "ler");
    if (w.length() >= 5) {
      swap(out, w, "tre", "ter");
      swap(out, w, "tres", "ters");
      for (String suffix :
          List.of("our", "ours", "oured", "ouring", "ourite", "ourites", "ourable")) {
        swap(out, w, suffix, suffix.replace("our", "or"));
      }
    }
    if (w.equals("grey")) {
      out.add("gray");
    } else if (w.equals("gray")) {
      out.add("grey");
    }
    out.remove(w);
    return out.stream().distinct().toList();
  }

  private static void swap(List<String> out, String w, String a, String b) {
    if (w.endsWith(a) && w.length() > a.length() + 1) {
      out.add(w.substring(0, w.length() - a.length()) + b);
    } else if (w.endsWith(b) && w.length() > b.length() + 1) {
      out.add(w.substring(0, w.length() - b.length()) + a);
    }
  }
}

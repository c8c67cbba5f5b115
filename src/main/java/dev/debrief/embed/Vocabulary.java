package dev.debrief.embed;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The whole words of an embedding model's WordPiece vocabulary (Wu et al. 2016; BERT's uncased
 * vocabulary of 30,522 entries, shared by all-MiniLM-L6-v2, e5-small-v2 and bge-small-en-v1.5),
 * used as a dictionary of common English words and names: "strange", "loop", "berlin" and "slack"
 * are in it; coined names such as "kubecon", "devoxx", "neurips" or "prometheus" are not, because
 * the tokenizer has to cut them into pieces. Read from the tokenizer file on the classpath ({@code
 * /NAME-tokenizer.json}, the Hugging Face tokenizers format, key {@code model.vocab}).
 */
public final class Vocabulary {
  private final Set<String> words;

  private Vocabulary(Set<String> words) {
    this.words = Set.copyOf(words);
  }

  /**
   * The whole-word entries (letters only, two or more, no "##" continuation pieces, no special
   * tokens).
   *
   * @param model the model whose tokenizer to read
   * @throws IllegalStateException when the tokenizer file is missing or not in the expected format
   */
  public static Vocabulary of(EmbeddingModel model) {
    String name = "/" + model.resource() + "-tokenizer.json";
    try (InputStream in = Vocabulary.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      JsonObject json =
          JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
              .getAsJsonObject();
      Set<String> words = new HashSet<>();
      for (String w : json.getAsJsonObject("model").getAsJsonObject("vocab").keySet()) {
        if (w.length() >= 2 && w.chars().allMatch(Character::isLetter)) {
          words.add(w);
        }
      }
      return new Vocabulary(words);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException(name + " has no WordPiece vocabulary: " + e.getMessage(), e);
    }
  }

  /** A vocabulary of exactly these words (for tests). */
  public static Vocabulary of(Set<String> words) {
    return new Vocabulary(words);
  }

  /** True when {@code lowerCaseWord} is a whole word of the vocabulary. */
  public boolean contains(String lowerCaseWord) {
    return words.contains(lowerCaseWord);
  }

  /** Number of whole words. */
  public int size() {
    return words.size();
  }
}

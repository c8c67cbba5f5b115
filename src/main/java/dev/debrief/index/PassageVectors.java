package dev.debrief.index;

import dev.debrief.embed.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Vectors for embedding texts ({@link Indexer#embeddingText}), one per text in order: from the ones
 * computed earlier in the run, the index's cache (keyed by {@link Documents#textHash} of model id
 * and text), or the model, {@link Indexer#EMBED_CHUNK} texts per call while the {@link
 * Indexer.Progress} listener hears of each chunk.
 */
final class PassageVectors {
  private final Embedder embedder;
  private final ReportWriter store;
  private Indexer.Progress progress = Indexer.Progress.NONE;

  /**
   * @param embedder embeds the texts nobody has embedded yet
   * @param store holds the vectors of passages already indexed
   */
  PassageVectors(Embedder embedder, ReportWriter store) {
    this.embedder = embedder;
    this.store = store;
  }

  /** The listener told of each embedded chunk; {@link Indexer.Progress#NONE} between runs. */
  void reportTo(Indexer.Progress progress) {
    this.progress = progress;
  }

  /** The cache key of a text: {@link Documents#textHash} of the model id and the text. */
  String key(String text) {
    return Documents.textHash(embedder.modelId(), text);
  }

  /**
   * Vectors for texts: from {@code known} (computed earlier in this run), the index's cache, or the
   * model; counted in {@code tally} as embedded or from cache.
   */
  List<float[]> vectorsFor(List<String> texts, IngestTally tally, Map<String, float[]> known) {
    return vectorsFor(texts, tally, known, false);
  }

  /**
   * Like {@link #vectorsFor(List, IngestTally, Map)}; {@code sentences} says the progress listener
   * hears of sentence texts.
   */
  List<float[]> vectorsFor(
      List<String> texts, IngestTally tally, Map<String, float[]> known, boolean sentences) {
    List<float[]> out = new ArrayList<>(texts.size());
    List<String> lookup = new ArrayList<>();
    for (String t : texts) {
      float[] v = known.get(key(t));
      out.add(v);
      if (v == null) {
        lookup.add(t);
      }
    }
    if (lookup.isEmpty()) {
      return out;
    }
    Map<String, float[]> cached = cachedVectors(lookup);
    List<String> missing = new ArrayList<>();
    List<Integer> missingAt = new ArrayList<>();
    int fromCache = 0;
    for (int i = 0; i < texts.size(); i++) {
      if (out.get(i) != null) {
        continue;
      }
      float[] v = cached.get(key(texts.get(i)));
      if (v == null) {
        missing.add(texts.get(i));
        missingAt.add(i);
      } else {
        out.set(i, v);
        fromCache++;
      }
    }
    if (!missing.isEmpty()) {
      List<float[]> fresh = new ArrayList<>(missing.size());
      if (missing.size() <= Indexer.EMBED_CHUNK) {
        fresh.addAll(embedder.embedAll(missing));
      } else {
        for (int from = 0; from < missing.size(); from += Indexer.EMBED_CHUNK) {
          fresh.addAll(
              embedder.embedAll(
                  missing.subList(from, Math.min(missing.size(), from + Indexer.EMBED_CHUNK))));
          if (sentences) {
            progress.embeddingSentences(fresh.size(), missing.size());
          } else {
            progress.embedding(fresh.size(), missing.size());
          }
        }
      }
      for (int j = 0; j < fresh.size(); j++) {
        out.set(missingAt.get(j), fresh.get(j));
      }
    }
    tally.vectors(missing.size(), fromCache);
    return out;
  }

  /**
   * Vectors for rewriting the block of a report already indexed (a source added or dropped): read
   * back, not counted as "from cache" in the run's figures, which describe the contents it indexed.
   */
  List<float[]> rewriteVectors(List<String> texts, IngestTally tally, Map<String, float[]> known) {
    IngestTally scratch = new IngestTally();
    List<float[]> out = vectorsFor(texts, scratch, known);
    tally.vectors(scratch.embedded, 0);
    return out;
  }

  /**
   * The vectors a run's writes take: passages as {@link #vectorsFor} (or {@link #rewriteVectors}
   * for a report already indexed), counted in {@code tally}; sentence texts the same way but
   * uncounted (the run's figures count passages).
   *
   * @param known vectors computed earlier in this run, by {@link #key}
   * @param rewrite true when the reports written are already indexed (a source added or dropped)
   */
  ReportLedger.Vectors forWrites(IngestTally tally, Map<String, float[]> known, boolean rewrite) {
    return new ReportLedger.Vectors() {
      @Override
      public List<float[]> passages(List<String> texts) {
        return rewrite ? rewriteVectors(texts, tally, known) : vectorsFor(texts, tally, known);
      }

      @Override
      public List<float[]> sentences(List<String> texts) {
        return vectorsFor(texts, new IngestTally(), known, true);
      }
    };
  }

  private Map<String, float[]> cachedVectors(List<String> texts) {
    List<String> keys = new ArrayList<>(texts.size());
    for (String text : texts) {
      keys.add(key(text));
    }
    return store.cachedVectors(keys);
  }
}

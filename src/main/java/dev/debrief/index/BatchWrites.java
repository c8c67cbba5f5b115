package dev.debrief.index;

import dev.debrief.index.ChangedSources.Pending;
import dev.debrief.model.Passage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The second step of an {@link Indexer}: a batch of {@link Pending} sources has its new contents
 * embedded, its passages in one call and then their sentence texts in one (one call keeps both
 * cores busy across small reports), then every source is handed to the {@link ReportLedger},
 * committing whenever the {@link CommitTimer} says so.
 */
final class BatchWrites {
  private final ReportLedger ledger;
  private final PassageVectors vectors;
  private final CommitTimer commits;
  private final Clock clock;

  /**
   * @param ledger decides and writes each source's change
   * @param vectors embeds the batch and reads back cached vectors
   * @param commits commits between writes when the interval has passed
   * @param clock stamps new reports
   */
  BatchWrites(ReportLedger ledger, PassageVectors vectors, CommitTimer commits, Clock clock) {
    this.ledger = ledger;
    this.vectors = vectors;
    this.commits = commits;
    this.clock = clock;
  }

  /** Puts each text's vector into {@code fresh} under its cache key. */
  private void remember(List<String> texts, List<float[]> embedded, Map<String, float[]> fresh) {
    for (int i = 0; i < texts.size(); i++) {
      fresh.put(vectors.key(texts.get(i)), embedded.get(i));
    }
  }

  /**
   * Embeds the new contents among {@code pending} in one call, then hands every source to the
   * ledger: on {@code writer} when given (so the next batch embeds while this one is written), else
   * here. Empties {@code pending}.
   */
  void flush(List<Pending> pending, IngestTally tally, WriterThread writer) {
    if (pending.isEmpty()) {
      return;
    }
    List<String> texts = new ArrayList<>();
    List<String> sentences = new ArrayList<>();
    for (Pending p : pending) {
      if (p.embed()) {
        for (Passage passage : p.report().passages()) {
          texts.add(Indexer.embeddingText(p.report(), passage));
        }
        sentences.addAll(ledger.sentenceTexts(p.report()));
      }
    }
    Map<String, float[]> fresh = new HashMap<>();
    remember(texts, vectors.vectorsFor(texts, tally, Map.of()), fresh);
    remember(sentences, vectors.vectorsFor(sentences, new IngestTally(), Map.of(), true), fresh);
    List<Pending> batch = List.copyOf(pending);
    pending.clear();
    Runnable write =
        () -> {
          for (Pending p : batch) {
            ReportLedger.Outcome o;
            try {
              o =
                  ledger.put(
                      p.report(),
                      p.entry(),
                      vectors.forWrites(tally, fresh, !p.embed()),
                      clock.millis());
            } catch (IndexUnavailableException e) {
              tally.fail(p.input(), "not written: " + e.getMessage());
              continue;
            }
            if (o.status() == null) {
              tally.fail(p.input(), o.reason());
            } else {
              tally.record(p.input(), p.entry().source(), o);
            }
            commits.maybeCommit(false);
          }
        };
    if (writer == null) {
      write.run();
    } else {
      writer.submit(write);
    }
  }
}

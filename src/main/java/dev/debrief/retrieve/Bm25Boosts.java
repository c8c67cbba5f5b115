package dev.debrief.retrieve;

import dev.debrief.index.Fields;
import java.util.List;

/**
 * BM25 boosts per field: a heading or title term helps, but a passage that says it in its own text
 * counts most. {@link #DEFAULT} (text 1, heading path 0.5, report title 0.2) was chosen by hand in
 * the first retriever, not measured; {@code debrief eval} on ../shared/qa gives hybrid recall@5
 * 1.000 with it.
 *
 * @param text boost of {@link Fields#TEXT}, the passage text
 * @param heading boost of {@link Fields#HEADING}, the section's heading path
 * @param title boost of {@link Fields#TITLE}, the report title
 */
record Bm25Boosts(float text, float heading, float title) {
  static final Bm25Boosts DEFAULT = new Bm25Boosts(1f, 0.5f, 0.2f);

  /** The boosts as the backend's field list, text first. */
  List<RetrievalBackend.FieldBoost> fields() {
    return List.of(
        new RetrievalBackend.FieldBoost(Fields.TEXT, text),
        new RetrievalBackend.FieldBoost(Fields.HEADING, heading),
        new RetrievalBackend.FieldBoost(Fields.TITLE, title));
  }
}

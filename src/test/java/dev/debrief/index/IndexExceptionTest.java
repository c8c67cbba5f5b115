package dev.debrief.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.apache.lucene.index.CorruptIndexException;
import org.junit.jupiter.api.Test;

/** Literal causes: a damaged index says how to recover, other failures say only what failed. */
class IndexExceptionTest {
  @Test
  void aDamagedIndexSaysHowToRecover() {
    IndexException e =
        new IndexException(
            "cannot read index /x", new IOException(new CorruptIndexException("footer", "_0.cfs")));
    assertEquals("cannot read index /x" + IndexException.REBUILD_HINT, e.getMessage());
  }

  @Test
  void otherFailuresKeepTheirMessage() {
    assertEquals(
        "cannot read index /x",
        new IndexException("cannot read index /x", new IOException("disk full")).getMessage());
  }
}

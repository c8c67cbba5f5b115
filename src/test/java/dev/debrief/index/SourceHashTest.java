package dev.debrief.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.debrief.model.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a source is compared on, literally, and what a parser version change does to it. */
class SourceHashTest {
  private static final byte[] BYTES = "# Notes\n\nA line.\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void versionOneIsTheHashOlderIndexesHold() {
    assertEquals(Hashes.sha256Hex(BYTES), ChangedSources.sourceHash(BYTES, List.of(), 1));
    assertEquals(
        Hashes.sha256Hex(Hashes.sha256Hex(BYTES) + "\nchannels=C1,C2"),
        ChangedSources.sourceHash(BYTES, List.of("C1", "C2"), 1));
  }

  @Test
  void aLaterParserVersionMakesEverySourceParseAgainOnce() {
    String v1 = ChangedSources.sourceHash(BYTES, List.of(), 1);
    String v2 = ChangedSources.sourceHash(BYTES, List.of(), 2);
    assertNotEquals(v1, v2);
    assertEquals(v2, ChangedSources.sourceHash(BYTES, List.of(), 2));
    assertEquals(Hashes.sha256Hex(v1 + "\nparser=2"), v2);
  }
}

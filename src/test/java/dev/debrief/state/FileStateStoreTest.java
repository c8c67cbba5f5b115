package dev.debrief.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal store against the contract, plus what only a file can do wrong: torn lines, two
 * owners, growth.
 */
class FileStateStoreTest extends StateStoreContract {
  @TempDir Path dir;

  @Override
  protected StateStore open(TestClock clock) {
    return new FileStateStore(dir.resolve("state"), clock);
  }

  @Override
  protected StateStore reopen() {
    store.close();
    return new FileStateStore(dir.resolve("state"), clock);
  }

  @Test
  void aLineTornByACrashIsCutOffAndTheStoreGoesOn() throws Exception {
    store.put(new StateKey("event", "a"), "1", clock.instant().plus(Duration.ofDays(1)));
    store.close();
    Path journal = dir.resolve("state").resolve(FileStateStore.JOURNAL);
    Files.writeString(
        journal,
        "{\"k\":\"event\",\"i\":\"b\",\"v\":\"2\",\"n\":9",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);

    store = new FileStateStore(dir.resolve("state"), clock);
    store.put(new StateKey("event", "c"), "3", clock.instant().plus(Duration.ofDays(1)));
    store.close();
    store = new FileStateStore(dir.resolve("state"), clock);

    assertEquals(
        List.of("a", "c"), store.list("event").stream().map(r -> r.key().id()).sorted().toList());
    assertTrue(Files.readString(journal).endsWith("\n"));
  }

  @Test
  void aSecondOwnerOfTheFolderIsRefusedAtOnce() {
    StateException e =
        assertThrows(StateException.class, () -> new FileStateStore(dir.resolve("state"), clock));
    assertEquals(
        "the Slack state in "
            + dir.resolve("state")
            + " is in use by another Debrief process (its"
            + " state.lock is locked); stop it, or give this one its own slack.stateDir",
        e.getMessage());
  }

  @Test
  void theJournalIsCompactedAndKeepsOnlyLiveRecords() throws Exception {
    StateKey k = new StateKey("thread", "busy");
    for (int i = 0; i < FileStateStore.MIN_COMPACT_LINES + 10; i++) {
      store.put(k, String.valueOf(i), clock.instant().plus(Duration.ofDays(1)));
    }
    store.put(new StateKey("event", "e"), "x", clock.instant().plus(Duration.ofDays(1)));
    Path journal = dir.resolve("state").resolve(FileStateStore.JOURNAL);
    assertTrue(
        Files.readAllLines(journal).size() < 100, Files.readAllLines(journal).size() + " lines");
    store = reopen();
    assertEquals(
        String.valueOf(FileStateStore.MIN_COMPACT_LINES + 9), store.get(k).orElseThrow().value());
    assertEquals("x", store.get(new StateKey("event", "e")).orElseThrow().value());
  }
}

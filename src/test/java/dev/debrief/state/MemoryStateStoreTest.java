package dev.debrief.state;

import dev.debrief.testing.TestClock;

/** The in-memory store against the contract (it keeps nothing across a restart). */
class MemoryStateStoreTest extends StateStoreContract {
  @Override
  protected StateStore open(TestClock clock) {
    return new MemoryStateStore(clock);
  }
}

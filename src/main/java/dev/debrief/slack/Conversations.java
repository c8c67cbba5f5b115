package dev.debrief.slack;

import dev.debrief.model.Answer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory, bounded state of conversations: which threads Debrief answered (so a follow-up there needs no
 * new mention) with their earlier questions (the history that shapes retrieval), and recent answers by key
 * (for the feedback, quotes and share buttons). Lost on restart: a follow-up after a restart needs a mention.
 */
public final class Conversations {
  /**
   * An answer remembered for its buttons.
   *
   * @param answer   the answer
   * @param channel  where it was asked
   * @param threadTs the thread it lives in (null for a top-level DM answer or an ephemeral one)
   * @param userId   who asked
   */
  public record Stored(Answer answer, String channel, String threadTs, String userId) {}

  private final Map<String, List<String>> threads;
  private final Map<String, Stored> answers;

  /** @param capacity how many threads and answers to remember */
  public Conversations(int capacity) {
    threads = lru(capacity);
    answers = lru(capacity);
  }

  private static <V> Map<String, V> lru(int capacity) {
    return new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /** True when Debrief answered in this thread. */
  public synchronized boolean answeredThread(String channel, String threadTs) {
    return threadTs != null && threads.containsKey(channel + ":" + threadTs);
  }

  /** Earlier questions of the thread, oldest first. */
  public synchronized List<String> history(String channel, String threadTs) {
    if (threadTs == null) {
      return List.of();
    }
    List<String> h = threads.get(channel + ":" + threadTs);
    return h == null ? List.of() : List.copyOf(h);
  }

  /** Records a question answered in a thread. */
  public synchronized void recordQuestion(String channel, String threadTs, String question) {
    if (threadTs == null) {
      return;
    }
    List<String> h = threads.computeIfAbsent(channel + ":" + threadTs, k -> new ArrayList<>());
    h.add(question);
    while (h.size() > 10) {
      h.remove(0);
    }
  }

  /** Stores an answer under a key. */
  public synchronized void store(String key, Stored stored) {
    answers.put(key, stored);
  }

  /** The answer stored under a key. */
  public synchronized Optional<Stored> answer(String key) {
    return Optional.ofNullable(answers.get(key));
  }
}

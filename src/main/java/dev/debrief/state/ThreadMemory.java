package dev.debrief.state;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Slack threads Debrief answered, with their questions (oldest first, the last {@value
 * #MAX_QUESTIONS}): a message in such a thread is a follow-up and needs no mention, and the earlier
 * questions shape its retrieval. Kept in a {@link StateStore} (kind {@value #KIND}, id {@code
 * channel:thread_ts}), so follow-ups in older threads work after a restart; each answer keeps the
 * thread for {@code ttl} more.
 */
public final class ThreadMemory {
  /** The record kind. */
  public static final String KIND = "thread";

  /** Questions kept per thread. */
  public static final int MAX_QUESTIONS = 10;

  /** Attempts of a read-modify-compare-and-set before giving up (another writer won every time). */
  private static final int ATTEMPTS = 20;

  private static final Gson GSON = new Gson();

  /**
   * The thread's last answer, so a follow-up can be answered from what it cited.
   *
   * @param question the question it answered
   * @param answer its text ("" when it was a refusal)
   * @param cited the passage ids it cited, in citation order
   */
  public record Exchange(String question, String answer, List<String> cited) {
    public Exchange {
      question = question == null ? "" : question;
      answer = answer == null ? "" : answer;
      cited = cited == null ? List.of() : List.copyOf(cited);
    }
  }

  /** Stored form; {@code last} is null in records written before answers were kept. */
  private record Questions(List<String> questions, Exchange last) {}

  private final StateStore store;
  private final Clock clock;
  private final Duration ttl;

  /**
   * @param ttl how long a thread is remembered after its last answer ({@code
   *     slack.threadMemoryDays})
   */
  public ThreadMemory(StateStore store, Clock clock, Duration ttl) {
    this.store = store;
    this.clock = clock;
    this.ttl = ttl;
  }

  /** True when Debrief answered in this thread. */
  public boolean answered(String channel, String threadTs) {
    return threadTs != null && channel != null && store.get(key(channel, threadTs)).isPresent();
  }

  /** The thread's earlier questions, oldest first (empty for an unknown thread). */
  public List<String> history(String channel, String threadTs) {
    if (threadTs == null || channel == null) {
      return List.of();
    }
    return store.get(key(channel, threadTs)).map(ThreadMemory::questions).orElse(List.of());
  }

  /**
   * Adds a question answered in a thread. @throws StateException when the store cannot be written
   */
  public void record(String channel, String threadTs, String question) {
    record(channel, threadTs, question, null);
  }

  /** The thread's last answer, if one was kept. */
  public Optional<Exchange> last(String channel, String threadTs) {
    if (threadTs == null || channel == null) {
      return Optional.empty();
    }
    return store.get(key(channel, threadTs)).map(ThreadMemory::stored).map(Questions::last);
  }

  /**
   * Adds a question answered in a thread with its answer (which becomes the thread's last).
   *
   * @param last the answer, or null to keep the one stored
   * @throws StateException when the store cannot be written
   */
  public void record(String channel, String threadTs, String question, Exchange last) {
    if (threadTs == null || channel == null) {
      return;
    }
    StateKey key = key(channel, threadTs);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<StateRecord> cur = store.get(key);
      List<String> qs = new ArrayList<>(cur.map(ThreadMemory::questions).orElse(List.of()));
      qs.add(question);
      while (qs.size() > MAX_QUESTIONS) {
        qs.remove(0);
      }
      Exchange keep =
          last != null ? last : cur.map(ThreadMemory::stored).map(Questions::last).orElse(null);
      String value = GSON.toJson(new Questions(qs, keep));
      boolean written =
          cur.isPresent()
              ? store
                  .compareAndSet(key, cur.get().version(), value, clock.instant().plus(ttl))
                  .isPresent()
              : store.insertIfAbsent(key, value, clock.instant().plus(ttl)).isPresent();
      if (written) {
        return;
      }
    }
    throw new StateException(
        "thread " + key.id() + " kept changing; its question was not remembered");
  }

  private static List<String> questions(StateRecord r) {
    Questions q = stored(r);
    return q.questions() == null ? List.of() : List.copyOf(q.questions());
  }

  /** The stored record; an unreadable one reads as empty. */
  private static Questions stored(StateRecord r) {
    try {
      Questions q = GSON.fromJson(r.value(), Questions.class);
      return q == null ? new Questions(List.of(), null) : q;
    } catch (JsonParseException e) {
      return new Questions(List.of(), null);
    }
  }

  private static StateKey key(String channel, String threadTs) {
    return new StateKey(KIND, channel + ":" + threadTs);
  }
}

package dev.debrief.slack;

import dev.debrief.model.Answer;
import dev.debrief.model.Question;
import dev.debrief.state.ThreadMemory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * State of conversations: which threads Debrief answered (so a follow-up there needs no new
 * mention) with their earlier questions (the history that shapes retrieval), kept in {@link
 * ThreadMemory} so it survives a restart; and recent answers by key, for the feedback, quotes and
 * share buttons, in memory and bounded (a button of an answer from before a restart says so).
 */
public final class Conversations {
  /**
   * An answer remembered for its buttons.
   *
   * @param answer the answer
   * @param channel where it was asked
   * @param threadTs the thread it lives in (null for a top-level DM answer or an ephemeral one)
   * @param userId who asked
   */
  public record Stored(Answer answer, String channel, String threadTs, String userId) {}

  private final ThreadMemory threads;
  private final Map<String, Stored> answers;

  /**
   * @param capacity how many answers to remember for their buttons
   * @param threads the threads answered
   */
  public Conversations(int capacity, ThreadMemory threads) {
    this.threads = threads;
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
  public boolean answeredThread(String channel, String threadTs) {
    return threads.answered(channel, threadTs);
  }

  /** Earlier questions of the thread, oldest first. */
  public List<String> history(String channel, String threadTs) {
    return threads.history(channel, threadTs);
  }

  /** Records a question answered in a thread. */
  public void recordQuestion(String channel, String threadTs, String question) {
    threads.record(channel, threadTs, question);
  }

  /**
   * Records a question answered in a thread with its answer: the next follow-up there is answered
   * from the sections this one cited ("who else spoke at that keynote?").
   */
  public void recordAnswer(String channel, String threadTs, Answer answer) {
    Question.Turn t = Question.Turn.of(answer);
    threads.record(
        channel,
        threadTs,
        answer.question(),
        new ThreadMemory.Exchange(t.question(), t.answer(), t.cited()));
  }

  /**
   * The thread's last answer as the previous turn of a follow-up ({@link Question.Turn#NONE} when
   * none).
   */
  public Question.Turn previous(String channel, String threadTs) {
    return threads
        .last(channel, threadTs)
        .map(e -> new Question.Turn(e.question(), e.answer(), e.cited()))
        .orElse(Question.Turn.NONE);
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

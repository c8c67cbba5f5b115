package dev.debrief.state;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The Slack messages Debrief took on, and how far it got with each, so that a restart can finish
 * what a crash left: records of kind {@value #KIND}, id {@code channel:ts} of the user's message.
 * Taking a message ({@link #claim}) is an insert-if-absent, so the {@code app_mention} and {@code
 * message} events of one message, an edit, and every retry of them are answered once, across
 * restarts too; the record then follows the answer through its stages. A message's record stays (as
 * its claim) until {@link #TTL} after it was taken.
 */
public final class PendingAnswers {
  /** The record kind. */
  public static final String KIND = "answer";

  /** How long a message stays claimed; as long as its event ids ({@link EventClaims#TTL}). */
  public static final Duration TTL = EventClaims.TTL;

  /** Attempts of a read-modify-compare-and-set before giving up. */
  private static final int ATTEMPTS = 20;

  private static final Gson GSON = new Gson();

  /** What was asked of Debrief. */
  public enum Work {
    /** Answer the question in the thread (or the DM). */
    ANSWER,
    /**
     * Add the files of the message as reports (and then answer the question it also asks, if any).
     */
    FILES
  }

  /** How far the work got. */
  public enum Stage {
    /** Taken; nothing posted yet. */
    CLAIMED,
    /** The "Looking through the reports…" placeholder is posted ({@code placeholderTs}). */
    PLACEHOLDER,
    /**
     * {@code partsDelivered} messages of the answer are in Slack (the first replaced the
     * placeholder).
     */
    DELIVERING,
    /** Answered, or told why not. */
    DONE
  }

  /**
   * One message taken on.
   *
   * @param channel the conversation
   * @param messageTs the user's message
   * @param threadTs where the answer goes (null: top level, as in a DM)
   * @param user who asked
   * @param question the text to answer, the mention removed
   * @param work what to do
   * @param stage how far it got
   * @param placeholderTs the placeholder message, once posted
   * @param partsDelivered messages of the answer delivered so far
   * @param claimedAt when it was taken, epoch milliseconds
   */
  public record Pending(
      String channel,
      String messageTs,
      String threadTs,
      String user,
      String question,
      Work work,
      Stage stage,
      String placeholderTs,
      int partsDelivered,
      long claimedAt) {
    public Pending {
      if (channel == null || channel.isBlank() || messageTs == null || messageTs.isBlank()) {
        throw new IllegalArgumentException(
            "a pending answer needs a channel and a message ts, got " + channel + " " + messageTs);
      }
      question = question == null ? "" : question;
      work = work == null ? Work.ANSWER : work;
      stage = stage == null ? Stage.CLAIMED : stage;
    }

    Pending with(Stage s, String placeholder, int parts) {
      return new Pending(
          channel, messageTs, threadTs, user, question, work, s, placeholder, parts, claimedAt);
    }
  }

  private final StateStore store;
  private final Clock clock;

  public PendingAnswers(StateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Takes a message on; empty when it was taken before (by another event of the same message, a
   * retry, or before a restart).
   */
  public Optional<Pending> claim(
      String channel, String messageTs, String threadTs, String user, String question, Work work) {
    Pending p =
        new Pending(
            channel,
            messageTs,
            threadTs,
            user,
            question,
            work,
            Stage.CLAIMED,
            null,
            0,
            clock.millis());
    return store
        .insertIfAbsent(key(channel, messageTs), GSON.toJson(p), clock.instant().plus(TTL))
        .map(r -> p);
  }

  /** Records the placeholder's ts. */
  public void placeholderPosted(Pending p, String placeholderTs) {
    update(
        p,
        cur -> cur.stage() == Stage.CLAIMED ? cur.with(Stage.PLACEHOLDER, placeholderTs, 0) : cur);
  }

  /** Records that {@code parts} messages of the answer are delivered. */
  public void delivered(Pending p, int parts) {
    update(
        p,
        cur ->
            cur.stage() == Stage.DONE
                ? cur
                : cur.with(Stage.DELIVERING, cur.placeholderTs(), parts));
  }

  /** Records that the message is answered (or the user told why not). */
  public void done(Pending p) {
    update(p, cur -> cur.with(Stage.DONE, cur.placeholderTs(), cur.partsDelivered()));
  }

  /** The record of a message, as stored now. */
  public Optional<Pending> find(String channel, String messageTs) {
    return store.get(key(channel, messageTs)).flatMap(PendingAnswers::parse);
  }

  /** Every message taken on and not done, oldest first. */
  public List<Pending> unfinished() {
    List<Pending> out = new ArrayList<>();
    for (StateRecord r : store.list(KIND)) {
      parse(r).filter(p -> p.stage() != Stage.DONE).ifPresent(out::add);
    }
    out.sort(java.util.Comparator.comparingLong(Pending::claimedAt));
    return out;
  }

  private void update(Pending p, UnaryOperator<Pending> change) {
    StateKey key = key(p.channel(), p.messageTs());
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<StateRecord> cur = store.get(key);
      if (cur.isEmpty()) {
        return; // expired: nothing left to track
      }
      Pending now = parse(cur.get()).orElse(p);
      Pending next = change.apply(now);
      if (next.equals(now)
          || store
              .compareAndSet(key, cur.get().version(), GSON.toJson(next), cur.get().expiresAt())
              .isPresent()) {
        return;
      }
    }
    throw new StateException(
        "the answer to " + key.id() + " kept changing; its progress was not recorded");
  }

  private static Optional<Pending> parse(StateRecord r) {
    try {
      return Optional.ofNullable(GSON.fromJson(r.value(), Pending.class));
    } catch (JsonParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static StateKey key(String channel, String messageTs) {
    return new StateKey(KIND, channel + ":" + messageTs);
  }
}

package dev.debrief.slack;

import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.debrief.metrics.Metrics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Web API calls Debrief makes, with Slack's rate-limit rules applied ("Rate limits",
 * https://api.slack.com/docs/rate-limits): an HTTP 429 is retried after its {@code Retry-After}
 * seconds (never in a tight loop), 5xx and network errors are retried with exponential backoff, and
 * {@code chat.update} of one message is throttled to at most one edit per second. Messages go out
 * with {@code unfurl_links} and {@code unfurl_media} false and {@code link_names} off
 * (chat.postMessage, https://api.slack.com/methods/chat.postMessage). Tokens are never logged. The
 * retry rules are {@link SlackRetries}'.
 */
public final class SlackApi {
  private static final Logger LOG = LoggerFactory.getLogger(SlackApi.class);
  private static final long UPDATE_INTERVAL_MILLIS = 1000;

  /** Sleeps; replaceable in tests and benchmarks. */
  @FunctionalInterface
  public interface Sleeper {
    /** Sleeps for {@code millis}. */
    void sleep(long millis) throws InterruptedException;
  }

  private final Slack slack;
  private final MethodsClient methods;
  private final SlackRetries retries;
  private final Map<String, Long> lastUpdate = new ConcurrentHashMap<>();
  private final Map<Integer, Object> locks = new ConcurrentHashMap<>();

  /**
   * @param slack the SDK instance (its config carries the Web API base URL)
   * @param botToken the bot token
   * @param metrics where errors are counted
   * @param sleeper how to wait between retries
   */
  public SlackApi(Slack slack, String botToken, Metrics metrics, Sleeper sleeper) {
    this.slack = slack;
    this.methods = slack.methods(botToken);
    this.retries = new SlackRetries(metrics, sleeper);
  }

  /** auth.test (https://api.slack.com/methods/auth.test). */
  public AuthTestResponse authTest() throws SlackCallException {
    return call("auth.test", () -> methods.authTest(r -> r));
  }

  /**
   * chat.postMessage; returns the new message's ts. {@code threadTs} null posts at the top level.
   */
  public String post(String channel, String threadTs, OutMessage m) throws SlackCallException {
    ChatPostMessageResponse r =
        call(
            "chat.postMessage",
            () ->
                methods.chatPostMessage(
                    b -> {
                      b.channel(channel)
                          .text(m.text())
                          .unfurlLinks(false)
                          .unfurlMedia(false)
                          .linkNames(false);
                      if (threadTs != null) {
                        b.threadTs(threadTs);
                      }
                      if (m.blocks() != null) {
                        b.blocksAsString(m.blocksJson());
                      }
                      return b;
                    }));
    return r.getTs();
  }

  /**
   * chat.update (https://api.slack.com/methods/chat.update), at most once per second per message.
   */
  public void update(String channel, String ts, OutMessage m) throws SlackCallException {
    String key = channel + ":" + ts;
    synchronized (lockFor(key)) {
      Long last = lastUpdate.get(key);
      if (last != null) {
        long waitNanos = last + UPDATE_INTERVAL_MILLIS * 1_000_000L - System.nanoTime();
        retries.pause((waitNanos + 999_999) / 1_000_000);
      }
      try {
        call(
            "chat.update",
            () ->
                methods.chatUpdate(
                    b -> {
                      b.channel(channel).ts(ts).text(m.text()).linkNames(false);
                      b.blocksAsString(m.blocks() == null ? "[]" : m.blocksJson());
                      return b;
                    }));
      } finally {
        // measured from when the previous edit finished, so Slack sees them at least a second apart
        if (lastUpdate.size() > 10_000) {
          lastUpdate.clear();
        }
        lastUpdate.put(key, System.nanoTime());
      }
    }
  }

  private Object lockFor(String key) {
    return locks.computeIfAbsent(Math.floorMod(key.hashCode(), 64), k -> new Object());
  }

  /**
   * The user's IANA time zone from users.info (https://api.slack.com/methods/users.info, field
   * {@code tz}; needs the {@code users:read} scope), or empty when unknown or the call fails.
   */
  public java.util.Optional<String> userTimeZone(String userId) {
    if (userId == null || !userId.matches("[UW][A-Z0-9]{1,20}")) {
      return java.util.Optional.empty();
    }
    try {
      com.slack.api.methods.response.users.UsersInfoResponse r =
          call("users.info", () -> methods.usersInfo(b -> b.user(userId)));
      return java.util.Optional.ofNullable(r.getUser())
          .map(com.slack.api.model.User::getTz)
          .filter(tz -> !tz.isBlank());
    } catch (SlackCallException e) {
      LOG.info("users.info for the digest time zone failed ({}); using UTC", e.error());
      return java.util.Optional.empty();
    }
  }

  /**
   * files.info (https://api.slack.com/methods/files.info): the file's name, size and private
   * download URL.
   */
  public com.slack.api.model.File filesInfo(String fileId) throws SlackCallException {
    return call("files.info", () -> methods.filesInfo(r -> r.file(fileId))).getFile();
  }

  /**
   * conversations.members (https://api.slack.com/methods/conversations.members), every page: the
   * user ids of a channel's members.
   */
  public java.util.Set<String> channelMembers(String channel) throws SlackCallException {
    java.util.Set<String> out = new java.util.HashSet<>();
    String cursor = null;
    for (int page = 0; page < 100; page++) {
      String c = cursor;
      com.slack.api.methods.response.conversations.ConversationsMembersResponse r =
          call(
              "conversations.members",
              () ->
                  methods.conversationsMembers(
                      b -> {
                        b.channel(channel).limit(1000);
                        if (c != null) {
                          b.cursor(c);
                        }
                        return b;
                      }));
      if (r.getMembers() != null) {
        out.addAll(r.getMembers());
      }
      cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
      if (cursor == null || cursor.isEmpty()) {
        break;
      }
    }
    return out;
  }

  /** A message read back from Slack: its ts, author and text. */
  public record Posted(String ts, String user, String text) {}

  /**
   * Messages after {@code oldestTs}: the replies of thread {@code threadTs} (conversations.replies,
   * https://api.slack.com/methods/conversations.replies), or, with {@code threadTs} null, the
   * conversation's top level (conversations.history,
   * https://api.slack.com/methods/conversations.history); at most {@value #READ_BACK_LIMIT}, oldest
   * first. Needs the {@code *:history} scopes Debrief's follow-ups use anyway.
   */
  public List<Posted> messagesAfter(String channel, String threadTs, String oldestTs)
      throws SlackCallException {
    List<com.slack.api.model.Message> found =
        threadTs == null
            ? call(
                    "conversations.history",
                    () ->
                        methods.conversationsHistory(
                            b -> b.channel(channel).oldest(oldestTs).limit(READ_BACK_LIMIT)))
                .getMessages()
            : call(
                    "conversations.replies",
                    () ->
                        methods.conversationsReplies(
                            b ->
                                b.channel(channel)
                                    .ts(threadTs)
                                    .oldest(oldestTs)
                                    .limit(READ_BACK_LIMIT)))
                .getMessages();
    List<Posted> out = new java.util.ArrayList<>();
    if (found != null) {
      for (com.slack.api.model.Message m : found) {
        out.add(new Posted(m.getTs(), m.getUser(), m.getText()));
      }
    }
    out.sort(
        java.util.Comparator.comparing(
            p -> new java.math.BigDecimal(p.ts() == null ? "0" : p.ts())));
    return out;
  }

  /** Messages read back at most, per call. */
  static final int READ_BACK_LIMIT = 50;

  /** views.publish of the App Home tab (https://api.slack.com/methods/views.publish). */
  public void publishHome(String userId, String viewJson) throws SlackCallException {
    call("views.publish", () -> methods.viewsPublish(b -> b.userId(userId).viewAsString(viewJson)));
  }

  /**
   * Posts to a {@code response_url} ("Handling user interaction",
   * https://api.slack.com/interactivity/handling#message_responses), with the same 429/5xx
   * handling.
   */
  public void respond(String responseUrl, JsonObject body) throws SlackCallException {
    if (responseUrl == null || responseUrl.isBlank()) {
      throw new SlackCallException("response_url", "missing response_url");
    }
    retries.respond(slack, responseUrl, body);
  }

  /** One Web API call, with {@link SlackRetries}' rules. */
  <T extends SlackApiTextResponse> T call(String method, SlackRetries.Call<T> call)
      throws SlackCallException {
    return retries.call(method, call);
  }
}

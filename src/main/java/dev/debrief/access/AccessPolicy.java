package dev.debrief.access;

import dev.debrief.model.ReportMeta;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Decides which restricted reports a question may use.
 *
 * <ul>
 *   <li>In a channel: unrestricted reports plus those restricted to that channel. Everyone in the
 *       channel sees the answer, so the asker's other memberships do not widen it.
 *   <li>In a DM: unrestricted reports, those restricted to the DM itself (a file added there "this
 *       channel only"), and those restricted to a channel the asker is a member of. Membership
 *       comes from a {@link Membership} lookup (Slack {@code conversations.members}), cached per
 *       channel for a short time measured on the injected clock. A failed lookup counts as "not a
 *       member" (fail closed) for the same time.
 * </ul>
 *
 * Thread-safe.
 */
public final class AccessPolicy {
  /** Looks up the members of a channel. */
  @FunctionalInterface
  public interface Membership {
    /**
     * @return the user ids of the channel's members
     * @throws Exception when the lookup fails (then the user counts as not a member)
     */
    Set<String> members(String channelId) throws Exception;
  }

  private record Cached(Set<String> members, Instant at) {}

  private final Supplier<? extends Collection<String>> restrictedChannels;
  private final Membership membership;
  private final Clock clock;
  private final Duration ttl;
  private final Consumer<String> warnings;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  /**
   * @param restrictedChannels the channels any indexed report is restricted to (from the catalog)
   * @param membership channel member lookup
   * @param clock for the cache
   * @param ttl how long a member list is reused
   * @param warnings where failed lookups are reported (one line, no secrets)
   */
  public AccessPolicy(
      Supplier<? extends Collection<String>> restrictedChannels,
      Membership membership,
      Clock clock,
      Duration ttl,
      Consumer<String> warnings) {
    this.restrictedChannels = restrictedChannels;
    this.membership = membership;
    this.clock = clock;
    this.ttl = ttl;
    this.warnings = warnings;
  }

  /**
   * The value for {@link dev.debrief.model.SearchFilters#allowedChannels()}: never null, so
   * retrieval always filters (unrestricted reports always pass).
   *
   * @param channelId where the question was asked (a C…, G… or D… id)
   * @param userId who asked
   * @param isDm true for a direct message with Debrief
   */
  public List<String> allowedChannels(String channelId, String userId, boolean isDm) {
    List<String> allowed = new ArrayList<>();
    if (channelId != null && !channelId.isBlank()) {
      allowed.add(channelId);
    }
    if (!isDm || userId == null || userId.isBlank()) {
      return List.copyOf(allowed);
    }
    for (String c : new TreeSet<>(restrictedChannels.get())) {
      if (!allowed.contains(c) && isMember(c, userId)) {
        allowed.add(c);
      }
    }
    return List.copyOf(allowed);
  }

  /**
   * True when a report with {@code meta} may be used where {@code allowedChannels} apply (null:
   * anywhere).
   */
  public static boolean permits(ReportMeta meta, List<String> allowedChannels) {
    return allowedChannels == null
        || meta.channels().isEmpty()
        || meta.channels().stream().anyMatch(allowedChannels::contains);
  }

  private boolean isMember(String channelId, String userId) {
    Instant now = clock.instant();
    Cached c = cache.get(channelId);
    if (c == null || !now.isBefore(c.at().plus(ttl))) {
      try {
        c = new Cached(Set.copyOf(membership.members(channelId)), now);
        cache.put(channelId, c);
      } catch (Exception e) {
        // Fail closed, and remember the failure for the same short time so a broken channel (e.g.
        // Debrief was
        // removed from it) does not cost a Web API call on every DM question.
        warnings.accept(
            "membership lookup for "
                + channelId
                + " failed ("
                + e.getClass().getSimpleName()
                + "); treating askers as not members for "
                + ttl.toSeconds()
                + " s");
        cache.put(channelId, new Cached(Set.of(), now));
        return false;
      }
    }
    return c.members().contains(userId);
  }

  /** Forgets cached member lists (e.g. on a member_joined_channel / member_left_channel event). */
  public void invalidate(String channelId) {
    cache.remove(channelId);
  }
}

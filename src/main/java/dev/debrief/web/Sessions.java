package dev.debrief.web;

import dev.debrief.http.SignIn;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed session cookies for people who signed in with Slack: {@code base64url(userId \n teamId \n
 * name \n expiresEpochSecond) "." base64url(HMAC-SHA256)} (RFC 2104). Nothing is stored on the
 * server; a cookie whose signature does not match or whose time is past (on the injected clock) is
 * no session.
 */
public final class Sessions {
  /** The cookie's name. */
  public static final String COOKIE = "debrief_session";

  /** A sign-in lasts a working day. */
  public static final Duration LIFETIME = Duration.ofHours(12);

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final byte[] key;
  private final Clock clock;

  /**
   * @param key at least 32 bytes of secret (random per server start, or derived from
   *     DEBRIEF_LINK_SECRET)
   * @param clock "now", for expiry
   */
  public Sessions(byte[] key, Clock clock) {
    if (key == null || key.length < 32) {
      throw new IllegalArgumentException("session key must have at least 32 bytes");
    }
    this.key = key.clone();
    this.clock = clock;
  }

  /** A cookie value for {@code user}, valid for {@link #LIFETIME}. */
  public String issue(SignIn.User user) {
    long expires = clock.instant().plus(LIFETIME).getEpochSecond();
    String body =
        B64.encodeToString(
            (user.userId()
                    + "\n"
                    + user.teamId()
                    + "\n"
                    + user.name().replace('\n', ' ')
                    + "\n"
                    + expires)
                .getBytes(StandardCharsets.UTF_8));
    return body + "." + B64.encodeToString(mac(body));
  }

  /** The signed-in person of a cookie value, or empty when absent, forged, malformed or expired. */
  public Optional<SignIn.User> verify(String cookie) {
    if (cookie == null) {
      return Optional.empty();
    }
    int dot = cookie.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String body = cookie.substring(0, dot);
    try {
      if (!MessageDigest.isEqual(mac(body), B64D.decode(cookie.substring(dot + 1)))) {
        return Optional.empty();
      }
      String[] f = new String(B64D.decode(body), StandardCharsets.UTF_8).split("\n", -1);
      if (f.length != 4 || Long.parseLong(f[3]) <= clock.instant().getEpochSecond()) {
        return Optional.empty();
      }
      return Optional.of(new SignIn.User(f[0], f[1], f[2]));
    } catch (IllegalArgumentException e) { // bad base64, number or user id
      return Optional.empty();
    }
  }

  private byte[] mac(String body) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(key, "HmacSHA256"));
      return m.doFinal(body.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}

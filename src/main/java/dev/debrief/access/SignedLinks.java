package dev.debrief.access;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring viewer links for restricted reports: {@code exp} (epoch seconds) and {@code
 * sig}, the unpadded base64url HMAC-SHA256 (RFC 2104) of {@code reportId + "\n" + exp} under a
 * secret from the environment variable {@value #ENV}. Verification recomputes the MAC and compares
 * in constant time ({@link MessageDigest#isEqual}); a link past its expiry, or whose signature does
 * not match, is refused. Thread-safe.
 */
public final class SignedLinks {
  /** The environment variable holding the secret (at least 32 characters). */
  public static final String ENV = "DEBRIEF_LINK_SECRET";

  /** Shortest accepted secret, in bytes. */
  public static final int MIN_SECRET_BYTES = 32;

  /** Outcome of a check. */
  public enum Check {
    VALID,
    MISSING,
    EXPIRED,
    BAD_SIGNATURE
  }

  private final byte[] secret;
  private final Clock clock;
  private final Duration ttl;
  private final AtomicReference<String> pendingWarning = new AtomicReference<>();
  private Consumer<String> warnings = w -> {};

  /**
   * @param secret the HMAC key (at least {@value #MIN_SECRET_BYTES} bytes)
   * @param clock time source for expiry
   * @param ttl how long a link is valid after it is made
   */
  public SignedLinks(byte[] secret, Clock clock, Duration ttl) {
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          ENV + " must be at least " + MIN_SECRET_BYTES + " bytes long");
    }
    this.secret = secret.clone();
    this.clock = clock;
    this.ttl = ttl;
  }

  /**
   * The signer for {@value #ENV}; without it (or with one that is too short) a random per-process
   * secret and a warning: links then stop working when the process restarts.
   */
  public static SignedLinks fromEnv(
      Map<String, String> env, Clock clock, Duration ttl, Consumer<String> warnings) {
    String s = env.get(ENV);
    if (s != null && s.getBytes(StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES) {
      return new SignedLinks(s.getBytes(StandardCharsets.UTF_8), clock, ttl);
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    SignedLinks links = new SignedLinks(random, clock, ttl);
    links.warnings = warnings;
    links.pendingWarning.set(
        (s == null || s.isEmpty()
                ? ENV + " is not set"
                : ENV + " is shorter than " + MIN_SECRET_BYTES + " bytes")
            + "; links to restricted reports use a random secret and stop working"
            + " when Debrief restarts");
    return links;
  }

  /**
   * The query parameters ({@code exp=…&sig=…}) for a link to {@code reportId} valid for the ttl
   * from now.
   */
  public String query(String reportId) {
    String warning = pendingWarning.getAndSet(null);
    if (warning != null) {
      warnings.accept(warning); // once, and only when a restricted report is actually linked
    }
    long exp = clock.instant().plus(ttl).getEpochSecond();
    return "exp=" + exp + "&sig=" + sign(reportId, exp);
  }

  /** The signature for a report id and an expiry. */
  public String sign(String reportId, long expiresEpochSecond) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(mac(reportId + "\n" + expiresEpochSecond));
  }

  /**
   * Checks a link's parameters.
   *
   * @param exp the {@code exp} parameter (null when absent)
   * @param sig the {@code sig} parameter (null when absent)
   */
  public Check verify(String reportId, String exp, String sig) {
    if (exp == null || sig == null || exp.isEmpty() || sig.isEmpty()) {
      return Check.MISSING;
    }
    long expiry;
    try {
      expiry = Long.parseLong(exp);
    } catch (NumberFormatException e) {
      return Check.BAD_SIGNATURE;
    }
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(sig);
    } catch (IllegalArgumentException e) {
      return Check.BAD_SIGNATURE;
    }
    if (!MessageDigest.isEqual(mac(reportId + "\n" + expiry), given)) {
      return Check.BAD_SIGNATURE;
    }
    return clock.instant().getEpochSecond() < expiry ? Check.VALID : Check.EXPIRED;
  }

  private byte[] mac(String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}

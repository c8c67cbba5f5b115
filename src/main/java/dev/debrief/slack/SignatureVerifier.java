package dev.debrief.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Slack request signatures as "Verifying requests from Slack" describes
 * (https://api.slack.com/authentication/verifying-requests-from-slack): {@code v0=} + hex
 * HMAC-SHA256 of {@code "v0:" + X-Slack-Request-Timestamp + ":" + body}, computed over the raw body
 * bytes exactly as received, compared in constant time; a timestamp more than five minutes from now
 * is refused (replay protection).
 */
public final class SignatureVerifier {
  private static final long MAX_SKEW_SECONDS = 5 * 60;
  private final byte[] secret;
  private final Clock clock;

  /**
   * @param signingSecret the app's signing secret
   * @param clock "now" for the timestamp check
   */
  public SignatureVerifier(String signingSecret, Clock clock) {
    this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /** The signature Slack would send for this timestamp and body. */
  public String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      mac.update(body);
      return "v0=" + HexFormat.of().formatHex(mac.doFinal());
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  /** True when the timestamp is fresh and the signature matches. */
  public boolean verify(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
      return false;
    }
    long ts = Long.parseLong(timestamp);
    if (Math.abs(clock.instant().getEpochSecond() - ts) > MAX_SKEW_SECONDS) {
      return false;
    }
    byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.UTF_8));
  }
}

package dev.debrief.cli;

import dev.debrief.access.AccessPolicy;
import dev.debrief.access.SignedLinks;
import dev.debrief.answer.Answerer;
import dev.debrief.config.DebriefConfig;
import dev.debrief.http.SignIn;
import dev.debrief.model.Hashes;
import dev.debrief.web.AskSite;
import dev.debrief.web.Sessions;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The web side ({@code web.auth}): the ask page and library, with Sign in with Slack and session
 * cookies when {@code web.auth} is "slack". Not thread-safe (see {@link Wiring}).
 */
final class WebWiring {
  /** Characters of {@code DEBRIEF_LINK_SECRET} needed before session keys are derived from it. */
  private static final int MIN_SECRET_CHARS = 32;

  /** Bytes of a random session key. */
  private static final int SESSION_KEY_BYTES = 32;

  private final Wiring root;
  private final DebriefConfig config;
  private final StorageWiring storage;
  private final AccessWiring access;

  /**
   * @param root the settings (environment, clock)
   * @param storage the catalog the library page lists and the index folder it names
   * @param access the access policy for signed-in people
   */
  WebWiring(Wiring root, StorageWiring storage, AccessWiring access) {
    this.root = root;
    this.config = root.config();
    this.storage = storage;
    this.access = access;
  }

  AskSite askSite(SignIn signIn, AccessPolicy.Membership membership, Answerer answerer) {
    boolean slack = "slack".equals(config.web.auth);
    Sessions sessions = slack ? new Sessions(sessionKey(), root.clock()) : null;
    return new AskSite(
        answerer,
        storage.catalog(),
        config.web.publicBaseUrl,
        slack ? AskSite.Auth.SLACK : AskSite.Auth.NONE,
        slack ? signIn : null,
        sessions,
        slack ? access.accessPolicy(membership) : null,
        storage.index().dir().toAbsolutePath().toString());
  }

  /**
   * The key of web session cookies: derived from {@code DEBRIEF_LINK_SECRET} when set (sessions
   * survive a restart), else random for this process.
   */
  private byte[] sessionKey() {
    String secret = root.env().get(SignedLinks.ENV);
    if (secret != null && secret.strip().length() >= MIN_SECRET_CHARS) {
      return Hashes.sha256Hex("debrief web session\n" + secret.strip())
          .getBytes(StandardCharsets.US_ASCII);
    }
    byte[] key = new byte[SESSION_KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return key;
  }
}

package dev.debrief.http;

/**
 * "Sign in with Slack" (OpenID Connect, https://api.slack.com/authentication/sign-in-with-slack) as
 * the web side needs it; the Slack package implements it with {@code openid.connect.token} and
 * {@code openid.connect.userInfo}, so nothing here depends on Bolt.
 */
public interface SignIn {
  /** A person Slack vouched for. */
  record User(String userId, String teamId, String name) {
    public User {
      if (userId == null || !userId.matches("[UW][A-Z0-9]{2,}")) {
        throw new IllegalArgumentException("Slack user id expected, got " + userId);
      }
      teamId = teamId == null ? "" : teamId;
      name = name == null || name.isBlank() ? userId : name;
    }
  }

  /**
   * The Slack authorization URL to send the browser to (scopes {@code openid profile}).
   *
   * @param state an unguessable value echoed back to the callback (CSRF protection)
   * @param nonce an unguessable value Slack puts into the id token
   * @param redirectUri the callback, {@code {web.publicBaseUrl}/auth/slack/callback}
   */
  String authorizeUrl(String state, String nonce, String redirectUri);

  /**
   * Exchanges the callback's code for the person's identity.
   *
   * @throws SignInException with a reason for people when Slack refuses the code or cannot be
   *     reached
   */
  User exchange(String code, String redirectUri) throws SignInException;

  /** Why signing in failed, in plain words. */
  final class SignInException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param reason for people, e.g. "Slack refused the sign-in code (invalid_code)"
     */
    public SignInException(String reason) {
      super(reason);
    }
  }
}

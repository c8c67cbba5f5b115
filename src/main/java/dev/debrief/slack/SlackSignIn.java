package dev.debrief.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.openid.connect.OpenIDConnectTokenRequest;
import com.slack.api.methods.request.openid.connect.OpenIDConnectUserInfoRequest;
import com.slack.api.methods.response.openid.connect.OpenIDConnectTokenResponse;
import com.slack.api.methods.response.openid.connect.OpenIDConnectUserInfoResponse;
import dev.debrief.access.AccessPolicy;
import dev.debrief.http.SignIn;
import dev.debrief.metrics.Metrics;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * "Sign in with Slack" for the ask page (OpenID Connect,
 * https://api.slack.com/authentication/sign-in-with-slack): the browser goes to {@code
 * /openid/connect/authorize} on Slack's host (the host of {@code SLACK_API_URL}, so tests use a
 * fake), the callback's code is exchanged with {@code openid.connect.token}
 * (https://api.slack.com/methods/openid.connect.token) and the person read with {@code
 * openid.connect.userInfo} (https://api.slack.com/methods/openid.connect.userInfo). Channel
 * membership for access decisions is {@code conversations.members} with the bot token.
 *
 * <p>Environment: {@code SLACK_CLIENT_ID} and {@code SLACK_CLIENT_SECRET} (Basic Information › App
 * Credentials), {@code SLACK_BOT_TOKEN} (membership lookups), optional {@code SLACK_API_URL}.
 */
public final class SlackSignIn implements SignIn {
  private final Slack slack;
  private final String clientId;
  private final String clientSecret;
  private final String authorizeUrl;
  private final SlackApi api;

  private SlackSignIn(
      Slack slack, String clientId, String clientSecret, String authorizeUrl, SlackApi api) {
    this.slack = slack;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.authorizeUrl = authorizeUrl;
    this.api = api;
  }

  /**
   * Reads and checks the environment.
   *
   * @throws SlackStartupException naming the variable that is missing or malformed
   */
  public static SlackSignIn fromEnv(Map<String, String> env, Metrics metrics) {
    String id = trimmed(env.get("SLACK_CLIENT_ID"));
    String secret = trimmed(env.get("SLACK_CLIENT_SECRET"));
    String bot = trimmed(env.get("SLACK_BOT_TOKEN"));
    if (id.isEmpty() || secret.isEmpty()) {
      throw new SlackStartupException(
          "web.auth is slack but "
              + (id.isEmpty() ? "SLACK_CLIENT_ID" : "SLACK_CLIENT_SECRET")
              + " is not set: export the app's Client ID and Client Secret (Basic Information > App Credentials);"
              + " see docs/web.md");
    }
    if (!bot.startsWith("xoxb-")) {
      throw new SlackStartupException(
          "web.auth is slack but SLACK_BOT_TOKEN is "
              + (bot.isEmpty() ? "not set" : "not a bot token (it must start with xoxb-)")
              + ": it is needed to look up channel members; see docs/web.md");
    }
    String apiUrl = trimmed(env.get("SLACK_API_URL"));
    if (apiUrl.isEmpty()) {
      apiUrl = SlackEnv.DEFAULT_API_URL;
    }
    if (!apiUrl.endsWith("/")) {
      apiUrl += "/";
    }
    URI u = URI.create(apiUrl);
    String origin = u.getScheme() + "://" + u.getRawAuthority();
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl);
    config.setStatsEnabled(false);
    Slack slack = Slack.getInstance(config);
    return new SlackSignIn(
        slack,
        id,
        secret,
        origin + "/openid/connect/authorize",
        new SlackApi(slack, bot, metrics, Thread::sleep));
  }

  @Override
  public String authorizeUrl(String state, String nonce, String redirectUri) {
    return authorizeUrl
        + "?response_type=code&scope="
        + enc("openid profile")
        + "&client_id="
        + enc(clientId)
        + "&state="
        + enc(state)
        + "&nonce="
        + enc(nonce)
        + "&redirect_uri="
        + enc(redirectUri);
  }

  @Override
  public User exchange(String code, String redirectUri) throws SignInException {
    try {
      OpenIDConnectTokenResponse token =
          slack
              .methods()
              .openIDConnectToken(
                  OpenIDConnectTokenRequest.builder()
                      .clientId(clientId)
                      .clientSecret(clientSecret)
                      .code(code)
                      .redirectUri(redirectUri)
                      .build());
      if (!token.isOk()) {
        throw new SignInException(
            "Slack refused the sign-in (openid.connect.token: "
                + token.getError()
                + ")"
                + (token.getError() != null && token.getError().contains("client")
                    ? "; check SLACK_CLIENT_ID and" + " SLACK_CLIENT_SECRET"
                    : ""));
      }
      OpenIDConnectUserInfoResponse info =
          slack
              .methods()
              .openIDConnectUserInfo(
                  OpenIDConnectUserInfoRequest.builder().token(token.getAccessToken()).build());
      if (!info.isOk()) {
        throw new SignInException(
            "Slack did not say who signed in (openid.connect.userInfo: " + info.getError() + ")");
      }
      try {
        return new User(
            info.getUserId() != null ? info.getUserId() : info.getSub(),
            info.getTeamId(),
            info.getName());
      } catch (IllegalArgumentException e) {
        throw new SignInException("Slack answered an unexpected user id");
      }
    } catch (IOException | SlackApiException e) {
      throw new SignInException(
          "Slack could not be reached to finish the sign-in ("
              + e.getClass().getSimpleName()
              + "); try again");
    }
  }

  /**
   * Channel member lookups for the web's access policy (conversations.members with the bot token).
   */
  public AccessPolicy.Membership membership() {
    return api::channelMembers;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String trimmed(String s) {
    return s == null ? "" : s.strip();
  }
}

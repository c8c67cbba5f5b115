package dev.debrief.slack;

import java.util.Map;

/**
 * Slack secrets and endpoints, read only from the environment (never from config files) and never
 * logged: {@code SLACK_BOT_TOKEN} (required, xoxb-…), {@code SLACK_SIGNING_SECRET} (HTTP mode, see
 * "Verifying requests from Slack",
 * https://api.slack.com/authentication/verifying-requests-from-slack), {@code SLACK_APP_TOKEN}
 * (Socket Mode, xapp-…, https://api.slack.com/apis/socket-mode) and {@code SLACK_API_URL} (optional
 * Web API base, default {@code https://slack.com/api/}). {@link #toString()} redacts every secret.
 *
 * @param botToken the bot token
 * @param signingSecret the signing secret, or "" when absent
 * @param appToken the app-level token, or "" when absent
 * @param apiUrl Web API base URL ending in "/"
 */
public record SlackEnv(String botToken, String signingSecret, String appToken, String apiUrl) {
  /** Default Web API base. */
  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  /** How Slack reaches Debrief. */
  public enum Mode {
    HTTP,
    SOCKET
  }

  /**
   * Reads and checks the environment.
   *
   * @throws SlackStartupException with one clear line when something is missing or malformed
   */
  public static SlackEnv from(Map<String, String> env) {
    String bot = trimmed(env.get("SLACK_BOT_TOKEN"));
    String secret = trimmed(env.get("SLACK_SIGNING_SECRET"));
    String app = trimmed(env.get("SLACK_APP_TOKEN"));
    String api = trimmed(env.get("SLACK_API_URL"));
    if (bot.isEmpty()) {
      throw new SlackStartupException(
          "SLACK_BOT_TOKEN is not set: export the app's Bot User OAuth Token (xoxb-...)"
              + " from OAuth & Permissions; see docs/slack.md");
    }
    if (!bot.startsWith("xoxb-")) {
      throw new SlackStartupException(
          "SLACK_BOT_TOKEN does not look like a bot token: it must start with xoxb-");
    }
    if (!app.isEmpty() && !app.startsWith("xapp-")) {
      throw new SlackStartupException(
          "SLACK_APP_TOKEN does not look like an app-level token: it must start with"
              + " xapp- (Basic Information > App-Level Tokens, scope connections:write)");
    }
    if (secret.isEmpty() && app.isEmpty()) {
      throw new SlackStartupException(
          "Neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is"
              + " set: export one of them; see docs/slack.md");
    }
    if (api.isEmpty()) {
      api = DEFAULT_API_URL;
    }
    if (!api.matches("https?://[^\\s]+")) {
      throw new SlackStartupException(
          "SLACK_API_URL must be an http(s) URL such as https://slack.com/api/");
    }
    if (!api.endsWith("/")) {
      api = api + "/";
    }
    return new SlackEnv(bot, secret, app, api);
  }

  /**
   * True when none of {@code SLACK_BOT_TOKEN}, {@code SLACK_SIGNING_SECRET}, {@code
   * SLACK_APP_TOKEN} is set: {@code debrief serve} then runs the web side only.
   */
  public static boolean noneSet(Map<String, String> env) {
    return trimmed(env.get("SLACK_BOT_TOKEN")).isEmpty()
        && trimmed(env.get("SLACK_SIGNING_SECRET")).isEmpty()
        && trimmed(env.get("SLACK_APP_TOKEN")).isEmpty();
  }

  /** Socket Mode when an app token is present, else HTTP mode. */
  public Mode mode() {
    return appToken.isEmpty() ? Mode.HTTP : Mode.SOCKET;
  }

  private static String trimmed(String s) {
    return s == null ? "" : s.strip();
  }

  @Override
  public String toString() {
    return "SlackEnv[botToken=<redacted>, signingSecret="
        + (signingSecret.isEmpty() ? "<unset>" : "<redacted>")
        + ", appToken="
        + (appToken.isEmpty() ? "<unset>" : "<redacted>")
        + ", apiUrl="
        + apiUrl
        + "]";
  }
}

package dev.debrief.slack;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import java.io.IOException;

/**
 * Checks the app-level token before Socket Mode starts, so a wrong {@code SLACK_APP_TOKEN} stops
 * start-up with a line that names the variable (Bolt's client would only log {@code invalid_auth}
 * and retry). It calls {@code apps.connections.open}
 * (https://api.slack.com/methods/apps.connections.open) once; the WebSocket URL it returns is
 * single-use and left unused.
 */
final class SlackTokenCheck {
  private SlackTokenCheck() {}

  /**
   * @throws SlackStartupException naming SLACK_APP_TOKEN when Slack refuses it or cannot be reached
   */
  static void appToken(Slack slack, String appToken, String apiUrl) {
    AppsConnectionsOpenResponse r;
    try {
      r = slack.methods(appToken).appsConnectionsOpen(req -> req);
    } catch (IOException | SlackApiException e) {
      throw new SlackStartupException(
          "Cannot reach Slack at "
              + apiUrl
              + " to check SLACK_APP_TOKEN"
              + " (apps.connections.open: "
              + e.getClass().getSimpleName()
              + "); check the network or SLACK_API_URL");
    }
    if (!r.isOk()) {
      throw new SlackStartupException(
          "Slack rejected SLACK_APP_TOKEN (apps.connections.open: "
              + r.getError()
              + "); use the app-level token (xapp-...) with the connections:write scope from Basic Information >"
              + " App-Level Tokens, and enable Socket Mode");
    }
  }
}

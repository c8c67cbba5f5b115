package dev.debrief.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.auth.AuthTestResponse;

/**
 * The Bolt objects of one server, made from the checked environment: the Slack Web API client
 * ({@code SLACK_API_URL} goes to {@code SlackConfig#setMethodsEndpointUrlPrefix}) and the Bolt
 * {@code App} (https://slack.dev/java-slack-sdk/guides/bolt-basics). They are made here, not in
 * cli, because Bolt stays inside this package.
 */
final class BoltApps {
  private BoltApps() {}

  /**
   * The Web API client: calls go to {@code env.apiUrl()}; no pretty response logging, no call
   * statistics.
   */
  static Slack client(SlackEnv env) {
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(env.apiUrl());
    slackConfig.setPrettyResponseLoggingEnabled(false);
    slackConfig.setStatsEnabled(false);
    return Slack.getInstance(slackConfig);
  }

  /**
   * The Bolt app for one workspace's bot token; requests verified with the signing secret when
   * there is one (HTTP mode). An event no listener takes is acked (Slack would retry it); any other
   * unmatched request gets 404.
   */
  static App app(Slack slack, SlackEnv env) {
    AppConfig.AppConfigBuilder appConfig =
        AppConfig.builder()
            .slack(slack)
            .singleTeamBotToken(env.botToken())
            .unmatchedRequestHandler(
                req ->
                    req.getRequestType() == RequestType.Event
                        ? Response.ok()
                        : Response.json(404, "{\"error\":\"no handler\"}"));
    if (!env.signingSecret().isEmpty()) {
      appConfig.signingSecret(env.signingSecret());
    }
    return new App(appConfig.build());
  }

  /**
   * auth.test (https://api.slack.com/methods/auth.test), with a failure in one clear line.
   *
   * @throws SlackStartupException when Slack cannot be reached or rejects the bot token
   */
  static AuthTestResponse authTest(SlackApi api, SlackEnv env) {
    try {
      return api.authTest();
    } catch (SlackCallException e) {
      if (e.error().startsWith("network error") || e.error().startsWith("HTTP ")) {
        throw new SlackStartupException(
            "Cannot reach Slack at "
                + env.apiUrl()
                + " (auth.test: "
                + e.error()
                + "); check the network or SLACK_API_URL");
      }
      throw new SlackStartupException(
          "Slack rejected SLACK_BOT_TOKEN (auth.test: "
              + e.error()
              + "); check the token"
              + " and that the app is installed to the workspace");
    }
  }
}

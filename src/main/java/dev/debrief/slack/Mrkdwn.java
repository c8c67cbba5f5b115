package dev.debrief.slack;

import java.net.URI;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Makes untrusted text (reports, questions, model output) safe for Slack mrkdwn, following
 * "Escaping text" (https://api.slack.com/reference/surfaces/formatting#escaping): HTML entities are
 * decoded first (so {@code &amp;amp;} never appears), then {@code &}, {@code <} and {@code >} are
 * escaped exactly once. With the angle brackets escaped, {@code <!channel>}, {@code <!here>},
 * {@code <!everyone>}, {@code <@U…>} and {@code <!subteam^…>} are plain text; bare
 * {@code @here}/{@code @channel}/{@code @everyone} get a word joiner so they never notify even if a
 * client links names. Only links built by {@link #link} stay live.
 */
public final class Mrkdwn {
  private static final Pattern BARE_BROADCAST = Pattern.compile("(?i)@(here|channel|everyone)\\b");
  private static final Pattern USER_MENTION = Pattern.compile("<@([A-Z0-9]+)(\\|[^>]*)?>");

  private Mrkdwn() {}

  /** Escapes untrusted text for a mrkdwn field; null gives "". */
  public static String escape(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String decoded = text.indexOf('&') >= 0 ? Parser.unescapeEntities(text, false) : text;
    StringBuilder out = new StringBuilder(decoded.length() + 16);
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return BARE_BROADCAST.matcher(out).replaceAll("@\u2060$1");
  }

  /**
   * A live link built by Debrief: {@code <url|label>}. The URL must be http(s) (anything else gives
   * the escaped label alone); characters that would end the link are percent-encoded; the label is
   * escaped.
   */
  public static String link(String url, String label) {
    String safeLabel = escape(label).replace("|", "¦");
    String safeUrl = safeUrl(url);
    if (safeUrl == null) {
      return safeLabel;
    }
    return "<" + safeUrl + "|" + (safeLabel.isBlank() ? safeUrl : safeLabel) + ">";
  }

  /**
   * The URL prepared for use inside {@code <…>}, or null when it is not an absolute http(s) URL.
   */
  static String safeUrl(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.strip();
    try {
      URI parsed =
          URI.create(
              u.replace(" ", "%20").replace("|", "%7C").replace("<", "%3C").replace(">", "%3E"));
      if (parsed.getScheme() == null
          || !(parsed.getScheme().equalsIgnoreCase("http")
              || parsed.getScheme().equalsIgnoreCase("https"))
          || parsed.getHost() == null) {
        return null;
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return u.replace("&", "&amp;")
        .replace(" ", "%20")
        .replace("|", "%7C")
        .replace("<", "%3C")
        .replace(">", "%3E");
  }

  /** Removes the bot's own mention ({@code <@BOTID>} or {@code <@BOTID|name>}) from a question. */
  public static String stripMention(String text, String botUserId) {
    if (text == null) {
      return "";
    }
    if (botUserId == null || botUserId.isEmpty()) {
      return text.strip();
    }
    return USER_MENTION
        .matcher(text)
        .replaceAll(
            m ->
                m.group(1).equals(botUserId)
                    ? ""
                    : java.util.regex.Matcher.quoteReplacement(m.group()))
        .strip();
  }

  /** Quotes escaped text as a mrkdwn block quote. */
  public static String quote(String escaped) {
    return "> " + escaped.strip().replace("\n", "\n> ");
  }
}

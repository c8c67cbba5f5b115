package dev.debrief.slack;

import com.slack.api.model.File;
import dev.debrief.intake.ReportIntake;
import dev.debrief.model.ReportInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reports added from Slack: files shared in a DM or attached to a mention (files.info → {@code
 * url_private_download} with the bot token → ingest), {@code /debrief add URL} and {@code /debrief
 * remove REPORT}. Every outcome becomes one short message: what was indexed (title, event,
 * sections, a viewer link) or the exact reason it was not. "this channel only" in the message
 * restricts the report to the channel (or DM) it was shared in.
 */
final class SlackIntake {
  static final Pattern THIS_CHANNEL_ONLY =
      Pattern.compile("(?i)\\bthis\\s+(channel|conversation|dm)\\s+only\\b");
  private static final Pattern ADD_WORDS =
      Pattern.compile(
          "(?i)^\\s*(please\\s+)?(add|index|ingest|upload|save|store)(\\s+(this|these|it|that|the\\s+file|the\\s+files|"
              + "this\\s+file|this\\s+report|these\\s+files|them))?(\\s+please)?\\s*[.!]*\\s*$");

  private final ReportIntake intake;
  private final SlackFiles files;
  private final SlackApi api;
  private final BiFunction<String, String, List<String>> allowed;

  /**
   * @param allowed (channel, user) → the channels whose restricted reports may be seen there
   *     ({@link dev.debrief.access.AccessPolicy#allowedChannels})
   */
  SlackIntake(
      ReportIntake intake,
      SlackFiles files,
      SlackApi api,
      BiFunction<String, String, List<String>> allowed) {
    this.intake = intake;
    this.files = files;
    this.api = api;
    this.allowed = allowed;
  }

  /** True when the text asks to keep the report in this channel. */
  static boolean thisChannelOnly(String text) {
    return text != null && THIS_CHANNEL_ONLY.matcher(text).find();
  }

  /**
   * The question part of a message that came with files: the text without "this channel only" and
   * without a bare "add this"; "" when nothing is left to answer.
   */
  static String questionPart(String text) {
    String t = text == null ? "" : THIS_CHANNEL_ONLY.matcher(text).replaceAll(" ").strip();
    t = t.replaceAll("^[,;:.!\\-–—\\s]+|[,;:\\-–—\\s]+$", "").strip();
    if (t.isEmpty() || ADD_WORDS.matcher(t).matches()) {
      return "";
    }
    return t;
  }

  /**
   * Adds the files of a message; one line per file.
   *
   * @param shared the files as the event carried them (only ids are relied on)
   * @param text the message text (mention already stripped)
   * @param user who shared them
   * @param channel where (a DM or a channel)
   */
  OutMessage addFiles(List<File> shared, String text, String user, String channel) {
    List<String> restrictTo = thisChannelOnly(text) ? List.of(channel) : List.of();
    List<String> lines = new ArrayList<>();
    for (File f : shared) {
      lines.add(addFile(f.getId(), restrictTo, user, channel));
    }
    return OutMessage.text(String.join("\n", lines));
  }

  private String addFile(String fileId, List<String> restrictTo, String user, String channel) {
    File info;
    try {
      info = api.filesInfo(fileId);
    } catch (SlackCallException e) {
      return ":warning: I couldn't look up the file "
          + Mrkdwn.escape(fileId)
          + " (files.info: "
          + Mrkdwn.escape(e.error())
          + ").";
    }
    String name = info.getName() == null || info.getName().isBlank() ? fileId : info.getName();
    String shown = "*" + Mrkdwn.escape(name) + "*";
    long size = info.getSize() == null ? -1 : info.getSize();
    Optional<String> pre = intake.precheck(name, size);
    if (pre.isPresent()) {
      return ":warning: I couldn't add " + shown + ": " + Mrkdwn.escape(pre.get());
    }
    String url =
        info.getUrlPrivateDownload() != null ? info.getUrlPrivateDownload() : info.getUrlPrivate();
    if (url == null || url.isBlank()) {
      return ":warning: I couldn't add "
          + shown
          + ": Slack gave no download link for it (is it an external file?).";
    }
    byte[] bytes;
    try {
      bytes = files.download(url, name, intake.maxBytes());
    } catch (SlackFiles.DownloadException e) {
      return ":warning: I couldn't add " + shown + ": " + Mrkdwn.escape(e.getMessage()) + ".";
    }
    ReportIntake.Added a = intake.addFile(fileId, name, bytes, restrictTo, user, channel);
    return describe(a, shown, channel, !restrictTo.isEmpty());
  }

  /** {@code /debrief add URL [this channel only]}. */
  OutMessage addUrl(String arg, String user, String channel) {
    String url = THIS_CHANNEL_ONLY.matcher(arg).replaceAll(" ").strip();
    if (url.startsWith("<") && url.endsWith(">")) {
      url = url.substring(1, url.length() - 1); // Slack wraps links as <url> or <url|label>
      int bar = url.indexOf('|');
      if (bar >= 0) {
        url = url.substring(0, bar);
      }
    }
    if (url.isEmpty() || url.contains(" ")) {
      return OutMessage.text(
          "Usage: `/debrief add URL` (add `this channel only` to keep it in this channel).");
    }
    List<String> restrictTo = thisChannelOnly(arg) ? List.of(channel) : List.of();
    ReportIntake.Added a = intake.addUrl(url, restrictTo, user, channel);
    return OutMessage.text(describe(a, Mrkdwn.escape(url), channel, !restrictTo.isEmpty()));
  }

  /** {@code /debrief remove REPORT}. */
  OutMessage remove(String arg, String user, String channel) {
    ReportIntake.Removed r = intake.remove(arg, user, allowed.apply(channel, user));
    return OutMessage.text(
        (r.removed() ? ":wastebasket: " : ":warning: ") + Mrkdwn.escape(r.message()));
  }

  static boolean isDm(String channel) {
    return channel != null && channel.startsWith("D");
  }

  private static String describe(
      ReportIntake.Added a, String shown, String channel, boolean askedThisChannelOnly) {
    if (!a.ok()) {
      return ":warning: I couldn't add "
          + shown
          + ": "
          + Mrkdwn.escape(a.reason())
          + (a.reason().endsWith(".") ? "" : ".");
    }
    ReportInfo r = a.report();
    String verb =
        switch (a.status()) {
          case "added" -> ":white_check_mark: Added";
          case "updated" -> ":white_check_mark: Updated";
          case "already indexed" -> ":information_source: Already indexed as";
          default -> ":information_source: Already indexed:";
        };
    StringBuilder b =
        new StringBuilder(verb).append(" *").append(Mrkdwn.escape(r.meta().title())).append("*");
    if (!r.meta().event().isEmpty()) {
      b.append(" (").append(Mrkdwn.escape(r.meta().event())).append(")");
    }
    if (a.status().equals("already indexed")) {
      b.append("; added ").append(shown).append(" as another source of it");
    }
    b.append(" — ")
        .append(r.sections())
        .append(r.sections() == 1 ? " section, " : " sections, ")
        .append(r.passages())
        .append(r.passages() == 1 ? " passage. " : " passages. ")
        .append(Mrkdwn.link(a.viewerUrl(), "View it"));
    List<String> channels = r.meta().channels();
    if (channels.isEmpty() && askedThisChannelOnly) {
      b.append("\nEveryone can use it: it is also indexed from a source open to every channel.");
    } else if (channels.isEmpty()) {
      b.append(
          "\nEveryone can use it. To keep it in this conversation, share it again with “this channel only”.");
    } else if (channels.equals(List.of(channel))) {
      b.append("\nOnly this conversation can use it.");
    } else {
      b.append("\nRestricted to ")
          .append(
              String.join(
                  ", ",
                  channels.stream()
                      .map(c -> c.matches("[CG][A-Z0-9]+") ? "<#" + c + ">" : Mrkdwn.escape(c))
                      .toList()))
          .append(" (set by the file).");
    }
    return b.toString();
  }
}

package dev.debrief.slack;

import com.google.gson.JsonObject;
import dev.debrief.cite.ViewerUrls;
import dev.debrief.model.Answer;
import dev.debrief.model.Citation;
import dev.debrief.model.Hit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders an {@link Answer} as Block Kit: the answer text, numbered sources (title — section, as
 * links), a context line (reports and passages used, the answering model), 👍/👎 buttons and a
 * "Show quotes" button, with the {@code text} fallback always set. All text from reports, questions
 * and models is escaped with {@link Mrkdwn#escape}; the only live links are the source links built
 * here.
 */
public final class AnswerRenderer {
  /** Action id of the 👍 button. */
  public static final String FEEDBACK_UP = "debrief_feedback_up";

  /** Action id of the 👎 button. */
  public static final String FEEDBACK_DOWN = "debrief_feedback_down";

  /** Action id of the "Show quotes" button. */
  public static final String SHOW_QUOTES = "debrief_show_quotes";

  /** Action id of the "Share in channel" button of /debrief ask. */
  public static final String SHARE = "debrief_share";

  private final String viewerBaseUrl;

  /**
   * @param viewerBaseUrl base URL of the citation viewer, for reports without a web URL of their
   *     own
   */
  public AnswerRenderer(String viewerBaseUrl) {
    this.viewerBaseUrl = viewerBaseUrl;
  }

  /** The link of a citation: its own http(s) URL, else the viewer with the passage highlighted. */
  public String citationUrl(Citation c) {
    if (Mrkdwn.safeUrl(c.url()) != null) {
      return c.url();
    }
    return ViewerUrls.reportUrl(viewerBaseUrl, c.reportId(), c.passageId());
  }

  private String hitUrl(Hit h) {
    if (Mrkdwn.safeUrl(h.url()) != null) {
      return h.url();
    }
    return ViewerUrls.reportUrl(viewerBaseUrl, h.reportId(), h.passageId());
  }

  /**
   * The answer as messages within Slack's limits (usually one).
   *
   * @param answer the answer
   * @param key the stored answer's key, carried by the buttons
   * @param note an extra escaped note for the context line ("" for none), e.g. that the question
   *     was trimmed
   * @param sharable add a "Share in channel" button (ephemeral /debrief ask answers)
   * @param sharedBy escaped "shared by" note for a shared copy ("" for none); shared copies have no
   *     share button
   */
  public List<OutMessage> render(
      Answer answer, String key, String note, boolean sharable, String sharedBy) {
    List<JsonObject> blocks = new ArrayList<>(Blocks.sections(Mrkdwn.escape(answer.text())));
    if (!answer.answered() && !answer.closest().isEmpty()) {
      StringBuilder b = new StringBuilder("*Closest sections I found:*");
      for (Hit h : answer.closest()) {
        b.append("\n• ")
            .append(
                Mrkdwn.link(
                    hitUrl(h),
                    label(h.title(), h.pathLabel().isEmpty() ? h.section() : h.pathLabel())));
      }
      blocks.addAll(Blocks.sections(b.toString()));
    }
    if (!answer.citations().isEmpty()) {
      blocks.add(Blocks.divider());
      StringBuilder b = new StringBuilder("*Sources*");
      for (Citation c : answer.citations()) {
        b.append("\n")
            .append(c.n())
            .append(". ")
            .append(Mrkdwn.link(citationUrl(c), label(c.title(), c.section())));
      }
      blocks.addAll(Blocks.sections(b.toString()));
    }
    blocks.add(Blocks.context(contextLine(answer, note, sharedBy)));
    List<JsonObject> buttons = new ArrayList<>();
    buttons.add(Blocks.button(FEEDBACK_UP, "👍 Helpful", key, null));
    buttons.add(Blocks.button(FEEDBACK_DOWN, "👎 Not helpful", key, null));
    if (!answer.citations().isEmpty()) {
      buttons.add(Blocks.button(SHOW_QUOTES, "Show quotes", key, null));
    }
    if (sharable) {
      buttons.add(Blocks.button(SHARE, "Share in channel", key, "primary"));
    }
    blocks.add(Blocks.actions("debrief_answer_actions", buttons));
    return Blocks.pack(blocks, fallback(answer));
  }

  /** The quoted passages of an answer, for "Show quotes". */
  public List<OutMessage> quotes(Answer answer) {
    List<JsonObject> blocks = new ArrayList<>();
    for (Citation c : answer.citations()) {
      String quote =
          c.quote().length() > 1200
              ? c.quote().substring(0, safeEnd(c.quote(), 1200)) + "…"
              : c.quote();
      blocks.addAll(
          Blocks.sections(
              "*"
                  + c.n()
                  + ".* "
                  + Mrkdwn.link(citationUrl(c), label(c.title(), c.section()))
                  + "\n"
                  + Mrkdwn.quote(Mrkdwn.escape(quote))));
    }
    if (blocks.isEmpty()) {
      blocks.add(Blocks.section("This answer quotes no passages."));
    }
    return Blocks.pack(blocks, "Quoted passages");
  }

  private static int safeEnd(String s, int at) {
    int i = at;
    while (i > 0 && !TextSplitter.isSafe(s, i, false)) {
      i--;
    }
    return i;
  }

  /** The plain fallback text: the escaped answer (cut) plus a pointer to the sources. */
  public static String fallback(Answer answer) {
    String text = Mrkdwn.escape(answer.text());
    List<String> pieces = TextSplitter.split(text, Blocks.FALLBACK_MAX - 40);
    String first = pieces.isEmpty() ? "Debrief" : pieces.get(0);
    return pieces.size() > 1 ? first + " …" : first;
  }

  private static String label(String title, String section) {
    String t = title == null || title.isBlank() ? "Report" : title.strip();
    return section == null || section.isBlank() ? t : t + " — " + section.strip();
  }

  private static String contextLine(Answer answer, String note, String sharedBy) {
    Set<String> reports = new LinkedHashSet<>();
    answer.citations().forEach(c -> reports.add(c.reportId()));
    List<String> bits = new ArrayList<>();
    if (!sharedBy.isEmpty()) {
      bits.add(sharedBy);
    }
    bits.add(
        reports.size()
            + (reports.size() == 1 ? " report" : " reports")
            + ", "
            + answer.passagesUsed()
            + (answer.passagesUsed() == 1 ? " passage" : " passages"));
    String model =
        answer.model().isEmpty() ? answer.provider() : answer.provider() + " · " + answer.model();
    bits.add("answered by " + Mrkdwn.escape(model) + (answer.fallback() ? " (fallback)" : ""));
    if (answer.unverified() > 0) {
      bits.add(answer.unverified() + " unverified");
    }
    if (!note.isEmpty()) {
      bits.add(note);
    }
    return String.join(" · ", bits);
  }
}

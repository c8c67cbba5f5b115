package dev.debrief.web;

import dev.debrief.cite.ViewerUrls;
import dev.debrief.http.SignIn;
import dev.debrief.model.Answer;
import dev.debrief.model.AnswerProvider;
import dev.debrief.model.Citation;
import dev.debrief.model.Hit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Renders the ask page ({@code GET /} and {@code GET /ask?q=QUESTION}) with jsoup's DOM, so
 * question, answer and report text are escaped by construction. The answer is the one Slack shows:
 * its sentences with {@code [n]} markers, each marker a link that opens the viewer at the cited
 * passage ({@code /reports/{id}?p={passage}}), then the numbered sources with their quoted
 * passages; a refusal lists the closest sections instead.
 */
final class AskPage {
  private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3})]");

  private AskPage() {}

  /**
   * @param question the question asked ("" for the empty page)
   * @param answer the answer, or empty for the empty page
   * @param user the signed-in person, if any
   * @param signOut whether to offer "Sign out" (web.auth is slack)
   */
  static String page(
      Pages pages,
      String question,
      Optional<Answer> answer,
      Optional<SignIn.User> user,
      boolean signOut) {
    Document doc =
        pages.shell(question.isBlank() ? "Ask · Debrief" : question + " · Debrief", user, signOut);
    Element main = doc.body().appendElement("main").addClass("ask");
    main.appendElement("h1").attr("id", "ask-title").text("Ask the reports");
    Element form =
        main.appendElement("form")
            .attr("action", "/ask")
            .attr("method", "get")
            .attr("role", "search")
            .addClass("ask-form");
    form.appendElement("label").attr("for", "q").addClass("visually-hidden").text("Question");
    form.appendElement("input")
        .attr("type", "search")
        .attr("id", "q")
        .attr("name", "q")
        .attr("value", question)
        .attr("placeholder", "What did the keynote say about storage?")
        .attr("autocomplete", "off")
        .attr("maxlength", "4000")
        .attr("required", "");
    form.appendElement("button").attr("type", "submit").attr("id", "ask-button").text("Ask");
    if (answer.isEmpty()) {
      main.appendElement("p")
          .addClass("hint")
          .text(
              "Answers come only from the reports in the library, and every"
                  + " sentence links to the passage it came from.");
      return Pages.html(doc);
    }
    Answer a = answer.get();
    Element section =
        main.appendElement("section")
            .attr("id", "answer")
            .addClass(a.answered() ? "answered" : "refused")
            .attr("aria-live", "polite");
    for (String para : a.text().split("\\n\\s*\\n")) {
      if (!para.isBlank()) {
        withMarkers(
            section.appendElement("p").addClass("answer-text"), para.strip(), a.citations());
      }
    }
    if (!a.citations().isEmpty()) {
      section.appendElement("h2").attr("id", "sources-title").text("Sources");
      Element list = section.appendElement("ol").attr("id", "sources");
      for (Citation c : a.citations()) {
        Element li = list.appendElement("li").attr("id", "source-" + c.n());
        li.appendElement("a")
            .addClass("source-link")
            .attr("href", viewerHref(c.reportId(), c.passageId()))
            .text(c.title() + (c.section().isEmpty() ? "" : " — " + c.section()));
        if (isExternal(c.url(), pages.publicBaseUrl())) {
          li.appendText(" · ");
          li.appendElement("a")
              .addClass("original")
              .attr("href", c.url())
              .attr("rel", "noopener noreferrer")
              .text("original");
        }
        if (!c.quote().isBlank()) {
          li.appendElement("blockquote").text(c.quote());
        }
      }
    }
    if (!a.answered() && !a.closest().isEmpty()) {
      section.appendElement("h2").attr("id", "closest-title").text("Closest sections");
      Element list = section.appendElement("ul").attr("id", "closest");
      for (Hit h : a.closest()) {
        list.appendElement("li")
            .appendElement("a")
            .attr("href", viewerHref(h.reportId(), h.passageId()))
            .text(
                h.title()
                    + (h.headingPath().isEmpty()
                        ? ""
                        : " — " + String.join(" › ", h.headingPath())));
      }
    }
    String by =
        AnswerProvider.EXTRACTIVE.is(a.provider())
            ? "Answered offline from the reports' own sentences."
            : "Written by "
                + a.provider()
                + (a.model().isEmpty() ? "" : " " + a.model())
                + (a.fallback() ? " (the model failed; offline answer shown)" : "")
                + "; every citation was checked.";
    section.appendElement("p").addClass("meta").attr("id", "provider").text(by);
    return Pages.html(doc);
  }

  /**
   * Appends {@code text}, turning each {@code [n]} into a link to citation n's passage in the
   * viewer.
   */
  private static void withMarkers(Element p, String text, List<Citation> citations) {
    Matcher m = MARKER.matcher(text);
    int at = 0;
    while (m.find()) {
      int n = Integer.parseInt(m.group(1));
      if (n < 1 || n > citations.size()) {
        continue;
      }
      p.appendText(text.substring(at, m.start()));
      Citation c = citations.get(n - 1);
      p.appendElement("a")
          .addClass("cite")
          .attr("href", viewerHref(c.reportId(), c.passageId()))
          .attr("title", c.title())
          .text("[" + n + "]");
      at = m.end();
    }
    p.appendText(text.substring(at));
  }

  /** The viewer path of a passage, relative so it works on any host the page is served from. */
  static String viewerHref(String reportId, String passageId) {
    return ViewerUrls.reportUrl("", reportId, passageId);
  }

  private static boolean isExternal(String url, String publicBaseUrl) {
    return url.matches("(?i)https?://.+") && !url.startsWith(publicBaseUrl + "/reports/");
  }
}

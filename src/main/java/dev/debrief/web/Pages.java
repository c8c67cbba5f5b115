package dev.debrief.web;

import dev.debrief.http.SignIn;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * The frame of the ask and library pages: head (stylesheet, script), a top bar with the site name,
 * "Ask", "Library" and the signed-in person. Built with jsoup's DOM, serialized without
 * pretty-printing.
 *
 * @param publicBaseUrl base URL of the site, without a trailing slash
 */
record Pages(String publicBaseUrl) {
  Pages {
    publicBaseUrl =
        publicBaseUrl.endsWith("/")
            ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
            : publicBaseUrl;
  }

  Document shell(String title, Optional<SignIn.User> user, boolean signOut) {
    Document doc = Document.createShell(publicBaseUrl);
    doc.insertChildren(0, new DocumentType("html", "", ""));
    doc.head().appendElement("meta").attr("charset", "utf-8");
    doc.head()
        .appendElement("meta")
        .attr("name", "viewport")
        .attr("content", "width=device-width, initial-scale=1");
    doc.head().appendElement("title").text(title);
    doc.head().appendElement("link").attr("rel", "stylesheet").attr("href", "/static/viewer.css");
    doc.head().appendElement("script").attr("src", "/static/viewer.js").attr("defer", "");
    Element bar = doc.body().appendElement("header").addClass("topbar");
    bar.appendElement("a").addClass("brand").attr("href", "/").text("Debrief");
    Element nav = bar.appendElement("nav");
    nav.appendElement("a").attr("href", "/").attr("id", "nav-ask").text("Ask");
    nav.appendElement("a").attr("href", "/reports").attr("id", "nav-library").text("Library");
    if (user.isPresent()) {
      Element who = bar.appendElement("span").addClass("who").attr("id", "signed-in");
      who.appendText("Signed in as " + user.get().name());
      if (signOut) {
        who.appendText(" · ");
        who.appendElement("a").attr("href", "/logout").text("Sign out");
      }
    }
    return doc;
  }

  static String html(Document doc) {
    doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
    return doc.outerHtml();
  }
}

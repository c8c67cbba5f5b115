package dev.debrief.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Blog and site chrome: what is removed from a page before its text is read, and which element
 * holds the content.
 *
 * <p>Removed: {@code script style noscript template nav header footer aside form iframe svg button}
 * and similar, elements with ARIA roles navigation/banner/contentinfo/complementary/search, hidden
 * elements, and elements whose id or class mentions cookie, consent, GDPR, banner, sidebar,
 * comments, share/social buttons, breadcrumbs, newsletter or related posts ({@code <html> <body>
 * <main> <article>} and ancestors of the content are never removed). A {@code <header>} inside an
 * {@code <article>} keeps its headings. The content root is the largest {@code <article>}, else
 * {@code <main>}, else {@code <body>}.
 */
final class PageChrome {
  private static final String BOILERPLATE =
      "script, style, noscript, template, nav, footer, aside, form, iframe, "
          + "svg, button, select, textarea, input, object, embed, canvas, dialog, link, meta, "
          + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search], "
          + "[hidden], [aria-hidden=true]";
  private static final Pattern ANYWHERE =
      Pattern.compile("(?i)cookie|consent|gdpr|banner|sidebar|disqus");
  private static final Pattern TOKEN =
      Pattern.compile(
          "(?i)(^|[-_])(comments?|share|sharing|social|newsletter|related|breadcrumbs?|subscribe|advert|ads|"
              + "promo|popup|skip-link|post-navigation|pagination)([-_]|$)");
  private static final Set<String> KEEP = Set.of("html", "body", "main", "article");

  /**
   * Share of all top-level article text, as {@code ARTICLE_SHARE_TENTHS}/10, the largest {@code
   * <article>} must hold to be the content root (else the articles are a list of teasers).
   */
  private static final int ARTICLE_SHARE_TENTHS = 4;

  private PageChrome() {}

  /** Removes the chrome from {@code doc}, in place. */
  static void remove(Document doc) {
    doc.select(BOILERPLATE).remove();
    // a <header> inside the article keeps its headings only; others go
    for (Element header : doc.select("header")) {
      if (header.closest("article") != null && header.closest("article") != header) {
        Elements hs = header.select("h1, h2, h3, h4, h5, h6");
        for (Element h : hs) {
          header.before(h.clone());
        }
      }
      header.remove();
    }
    List<Element> doomed = new ArrayList<>();
    for (Element e : doc.getAllElements()) {
      if (KEEP.contains(e.normalName()) || !e.select("article, main").isEmpty()) {
        continue;
      }
      if (isBoilerplate(e.id()) || isBoilerplate(e.className())) {
        doomed.add(e);
      }
    }
    for (Element e : doomed) {
      if (e.parent() != null) {
        e.remove();
      }
    }
  }

  private static boolean isBoilerplate(String idOrClass) {
    if (idOrClass == null || idOrClass.isBlank()) {
      return false;
    }
    if (ANYWHERE.matcher(idOrClass).find()) {
      return true;
    }
    for (String token : idOrClass.trim().split("\\s+")) {
      if (TOKEN.matcher(token).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The element holding the content of a cleaned page: the largest top-level {@code <article>} when
   * it holds at least 40% of all article text, else a non-empty {@code <main>}, else {@code
   * <body>}.
   */
  static Element contentRoot(Document doc) {
    Elements articles = doc.select("article");
    if (!articles.isEmpty()) {
      Element best = null;
      int bestLen = -1;
      int total = 0;
      for (Element a : articles) {
        if (a.parents().stream().anyMatch(p -> p.normalName().equals("article"))) {
          continue;
        }
        int len = a.text().length();
        total += len;
        if (len > bestLen) {
          best = a;
          bestLen = len;
        }
      }
      if (best != null && bestLen > 0 && bestLen * 10 >= total * ARTICLE_SHARE_TENTHS) {
        return best;
      }
    }
    Element main = doc.selectFirst("main, [role=main]");
    if (main != null && !main.text().isBlank()) {
      return main;
    }
    return doc.body();
  }
}

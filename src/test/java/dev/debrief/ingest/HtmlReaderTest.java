package dev.debrief.ingest;

import static dev.debrief.ingest.Fixtures.anchors;
import static dev.debrief.ingest.Fixtures.headings;
import static dev.debrief.ingest.Fixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.debrief.model.Report;
import dev.debrief.model.ReportMeta;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReaderTest {
  private static final String PAGE =
      """
      <!DOCTYPE html>
      <html><head>
        <title>Example Blog | Day 1 at DevConf</title>
        <meta property="og:title" content="Day 1 at DevConf &amp; friends">
        <meta name="author" content="Rui Costa">
        <meta property="article:published_time" content="2024-09-12T08:30:00+02:00">
        <meta property="article:tag" content="conf">
        <link rel="canonical" href="https://blog.example/day-1">
        <style>p { color: red }</style>
        <script>var tracking = "should not appear";</script>
      </head><body>
        <header><a href="/">Example Blog</a><nav><a href="/about">About</a></nav></header>
        <div id="cookie-banner">We use cookies. <button>OK</button></div>
        <main>
          <article>
            <header><h1>Day 1 at DevConf</h1><p class="byline">by Rui</p></header>
            <h2 id="keynote">Keynote</h2><p>Tom &amp; Jerry said &quot;hi&quot; &amp;amp; left.</p>
            <h2>Day 1</h2><div>Registration opened at 8:00</div><p>The hall was full.</p>
            <ul><li>first <b>point</b></li><li>second point<ul><li>nested</li></ul></li></ul>
            <table><thead><tr><th>Room</th><th>Talk</th></tr></thead>
              <tbody><tr><td>A</td><td>Rust in prod</td></tr><tr><td>B</td><td>Go &lt;3</td></tr></tbody></table>
            <h2>Keynote</h2><p>Closing<br>remarks</p>
            <pre>  code  kept
        as is</pre>
          </article>
          <aside class="sidebar">Popular posts</aside>
          <section class="comments"><p>Great post!</p></section>
        </main>
        <footer>Copyright 2024</footer>
      </body></html>
      """;

  @Test
  void boilerplateIsRemovedAndBlocksNeverWeld() throws Exception {
    Report r = read("day1.html", PAGE);
    assertEquals("html", r.format());
    assertEquals(
        """
        Day 1 at DevConf

        Keynote

        Tom & Jerry said "hi" &amp; left.

        Day 1

        Registration opened at 8:00

        The hall was full.

        • first point
        • second point
        • nested

        Room | Talk
        A | Rust in prod
        B | Go <3

        Keynote

        Closing
        remarks

          code  kept
          as is""",
        r.text());
    for (String junk :
        List.of(
            "tracking",
            "cookies",
            "About",
            "Popular posts",
            "Great post",
            "Copyright",
            "byline",
            "by Rui")) {
      assertFalse(r.text().contains(junk), junk);
    }
  }

  @Test
  void headingIdsBecomeAnchorsAndMetaIsRead() throws Exception {
    Report r = read("day1.html", PAGE);
    assertEquals(List.of("Day 1 at DevConf", "Keynote", "Day 1", "Keynote"), headings(r));
    assertEquals(List.of("day-1-at-devconf", "keynote", "day-1", "keynote-1"), anchors(r));
    assertEquals(
        new ReportMeta(
            "Day 1 at DevConf & friends",
            "",
            "2024-09-12",
            "Rui Costa",
            "https://blog.example/day-1",
            List.of("conf"),
            List.of()),
        r.meta());
  }

  @Test
  void aHeadingWithoutItsClosingTagKeepsTheTextThatFollowsIt() throws Exception {
    Report r =
        read(
            "unclosed.html",
            """
            <h1>Test Conf 2024</h1><p>Intro in Lisbon.</p>
            <h2 id="keynote">Keynote by Ana Silva
            <p>Ana said caching saves forty percent of CI time.</p>
            <ul><li>one</li></ul>
            <h2>Second talk</h2><p>Bruno covered traces.</p>
            <h3>Lightning talks
            Five speakers had five minutes each, and the one about reproducible builds was the
            best of the day by far according to everyone I spoke to afterwards in the hall.
            """);
    assertEquals(
        List.of("Test Conf 2024", "Keynote by Ana Silva", "Second talk", "Lightning talks"),
        headings(r));
    assertEquals(
        List.of("test-conf-2024", "keynote", "second-talk", "lightning-talks"), anchors(r));
    assertEquals(
        """
        Test Conf 2024

        Intro in Lisbon.

        Keynote by Ana Silva

        Ana said caching saves forty percent of CI time.

        • one

        Second talk

        Bruno covered traces.

        Lightning talks

        Five speakers had five minutes each, and the one about reproducible builds was the
        best of the day by far according to everyone I spoke to afterwards in the hall.""",
        r.text());
  }

  @Test
  void aClosedHeadingWithInlineMarkupAndLineBreaksStaysOneTitle() throws Exception {
    Report r =
        read("h.html", "<h2>Scaling <em>Rails</em>\n at <a id=\"gh\">GitHub</a></h2><p>x</p>");
    assertEquals(List.of("Scaling Rails at GitHub"), headings(r));
    assertEquals(List.of("gh"), anchors(r));
  }

  @Test
  void generatedSlugsNeverTakeAnIdUsedLaterInThePage() throws Exception {
    Report r = read("ids.html", "<h2>Intro</h2><p>a</p><h2 id=\"intro\">Intro again</h2><p>b</p>");
    assertEquals(List.of("intro-1", "intro"), anchors(r));
  }

  @Test
  void frontMatterWinsOverMetaTagsAndTitleIsCleaned() throws Exception {
    Report r =
        read(
            "p.html",
            """
        ---
        title: From front matter
        event: DevConf 2024
        ---
        <html><head><title>Site | Post</title><meta property="og:site_name" content="Site"></head>
        <body><p>Hello</p></body></html>
        """);
    assertEquals("From front matter", r.meta().title());
    assertEquals("DevConf 2024", r.meta().event());
    Report noOg =
        read(
            "p.html",
            "<html><head><title>Site | Post</title><meta property=\"og:site_name\" content=\"Site\"></head><body><p>Hello</p></body></html>");
    assertEquals("Post", noOg.meta().title());
    assertEquals("Hello", noOg.text());
  }

  @Test
  void htmlInATxtFileIsSniffed() throws Exception {
    Report r = read("saved.txt", "<!DOCTYPE html><html><body><p>One</p><p>Two</p></body></html>");
    assertEquals("html", r.format());
    assertEquals("One\n\nTwo", r.text());
  }
}

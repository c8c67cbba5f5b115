package dev.debrief.ingest;

import static dev.debrief.ingest.Fixtures.anchors;
import static dev.debrief.ingest.Fixtures.headings;
import static dev.debrief.ingest.Fixtures.paths;
import static dev.debrief.ingest.Fixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import dev.debrief.model.ReportMeta;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReaderTest {

  @Test
  void frontMatterAndNormalizedText() throws Exception {
    String md =
        """
        ---
        title: "Edge Summit 2024: notes"
        event: Edge Summit 2024
        date: 2024-05-02
        author: Ana Lima
        tags: [edge, wasm]
        url: https://example.org/edge-2024
        channels:
          - C0123
        ---
        # Edge Summit 2024: notes

        Intro with a [link label](https://example.org) and ![a cat](cat.png) image.
        Second line of the same paragraph.

        ## Talks

        - first *item*
        - second item
          - nested item

        1. one
        2. two

        ```java
        int x = 1;
        ```

        | Talk | Speaker | Room |
        |------|---------|------|
        | WASM at the edge | Jo Park | A |
        | Caching | Li Wu | B |
        """;
    Report r = read("notes.md", md);
    assertEquals("markdown", r.format());
    assertEquals(
        new ReportMeta(
            "Edge Summit 2024: notes",
            "Edge Summit 2024",
            "2024-05-02",
            "Ana Lima",
            "https://example.org/edge-2024",
            List.of("edge", "wasm"),
            List.of("C0123")),
        r.meta());
    assertEquals(
        """
        Edge Summit 2024: notes

        Intro with a link label and image. Second line of the same paragraph.

        Talks

        • first item
        • second item
        • nested item

        1. one
        2. two

        int x = 1;

        Talk | Speaker | Room
        WASM at the edge | Jo Park | A
        Caching | Li Wu | B""",
        r.text());
    assertEquals(List.of("Edge Summit 2024: notes", "Talks"), headings(r));
    assertEquals(List.of("edge-summit-2024-notes", "talks"), anchors(r));
    assertEquals(List.of("Edge Summit 2024: notes", "Edge Summit 2024: notes › Talks"), paths(r));
    assertEquals(Report.idForContent(r.text()), r.id());
    assertEquals(Report.contentHashOf(r.text()), r.contentHash());
    assertEquals(2, r.passages().size());
    Passage talks = r.passages().get(1);
    assertEquals(List.of("Edge Summit 2024: notes", "Talks"), talks.headingPath());
    assertEquals("talks", talks.anchor());
    assertEquals(r.id() + "-p0001", talks.id());
    assertEquals(r.text().substring(talks.start(), talks.end()), talks.text());
    assertEquals("• first item", talks.text().lines().findFirst().orElseThrow());
  }

  @Test
  void nestedAndDuplicateHeadingsGetPathsAndUniqueAnchors() throws Exception {
    String md =
        """
        Preamble text.

        # Day 1
        ## Keynote
        Body one.
        ## Keynote
        Body two.
        # Day 2
        ### Keynote
        Body three.
        ## Q&A: what's next? (2025)
        Body four.
        """;
    Report r = read("dups.md", md);
    assertEquals(
        List.of("", "Day 1", "Keynote", "Keynote", "Day 2", "Keynote", "Q&A: what's next? (2025)"),
        headings(r));
    assertEquals(
        List.of("", "day-1", "keynote", "keynote-1", "day-2", "keynote-2", "qa-whats-next-2025"),
        anchors(r));
    assertEquals(List.of(0, 1, 2, 2, 1, 3, 2), r.sections().stream().map(s -> s.level()).toList());
    assertEquals(
        List.of(
            "",
            "Day 1",
            "Day 1 › Keynote",
            "Day 1 › Keynote",
            "Day 2",
            "Day 2 › Keynote",
            "Day 2 › Q&A: what's next? (2025)"),
        paths(r));
    // "Day 1" and "Day 2" have no body: no passage; every other section has exactly one
    assertEquals(
        List.of(0, 2, 3, 5, 6), r.passages().stream().map(Passage::sectionOrdinal).toList());
    assertEquals(
        List.of("Preamble text.", "Body one.", "Body two.", "Body three.", "Body four."),
        r.passages().stream().map(Passage::text).toList());
    assertEquals("Preamble text.\n\n", Fixtures.sectionText(r, 0));
    assertEquals("Keynote\n\nBody one.\n\n", Fixtures.sectionText(r, 2));
  }

  @Test
  void htmlBlocksLiquidTagsAndEntities() throws Exception {
    String md =
        """
        Fish &amp; chips &copy; 2024.

        <div class="note"><p>Inside <b>HTML</b> &amp; more</p><p>Second</p></div>

        {% include image.html src="x.png" %}

        <img src="photo.jpg" />

        Line one<br>line two
        """;
    Report r = read("html-in-md.md", md);
    assertEquals(
        "Fish & chips © 2024.\n\nInside HTML & more\n\nSecond\n\nLine one\nline two", r.text());
    assertEquals("Html in md", r.meta().title());
  }

  @Test
  void titleFallsBackToFirstHeadingThenFileName() throws Exception {
    assertEquals("Main", read("a.md", "## Sub\n\ntext\n\n# Main\n\nmore\n").meta().title());
    assertEquals("Sub", read("a.md", "## Sub\n\ntext\n").meta().title());
    assertEquals(
        "Cloud days lisbon", read("03-cloud_days-lisbon.md", "just text\n").meta().title());
  }

  @Test
  void frontMatterVariants() throws Exception {
    Report dt =
        read(
            "a.md",
            """
        ---
        title: T
        date: 2017-10-17T22:19:00+01:00
        author: {name: Kim Ode}
        tags: "a, b"
        permalink: /relative/path/
        source_url: https://example.com/post
        ---
        text
        """);
    assertEquals("2017-10-17", dt.meta().date());
    assertEquals("Kim Ode", dt.meta().author());
    assertEquals(List.of("a", "b"), dt.meta().tags());
    assertEquals("https://example.com/post", dt.meta().url());

    Report month =
        read(
            "b.md",
            "---\ntitle: M\ndate: \"2025-06\"\ncanonical_url: https://c.example/x\n---\ntext\n");
    assertEquals("2025-06", month.meta().date());
    assertEquals("https://c.example/x", month.meta().url());

    Report none = read("c.md", "---\n---\n# Heading\n\ntext\n");
    assertEquals("Heading", none.meta().title());
    assertEquals("", none.meta().date());
    assertEquals("", none.meta().event());

    // a thematic break followed by text is not front matter
    Report notFm = read("d.md", "---\nJust a line\n---\n\nbody\n");
    assertEquals("Just a line", notFm.meta().title());
    assertEquals("Just a line\n\nbody", notFm.text());
  }

  @Test
  void brokenFrontMatterIsReadAsTextAndSaysWhy() {
    FrontMatter yaml =
        FrontMatter.split("---\ntitle: \"Broken\nevent: [KubeCon\n---\n# Heading\n\nBody text.\n");
    assertEquals(Map.of(), yaml.data());
    assertTrue(yaml.problem().startsWith("front matter is not valid YAML ("), yaml.problem());
    assertTrue(
        yaml.problem().endsWith("; read as text, without its title, event or date"),
        yaml.problem());
    FrontMatter toml = FrontMatter.split("+++\ntitle = \"Broken\n+++\nBody text.\n");
    assertTrue(toml.problem().startsWith("front matter is not valid TOML"), toml.problem());
    assertEquals("", FrontMatter.split("---\ntitle: Fine\n---\nBody\n").problem());
    assertEquals("", FrontMatter.split("---\nJust a line\n---\n\nbody\n").problem());
  }

  @Test
  void hugoTomlFrontMatterIsMetadataNotText() throws Exception {
    Report toml =
        read(
            "h.md",
            """
        +++
        title = "Notes from Hill Conf"
        date = 2023-04-05T09:00:00Z
        tags = ['hill', 'conf']
        +++
        We met on the hill.
        """);
    assertEquals("Notes from Hill Conf", toml.meta().title());
    assertEquals("2023-04-05", toml.meta().date());
    assertEquals(List.of("hill", "conf"), toml.meta().tags());
    assertEquals("We met on the hill.", toml.text());

    // a YAML header added by a collector, then the post's own TOML block: YAML wins where both
    // speak
    Report both =
        read(
            "i.md",
            """
        ---
        title: "Collected title"
        author: Lee Park
        ---
        +++
        title = "Post title"
        date = "2023-04-06"
        +++
        Body line.
        """);
    assertEquals("Collected title", both.meta().title());
    assertEquals("Lee Park", both.meta().author());
    assertEquals("2023-04-06", both.meta().date());
    assertEquals("Body line.", both.text());

    // not TOML: the block stays in the text
    Report bad = read("j.md", "+++\nnot = = toml\n+++\nbody\n");
    assertEquals(true, bad.text().contains("not = = toml"));
  }

  @Test
  void textAfterTheLastElementOfAnHtmlBlockIsKept() throws Exception {
    // CommonMark: an HTML block that opens with <p> runs to the next blank line, so the quote is
    // inside it
    Report r =
        read(
            "quote.md",
            "# Talk\n\nIntro line.\n\n<p align=\"center\">\n  <img src=\"x.png\">\n</p>\n"
                + "\"Measure before you optimise\"\n\n## Next\n\nmore\n");
    assertEquals(
        "Talk\n\nIntro line.\n\n\"Measure before you optimise\"\n\nNext\n\nmore", r.text());
  }
}

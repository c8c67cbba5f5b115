package dev.debrief.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SluggerAndMetaTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Keynote (Wednesday)|keynote-wednesday",
        "Dr. Werner Vogels - CTO Amazon.com|dr-werner-vogels---cto-amazoncom",
        "P3691 Rename std::simd namespace|p3691-rename-stdsimd-namespace",
        "Ünïcödé Straße 2025|ünïcödé-straße-2025",
        "snake_case and-dash|snake_case-and-dash",
        "Q&A: what's next?|qa-whats-next"
      })
  void githubSlugs(String heading, String slug) {
    assertEquals(slug, Slugger.slug(heading));
  }

  @Test
  void duplicatesAreNumberedAndEmptySlugsGetABase() {
    Slugger s = new Slugger();
    assertEquals(
        List.of("intro", "intro-1", "intro-2", "section", "section-1"),
        List.of(
            s.unique("Intro"),
            s.unique("Intro"),
            s.unique("intro"),
            s.unique("!!!"),
            s.unique("?")));
    Slugger t = new Slugger();
    assertEquals(
        List.of("a-1", "a", "a-2"), List.of(t.unique("A 1"), t.unique("A"), t.unique("A")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2017-03-30|2017-03-30",
        "2017-10-17T22:19:00+01:00|2017-10-17",
        "2017-10-17 22:19:00|2017-10-17",
        "2025-06|2025-06",
        "2025-6|2025-06",
        "2017/10/17|2017-10-17",
        "March 30, 2017|2017-03-30",
        "30 March 2017|2017-03-30",
        "2017-13-01|''",
        "soon|''"
      })
  void datesAreNormalized(String raw, String expected) {
    assertEquals(expected, Meta.normalizeDate(raw));
  }

  @Test
  void fileNamesBecomeTitles() {
    assertEquals(
        "Kubecon na 2018 seattle", Meta.titleFromFileName("02-kubecon-na-2018-seattle.md"));
    assertEquals("2017 report", Meta.titleFromFileName("/a/b/2017_report.txt"));
    assertEquals("12", Meta.titleFromFileName("12.md"));
  }
}

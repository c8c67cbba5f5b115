package dev.debrief.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CitationLinksTest {
  private final CitationLinks links = new CitationLinks("http://localhost:3000/");

  @Test
  void viewerLinkWhenTheReportHasNoUrl() {
    assertEquals(
        "http://localhost:3000/reports/r1?p=r1-p0002#keynote-wednesday",
        links.link(
            new CitationLinks.Target(
                "", false, "r1", "r1-p0002", "keynote-wednesday", "Anything.")));
  }

  @Test
  void anchorLinkWhenTheSourceHtmlCarriesTheId() {
    assertEquals(
        "https://example.org/post#day-2",
        links.link(
            new CitationLinks.Target(
                "https://example.org/post#top", true, "r1", "r1-p0002", "day-2", "x")));
  }

  @Test
  void shortQuoteBecomesAWholeTextFragment() {
    assertEquals(
        "https://example.org/post#:~:text=RBAC%20is%20on%2C%20by%20default.",
        links.link(
            new CitationLinks.Target(
                "https://example.org/post", false, "r1", "p", "a", "RBAC is on, by default.")));
  }

  @Test
  void longQuoteBecomesStartAndEnd() {
    assertEquals(
        "https://e.org/#:~:text=Kubeadm%20enables%20RBAC%20while,the%20old%20cluster%2Dup%20script.",
        links.link(
            new CitationLinks.Target(
                "https://e.org/",
                false,
                "r",
                "p",
                "",
                "Kubeadm enables RBAC while in version 1.6 the old cluster-up script.")));
  }

  @Test
  void notesJoinedWithSemicolonsLinkTheFirstNoteThePageHoldsAsIs() {
    assertEquals(
        "https://e.org/notes#:~:text=2014%2D2015%3A%20Graphite",
        links.forSentence(
            "https://e.org/notes#:~:text=Old.",
            "2014-2015: Graphite; No replication, very hard to handle compactions"));
  }

  @Test
  void sentenceLinkReplacesOnlyTextFragments() {
    assertEquals(
        "https://e.org/#:~:text=New%20one.",
        links.forSentence("https://e.org/#:~:text=Old%20one.", "New one."));
    assertEquals(
        "http://localhost:3000/reports/r?p=p#a",
        links.forSentence("http://localhost:3000/reports/r?p=p#a", "New one."));
  }
}

package dev.debrief.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Line kinds on literal lines. */
class LineKindTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      Tue Mar 4 10:15:02 PST 2031                         | TIMESTAMP
      [09:41 AM]                                          | TIMESTAMP
      ann [09:41 AM] anyone going to the party tonight    | TIMESTAMP
      3h                                                  | TIMESTAMP
      10:07 questions before the break                    | TIMESTAMP
      2031-02-01                                          | TIMESTAMP
      March 14                                            | TIMESTAMP
      Photo: the main hall                                | CAPTION
      slides                                              | CAPTION
      YouTube                                             | CAPTION
      The team on stage (pictured left)                   | CAPTION
      Inside the main hall before the keynote             | CAPTION
      Line for the keynote.                               | CAPTION
      From the storage talk, a chart of queue depth.      | CAPTION
      {: .img-thumbnail .mx-auto }                        | LINK_OR_CODE
      layout: post                                        | LINK_OR_CODE
      Length 41:07, watched on 2031-02-01                 | METADATA
      Rating: 4/5                                         | METADATA
      4/5                                                 | METADATA
      Speaker: Ann Example                                | METADATA
      Published June 2, 2031 on the Example blog          | METADATA
      Related links : the schedule and the recordings     | METADATA
      Reply                                               | METADATA
      https://example.org/talks/42                        | LINK_OR_CODE
      for (int i = 0; i < n; i++) {                       | LINK_OR_CODE
      Storage Engines                                     | HEADING_LIKE
      Why caching matters                                 | HEADING_LIKE
      Announcing Acme Queue 2                             | TEXT
      The broker keeps every message for seven days.      | TEXT
      """)
  void kinds(String line, LineKind expected) {
    assertEquals(expected, LineKind.of(line), line);
  }
}

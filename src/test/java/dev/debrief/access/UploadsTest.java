package dev.debrief.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads are keyed by source; a file from before (keyed by report id) is read and re-keyed. */
class UploadsTest {
  @TempDir Path tmp;

  @Test
  void aFileKeyedByReportIdIsReadByItsSources() throws Exception {
    Path file = tmp.resolve("uploads.json");
    Files.writeString(
        file,
        """
        {"r0123456789ab": {"reportId": "r0123456789ab", "userId": "UANA", "channelId": "DANA",
          "source": "slack:F1", "restricted": [], "at": 5}}
        """,
        StandardCharsets.UTF_8);

    Uploads uploads = new Uploads(file);

    assertEquals("UANA", uploads.find("slack:F1").orElseThrow().userId());
    assertTrue(uploads.addedBy("slack:F1", "UANA"));
    assertFalse(uploads.addedBy("slack:F1", "UBEN"));
    uploads.record(new Uploads.Upload("r0123456789ab", "UBEN", "DBEN", "slack:F2", List.of(), 6));
    Uploads again = new Uploads(file);
    assertEquals(
        List.of("UANA", "UBEN"),
        List.of(
            again.find("slack:F1").orElseThrow().userId(),
            again.find("slack:F2").orElseThrow().userId()));
    again.forget("slack:F1");
    assertTrue(new Uploads(file).find("slack:F1").isEmpty());
  }
}

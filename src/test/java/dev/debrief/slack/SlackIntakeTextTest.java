package dev.debrief.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The words of a file share, and where the bot token may go. */
class SlackIntakeTextTest {
  @Test
  void thisChannelOnlyAndTheQuestionPart() {
    assertTrue(SlackIntake.thisChannelOnly("add this, this channel only"));
    assertTrue(SlackIntake.thisChannelOnly("This Channel Only please"));
    assertFalse(SlackIntake.thisChannelOnly("is this channel the only one?"));
    assertEquals("", SlackIntake.questionPart("add this"));
    assertEquals("", SlackIntake.questionPart("add this, this channel only"));
    assertEquals("", SlackIntake.questionPart("  please add these files! "));
    assertEquals("", SlackIntake.questionPart(""));
    assertEquals(
        "when does the beta start?", SlackIntake.questionPart("when does the beta start?"));
    assertEquals(
        "what does it say about caching?",
        SlackIntake.questionPart("this channel only: what does it say" + " about caching?"));
  }

  @Test
  void theBotTokenGoesOnlyToSlack() throws Exception {
    SlackFiles f = new SlackFiles("https://slack.com/api/", "xoxb-secret");
    assertTrue(f.trusted(URI.create("https://files.slack.com/files-pri/T1-F1/download/a.md")));
    assertTrue(f.trusted(URI.create("https://slack.com/files/x")));
    assertTrue(f.trusted(URI.create("https://files.slack-gov.com/x")));
    assertFalse(f.trusted(URI.create("http://files.slack.com/x")), "not over plain http");
    assertFalse(f.trusted(URI.create("https://files.slack.com.evil.example/x")));
    assertFalse(f.trusted(URI.create("https://evilslack.com/x")));
    assertFalse(f.trusted(URI.create("https://user@files.slack.com/x")));
    assertFalse(f.trusted(URI.create("https://files.slack.com:8443/x")));
    assertFalse(f.trusted(URI.create("http://169.254.169.254/latest/")));
    SlackFiles.DownloadException e =
        assertThrows(
            SlackFiles.DownloadException.class,
            () -> f.download("http://10.0.0.1/file.md", "file.md", 1000));
    assertEquals(
        "the download URL is not on Slack (10.0.0.1); not sending the bot token there",
        e.getMessage());
    // A test or GovSlack-style API URL's own origin is trusted too.
    SlackFiles local = new SlackFiles("http://127.0.0.1:4567/api/", "xoxb-secret");
    assertTrue(local.trusted(URI.create("http://127.0.0.1:4567/files/F1/a.md")));
    assertFalse(local.trusted(URI.create("http://127.0.0.1:4568/files/F1/a.md")));
  }
}

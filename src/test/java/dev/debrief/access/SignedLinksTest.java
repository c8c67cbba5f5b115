package dev.debrief.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.debrief.cite.CitationLinks;
import dev.debrief.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedLinksTest {
  static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  final TestClock clock = new TestClock(Instant.parse("2026-03-01T12:00:00Z"));
  final SignedLinks links = new SignedLinks(SECRET, clock, Duration.ofHours(1));

  @Test
  void signsWithHmacSha256OverReportIdAndExpiry() {
    long exp = Instant.parse("2026-03-01T13:00:00Z").getEpochSecond();
    assertEquals(1772370000L, exp);
    // Independently: printf 'r0123456789ab\n1772370000' | openssl dgst -sha256 -hmac 0123…cdef
    // -binary | base64url
    assertEquals(
        "exp=1772370000&sig=" + links.sign("r0123456789ab", exp), links.query("r0123456789ab"));
    assertEquals(43, links.sign("r0123456789ab", exp).length()); // 32 bytes, unpadded base64url
  }

  @Test
  void validExpiredTamperedMissing() {
    String q = links.query("rabc");
    String exp = q.substring(4, q.indexOf('&'));
    String sig = q.substring(q.indexOf("sig=") + 4);
    assertEquals(SignedLinks.Check.VALID, links.verify("rabc", exp, sig));
    assertEquals(
        SignedLinks.Check.BAD_SIGNATURE,
        links.verify("rabd", exp, sig),
        "signature of another report");
    assertEquals(
        SignedLinks.Check.BAD_SIGNATURE,
        links.verify("rabc", String.valueOf(Long.parseLong(exp) + 3600), sig),
        "extended expiry");
    char last = sig.charAt(sig.length() - 2);
    String tampered =
        sig.substring(0, sig.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + sig.charAt(sig.length() - 1);
    assertEquals(SignedLinks.Check.BAD_SIGNATURE, links.verify("rabc", exp, tampered));
    assertEquals(SignedLinks.Check.BAD_SIGNATURE, links.verify("rabc", exp, "not base64!"));
    assertEquals(SignedLinks.Check.BAD_SIGNATURE, links.verify("rabc", "soon", sig));
    assertEquals(SignedLinks.Check.MISSING, links.verify("rabc", null, sig));
    assertEquals(SignedLinks.Check.MISSING, links.verify("rabc", exp, ""));
    SignedLinks otherSecret =
        new SignedLinks(
            "another-secret-another-secret-xx".getBytes(StandardCharsets.UTF_8),
            clock,
            Duration.ofHours(1));
    assertEquals(SignedLinks.Check.BAD_SIGNATURE, otherSecret.verify("rabc", exp, sig));
    clock.advance(Duration.ofMinutes(59));
    assertEquals(SignedLinks.Check.VALID, links.verify("rabc", exp, sig));
    clock.advance(Duration.ofMinutes(1));
    assertEquals(SignedLinks.Check.EXPIRED, links.verify("rabc", exp, sig));
  }

  @Test
  void secretFromTheEnvironment() {
    List<String> warnings = new ArrayList<>();
    assertThrows(
        IllegalArgumentException.class,
        () -> new SignedLinks(new byte[8], clock, Duration.ofHours(1)));
    SignedLinks fromEnv =
        SignedLinks.fromEnv(
            Map.of(SignedLinks.ENV, new String(SECRET, StandardCharsets.UTF_8)),
            clock,
            Duration.ofHours(1),
            warnings::add);
    assertEquals(links.query("r1"), fromEnv.query("r1"));
    assertEquals(List.of(), warnings);
    SignedLinks random = SignedLinks.fromEnv(Map.of(), clock, Duration.ofHours(1), warnings::add);
    assertEquals(List.of(), warnings, "no warning until a restricted link is made");
    random.query("r1");
    random.query("r2");
    assertEquals(
        List.of(
            "DEBRIEF_LINK_SECRET is not set; links to restricted reports use a random secret and stop"
                + " working when Debrief restarts"),
        warnings);
  }

  @Test
  void citationLinksSignOnlyRestrictedViewerLinks() {
    CitationLinks cl = new CitationLinks("http://localhost:3000/", links);
    String sig = links.sign("rabc", 1772370000L);
    assertEquals(
        "http://localhost:3000/reports/rabc?p=rabc-p3&exp=1772370000&sig=" + sig + "#keynote",
        cl.link(
            new CitationLinks.Target("", false, "rabc", "rabc-p3", "keynote", "Some text.", true)));
    assertEquals(
        "http://localhost:3000/reports/rabc?exp=1772370000&sig=" + sig,
        cl.viewerLink("rabc", "", "", true));
    assertEquals(
        "http://localhost:3000/reports/rabc?p=rabc-p3#keynote",
        cl.link(
            new CitationLinks.Target(
                "", false, "rabc", "rabc-p3", "keynote", "Some text.", false)));
    // A restricted report with its own web page links there (that page has its own access control).
    assertEquals(
        "https://wiki.example/recap#:~:text=Some%20text.",
        cl.link(
            new CitationLinks.Target(
                "https://wiki.example/recap",
                false,
                "rabc",
                "rabc-p3",
                "keynote",
                "Some text.",
                true)));
  }
}

package dev.debrief.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.debrief.testing.TestCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code debrief ingest} on real folders: what is skipped quietly, what fails, and copies of one
 * report.
 */
class IngestCommandIT {
  @TempDir Path tmp;

  @Test
  void aFolderHoldingTheIndexImagesAndDotfilesIngestsItsReportsAndCountsTheRest() throws Exception {
    Path work = tmp.resolve("work");
    TestCorpus.write(work.resolve("reports"));
    Files.write(
        work.resolve("reports/photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
    Files.writeString(work.resolve(".DS_Store"), "x");
    Files.writeString(work.resolve("feedback.jsonl"), "{}\n");
    Files.createDirectories(work.resolve(".git"));
    Files.writeString(
        work.resolve(".git/notes.md"), "# not walked\n\nhidden folders are never entered\n");
    String index = work.resolve("index/lucene").toString();

    CliIT.Run first = CliIT.run("--index", index, "ingest", work.toString());
    CliIT.Run second = CliIT.run("--index", index, "ingest", work.toString());

    assertEquals(0, first.code(), first.out() + first.err());
    assertTrue(
        first.out().startsWith("ingested 3 new, 0 updated, 0 unchanged, 0 removed;"), first.out());
    assertTrue(first.out().contains("\nskipped 3 files that are not reports\n"), first.out());
    assertEquals(0, second.code(), second.out() + second.err());
    assertTrue(
        second.out().startsWith("ingested 0 new, 0 updated, 3 unchanged, 0 removed;"),
        second.out());
    assertTrue(
        second.out().contains("\nskipped 3 files that are not reports\n"),
        "the index folder, now full of files, is never walked: " + second.out());
    assertEquals("", second.err());
  }

  @Test
  void aFileNamedExplicitlyThatIsNotAReportOrCannotBeReadFails() throws Exception {
    Path docs = TestCorpus.write(tmp.resolve("docs"));
    Path png = Files.write(docs.resolve("photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    String index = tmp.resolve("index").toString();

    CliIT.Run named = CliIT.run("--index", index, "ingest", png.toString());

    assertEquals(1, named.code());
    assertEquals(
        "skipped "
            + png
            + ": not a report: unsupported file type .png (supported: "
            + dev.debrief.ingest.ReportReader.SUPPORTED_EXTENSIONS
            + ")\n",
        named.err());
    Path secret = docs.resolve("alpha.md");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(secret), "running as root: every file is readable");
    CliIT.Run unreadable = CliIT.run("--index", index, "ingest", secret.toString());
    assertEquals(1, unreadable.code());
    assertTrue(
        unreadable.err().startsWith("skipped " + secret + ": cannot read"), unreadable.err());
  }

  @Test
  void copiesOfAReportAreOneReportAndTheOutputSaysSo() throws Exception {
    Path docs = TestCorpus.write(tmp.resolve("docs"));
    Files.writeString(docs.resolve("zz-copy.md"), TestCorpus.BETA, StandardCharsets.UTF_8);
    String index = tmp.resolve("index").toString();

    CliIT.Run r = CliIT.run("--index", index, "ingest", docs.toString());
    CliIT.Run reports = CliIT.run("--index", index, "reports", "--json");

    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out()
            .startsWith(
                "ingested 3 new, 0 updated, 0 unchanged, 0 removed, 1 already indexed from another"
                    + " source;"),
        r.out());
    assertTrue(
        r.out()
            .contains(
                "\nalready indexed as “Storage panel notes”; added "
                    + docs.resolve("zz-copy.md").toRealPath()
                    + "\n"),
        r.out());
    com.google.gson.JsonArray listed =
        com.google.gson.JsonParser.parseString(reports.out()).getAsJsonArray();
    assertEquals(3, listed.size());
    int indexed = 0;
    for (com.google.gson.JsonElement e : listed) {
      indexed += e.getAsJsonObject().get("passages").getAsInt();
    }
    assertTrue(
        r.out().contains("; " + indexed + " passages ("),
        "the copy's passages are not counted again: " + r.out());
    assertFalse(
        reports.out().contains("\"sources\":[\"" + docs.resolve("zz-copy.md").toRealPath() + "\"]"),
        "the copy is a second source of the same report, not a report of its own");
  }

  @Test
  void aPdfOfLetterSaladIsRefusedInOneLineWithoutPdfboxWarnings() throws Exception {
    Path pdf = tmp.resolve("salad.pdf");
    Files.write(
        pdf,
        dev.debrief.ingest.PdfGibberishTest.pdf(
            dev.debrief.ingest.PdfGibberishTest.shift(
                dev.debrief.ingest.PdfGibberishTest.PROSE.repeat(3)),
            dev.debrief.ingest.PdfGibberishTest.fontWithoutUnicode()));
    // A child JVM logging through slf4j-simple and src/main/resources/simplelogger.properties, as
    // the jar does
    // (the tests' own SLF4J provider keeps log lines in memory instead of printing them).
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                javaBin,
                "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
                "-Dslf4j.internal.verbosity=WARN",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.debrief.cli.Main",
                "--index",
                tmp.resolve("index").toString(),
                "ingest",
                pdf.toString())
            .redirectOutput(tmp.resolve("out.txt").toFile())
            .redirectError(tmp.resolve("err.txt").toFile())
            .start();
    assertTrue(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));

    java.util.List<String> err = Files.readAllLines(tmp.resolve("err.txt"));
    assertEquals(1, child.exitValue(), String.join("\n", err));
    assertEquals(
        1, err.size(), "one line, no PDFBox warning per glyph code:\n" + String.join("\n", err));
    assertTrue(err.get(0).startsWith("skipped " + pdf + ": unreadable PDF text: "), err.get(0));
  }
}

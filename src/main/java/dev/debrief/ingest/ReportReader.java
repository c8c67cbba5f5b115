package dev.debrief.ingest;

import dev.debrief.config.DebriefConfig;
import dev.debrief.model.Report;
import dev.debrief.model.ReportMeta;
import dev.debrief.text.ReportExtensions;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one report file into a {@link Report}: format detection, decoding, front matter and
 * metadata, normalized text, sections and passages.
 *
 * <p>Formats, by file-name extension, corrected by content sniffing: {@code .md .markdown}
 * (CommonMark with GFM tables), {@code .html .htm} (jsoup), {@code .txt} (plain text), {@code .rst}
 * (reStructuredText), {@code .pdf} (PDFBox), {@code .docx} (Word), {@code .pptx} (slides), {@code
 * .odt} (OpenDocument text) and {@code .epub} (e-books; ZIP packages whose XML parts are read with
 * jsoup, see {@link DocxParser}, {@link PptxParser}, {@link OdtParser}, {@link EpubParser}). A file
 * of a text type whose bytes start with {@code %PDF-} is read as PDF; one whose body (after front
 * matter) starts with {@code <!DOCTYPE html} or {@code <html} is read as HTML. YAML front matter is
 * honoured at the top of every text format.
 *
 * <p>Text decoding: a UTF-8 or UTF-16 byte-order mark is honoured and stripped; otherwise strict
 * UTF-8, and on a decoding error windows-1252 (for HTML, the charset its {@code <meta>} declares,
 * if any). Line endings become {@code \n}. The decoding and the binary sniffing are {@link
 * TextDecoding}'s.
 *
 * <p>Metadata: front matter first ({@code title event date author tags channels}, and the first
 * absolute URL among {@code url canonical_url permalink source_url}), then the format's own (HTML
 * meta tags, PDF document information), then guesses: the title falls back to the first heading,
 * then to the file name. Dates are normalized to {@code yyyy-MM-dd} or {@code yyyy-MM}.
 *
 * <p>Instances are immutable apart from reusable parsers and may be used by one thread at a time;
 * create one per thread for parallel ingest.
 */
public final class ReportReader {
  private static final Logger LOG = LoggerFactory.getLogger(ReportReader.class);

  private static final Set<String> EXTENSIONS = Set.copyOf(ReportExtensions.ALL);

  /** The supported extensions, for messages ({@link ReportExtensions#FOR_MESSAGES}). */
  public static final String SUPPORTED_EXTENSIONS = ReportExtensions.FOR_MESSAGES;

  /**
   * The version of how bytes become a report: raised whenever the same bytes parse differently (2:
   * Hugo's TOML front matter became metadata). An index remembers the version each source was
   * parsed with, and the next ingest parses again what an older version read.
   */
  public static final int PARSE_VERSION = 2;

  private static final long MIB = 1024L * 1024;
  private static final Pattern HTML_START =
      Pattern.compile("(?is)\\A\\s*(?:<!--.*?-->\\s*)*(<!doctype\\s+html|<html[\\s>])");

  private static final Set<String> OFFICE = Set.copyOf(ReportExtensions.ZIPPED);

  private final DebriefConfig.Ingest settings;
  private final MarkdownParser markdown = new MarkdownParser();

  /**
   * @param settings passage sizes ({@code passageMinWords}, {@code passageMaxWords}, in
   *     whitespace-separated words) and the largest accepted file ({@code maxFileBytes}, in bytes)
   */
  public ReportReader(DebriefConfig.Ingest settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Whether the file name has a supported extension (case-insensitive), one of {@link
   * #SUPPORTED_EXTENSIONS}.
   */
  public static boolean isSupported(String fileName) {
    return EXTENSIONS.contains(extension(fileName));
  }

  /**
   * Parses one report.
   *
   * @param source an absolute normalized path, a URL or {@code slack:FILE_ID}
   * @param fileName the file name (or last URL path segment); its extension selects the format
   * @param bytes the raw content; the report's id and {@link Report#contentHash()} come from the
   *     text parsed out of it ({@link Report#idForContent(String)}), so the same report read from
   *     two places has one id
   * @return the report with at least one passage
   * @throws IngestException with a human-readable reason when the content is refused: unsupported
   *     type, empty or whitespace-only, too large, binary, corrupt or encrypted PDF, or no readable
   *     text
   */
  public Report read(String source, String fileName, byte[] bytes) throws IngestException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(bytes, "bytes");
    String ext = extension(fileName);
    if (!EXTENSIONS.contains(ext)) {
      throw new IngestException(
          ext.isEmpty() ? "unsupported type (no file extension)" : "unsupported type ." + ext);
    }
    if (bytes.length == 0) {
      throw new IngestException("empty file");
    }
    if (bytes.length > settings.maxFileBytes) {
      throw new IngestException(tooLarge(bytes.length, settings.maxFileBytes));
    }
    DocBuilder doc = new DocBuilder();
    Meta own = new Meta();
    Meta front = new Meta();
    String format;
    if (ext.equals("pdf") || TextDecoding.startsWith(bytes, "%PDF-")) {
      format = "pdf";
      PdfParser.parse(source, bytes, doc, own);
    } else if (OFFICE.contains(ext)) {
      format = ext;
      switch (ext) {
        case "docx" -> DocxParser.parse(bytes, doc, own);
        case "pptx" -> PptxParser.parse(bytes, doc, own);
        case "odt" -> OdtParser.parse(bytes, doc, own);
        default -> EpubParser.parse(bytes, doc, own);
      }
    } else {
      String magic = TextDecoding.binaryMagic(bytes);
      if (magic != null) {
        throw new IngestException("binary content (" + magic + ")");
      }
      String text = TextDecoding.decode(bytes, ext.startsWith("htm"));
      if (text.isBlank()) {
        throw new IngestException("empty file (whitespace only)");
      }
      FrontMatter fm = FrontMatter.split(text);
      if (!fm.problem().isEmpty()) {
        LOG.warn("{}: {}", source, fm.problem());
      }
      front = Meta.fromFrontMatter(fm.data());
      String body = fm.body();
      if (body.isBlank()) {
        throw new IngestException("no text content (front matter only)");
      }
      format =
          switch (ext) {
            case "md", "markdown" -> "markdown";
            case "html", "htm" -> "html";
            case "rst" -> "rst";
            default -> "text";
          };
      if (!format.equals("html") && HTML_START.matcher(body).find()) {
        format = "html";
      }
      switch (format) {
        case "markdown" -> markdown.parse(body, doc);
        case "html" ->
            HtmlParser.parsePage(body, Meta.isAbsoluteUrl(source) ? source : "", doc, own);
        case "rst" -> new PlainTextParser(true).parse(body, doc);
        default -> new PlainTextParser(false).parse(body, doc);
      }
    }
    if (!doc.hasBody()) {
      throw new IngestException(
          format.equals("pdf") ? "no extractable text (a scanned PDF?)" : "no text content");
    }
    String reportId = Report.idForContent(doc.text());
    Structurer.Result structure =
        new Structurer(settings.passageMinWords, settings.passageMaxWords).structure(reportId, doc);
    if (structure.passages().isEmpty()) {
      throw new IngestException("no text content");
    }
    Meta meta = front;
    meta.fillFrom(own);
    if (meta.title.isBlank()) {
      meta.title = firstHeading(doc);
    }
    if (meta.title.isBlank()) {
      meta.title = Meta.titleFromFileName(fileName);
    }
    if (meta.url.isBlank() && Meta.isAbsoluteUrl(source)) {
      meta.url = source;
    }
    ReportMeta reportMeta =
        new ReportMeta(
            meta.title,
            meta.event,
            meta.date,
            meta.author,
            meta.url,
            new ArrayList<>(meta.tags),
            new ArrayList<>(meta.channels));
    return new Report(
        reportId,
        source,
        format,
        reportMeta,
        doc.text(),
        structure.sections(),
        structure.passages(),
        Report.contentHashOf(doc.text()));
  }

  /**
   * The refusal of a file over {@code ingest.maxFileBytes}, in MiB, e.g. {@code "file too large:
   * 25.3 MiB (ingest.maxFileBytes is 20 MiB)"}.
   */
  public static String tooLarge(long size, long limit) {
    return String.format(
        Locale.ROOT, "file too large: %s (ingest.maxFileBytes is %s)", mib(size), mib(limit));
  }

  /** A size for people: "20 MiB", "25.3 MiB"; below a MiB "98 KiB", below 10 KiB "12 bytes". */
  public static String mib(long bytes) {
    if (bytes < 10 * 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    if (bytes < MIB) {
      return Math.round(bytes / 1024.0) + " KiB";
    }
    double m = bytes / (double) MIB;
    return m == Math.rint(m)
        ? String.format(Locale.ROOT, "%d MiB", (long) m)
        : String.format(Locale.ROOT, "%.1f MiB", m);
  }

  private static String firstHeading(DocBuilder doc) {
    for (DocBuilder.Heading h : doc.headings()) {
      if (h.level() == 1) {
        return h.text();
      }
    }
    return doc.headings().isEmpty() ? "" : doc.headings().get(0).text();
  }

  /** The lower-case extension without the dot, or "". */
  static String extension(String fileName) {
    if (fileName == null) {
      return "";
    }
    String name = fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    int q = name.indexOf('?');
    if (q >= 0) {
      name = name.substring(0, q);
    }
    int dot = name.lastIndexOf('.');
    return dot <= 0 || dot == name.length() - 1
        ? ""
        : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}

package dev.debrief.text;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The file extensions Debrief reads reports from, lower case and without the dot: the one list
 * behind ingest's choice of parser, its "supported:" messages, and the URL fetcher's guess when a
 * server sends no useful content type.
 */
public final class ReportExtensions {
  private ReportExtensions() {}

  /** Formats read from the bytes as they are: Markdown, HTML, plain text, reStructuredText, PDF. */
  public static final List<String> PLAIN =
      List.of("md", "markdown", "html", "htm", "txt", "rst", "pdf");

  /** Zip containers of XML (Word, PowerPoint, OpenDocument text, EPUB). */
  public static final List<String> ZIPPED = List.of("docx", "pptx", "odt", "epub");

  /** Every supported extension: {@link #PLAIN} then {@link #ZIPPED}. */
  public static final List<String> ALL = Stream.concat(PLAIN.stream(), ZIPPED.stream()).toList();

  /** {@link #ALL} for messages: ".md, .markdown, …, .epub". */
  public static final String FOR_MESSAGES =
      ALL.stream().map(e -> "." + e).collect(Collectors.joining(", "));
}

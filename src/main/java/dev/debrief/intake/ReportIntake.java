package dev.debrief.intake;

import dev.debrief.access.AccessPolicy;
import dev.debrief.access.Uploads;
import dev.debrief.cite.CitationLinks;
import dev.debrief.index.Indexer;
import dev.debrief.index.IngestResult;
import dev.debrief.index.ReportCatalog;
import dev.debrief.ingest.ReportReader;
import dev.debrief.model.ReportInfo;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Adds reports people hand to Debrief and removes them again. Writes are serialized (one at a
 * time).
 *
 * <ul>
 *   <li>{@link #addFile}: a Slack upload, source {@code slack:FILE_ID}; {@link #addUrl}: a web page
 *       fetched with SSRF protection. Both accept a channel restriction ("this channel only"),
 *       which never widens a restriction the file itself declares, and record the uploader in
 *       {@link Uploads}.
 *   <li>{@link #remove}: by id, exact title, file name or URL; only reports visible where the
 *       command was typed are found (a restricted report's existence is not revealed elsewhere);
 *       the uploader or an admin may remove it.
 * </ul>
 */
public final class ReportIntake {
  /** Supported upload types, for messages. */
  public static final String SUPPORTED =
      "Markdown (.md), HTML (.html), plain text (.txt), reStructuredText (.rst),"
          + " PDF (.pdf), Word (.docx), PowerPoint (.pptx), OpenDocument text (.odt) and EPUB (.epub)";

  /**
   * The outcome of an add.
   *
   * @param ok whether the report is indexed (new, updated or unchanged)
   * @param reason why not, for people ("" when ok)
   * @param status "added", "updated", "unchanged" or "already indexed" (the same content came from
   *     another source before; this one was added to it) ("" when not ok)
   * @param report the indexed report's summary (null when not ok)
   * @param viewerUrl the report on the viewer (signed when restricted; "" when not ok)
   */
  public record Added(
      boolean ok, String reason, String status, ReportInfo report, String viewerUrl) {
    static Added failed(String reason) {
      return new Added(false, reason, "", null, "");
    }
  }

  /**
   * The outcome of a removal.
   *
   * @param removed whether it was removed
   * @param message for people
   */
  public record Removed(boolean removed, String message) {}

  private final Supplier<Indexer> indexer;
  private final Supplier<WebIngest> web;
  private final ReportCatalog catalog;
  private final Uploads uploads;
  private final CitationLinks links;
  private final List<String> admins;
  private final Clock clock;
  private final long maxBytes;

  /**
   * @param indexer the indexer (built on first use: it loads the embedding model)
   * @param web fetch + ingest of URLs
   * @param catalog what is indexed
   * @param uploads who added what
   * @param links builds viewer links (signed for restricted reports)
   * @param admins Slack user ids who may remove any report ({@code slack.admins})
   * @param clock stamps uploads
   * @param maxBytes largest upload ({@code access.maxDownloadBytes})
   */
  public ReportIntake(
      Supplier<Indexer> indexer,
      Supplier<WebIngest> web,
      ReportCatalog catalog,
      Uploads uploads,
      CitationLinks links,
      List<String> admins,
      Clock clock,
      long maxBytes) {
    this.indexer = indexer;
    this.web = web;
    this.catalog = catalog;
    this.uploads = uploads;
    this.links = links;
    this.admins = List.copyOf(admins);
    this.clock = clock;
    this.maxBytes = maxBytes;
  }

  /** The largest accepted upload, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Why a file cannot be added before downloading it (unsupported type, too big), or empty.
   *
   * @param fileName the file's name
   * @param size its size in bytes, or a negative number when unknown
   */
  public Optional<String> precheck(String fileName, long size) {
    if (!ReportReader.isSupported(fileName)) {
      int dot = fileName.lastIndexOf('.');
      String type =
          dot < 0
              ? "files without an extension"
              : fileName.substring(dot).toLowerCase(Locale.ROOT) + " files";
      return Optional.of(
          "I can't read " + type + " (" + fileName + "). I can read " + SUPPORTED + ".");
    }
    if (size > maxBytes) {
      return Optional.of(
          fileName
              + " is "
              + mb(size)
              + "; the limit is "
              + mb(maxBytes)
              + " (access.maxDownloadBytes).");
    }
    return Optional.empty();
  }

  /**
   * Ingests an uploaded file.
   *
   * @param fileId the Slack file id (the source becomes {@code slack:FILE_ID})
   * @param restrictTo channels to restrict it to, or empty
   */
  public synchronized Added addFile(
      String fileId,
      String fileName,
      byte[] bytes,
      List<String> restrictTo,
      String userId,
      String channelId) {
    Optional<String> pre = precheck(fileName, bytes.length);
    if (pre.isPresent()) {
      return Added.failed(pre.get());
    }
    String source = "slack:" + fileId;
    IngestResult r = indexer.get().ingestBytes(source, fileName, bytes, restrictTo);
    return outcome(r, source, restrictTo, userId, channelId);
  }

  /** Fetches and ingests a URL. */
  public synchronized Added addUrl(
      String url, List<String> restrictTo, String userId, String channelId) {
    WebIngest.Result r = web.get().ingest(url, restrictTo);
    if (!r.ok()) {
      return Added.failed(r.reason());
    }
    return outcome(r.result(), r.finalUrl(), restrictTo, userId, channelId);
  }

  private Added outcome(
      IngestResult r, String source, List<String> restrictTo, String userId, String channelId) {
    if (!r.ok()) {
      return Added.failed(r.failures().get(0).reason());
    }
    Optional<IngestResult.Indexed> done = r.outcome(source);
    if (done.isEmpty()) {
      return Added.failed("it was indexed but cannot be found in the index (internal error)");
    }
    String reportId = done.get().reportId();
    Optional<ReportInfo> info =
        catalog.list().stream().filter(i -> i.id().equals(reportId)).findFirst();
    if (info.isEmpty()) {
      return Added.failed("it was indexed but cannot be found in the index (internal error)");
    }
    String status =
        switch (done.get().status()) {
          case ADDED -> "added";
          case UPDATED -> "updated";
          case SOURCE_ADDED -> "already indexed";
          default -> "unchanged";
        };
    if (!status.equals("unchanged") || uploads.find(source).isEmpty()) {
      uploads.record(
          new Uploads.Upload(reportId, userId, channelId, source, restrictTo, clock.millis()));
    }
    boolean restricted = !info.get().meta().channels().isEmpty();
    return new Added(true, "", status, info.get(), links.viewerLink(reportId, "", "", restricted));
  }

  /**
   * Removes a report, or the sources of it that someone added: an uploader removes the sources they
   * added (the report stays while another source holds it), an admin every source of the report or
   * the one named.
   *
   * @param query report id, exact title (case-insensitive), file name, source or URL
   * @param userId who asks
   * @param allowedChannels where the command was typed ({@link AccessPolicy#allowedChannels})
   */
  public synchronized Removed remove(String query, String userId, List<String> allowedChannels) {
    String q = query.strip();
    if (q.isEmpty()) {
      return new Removed(
          false, "Usage: `/debrief remove REPORT` (its id, title, file name or URL).");
    }
    List<ReportInfo> visible =
        catalog.list().stream()
            .filter(r -> AccessPolicy.permits(r.meta(), allowedChannels))
            .toList();
    List<ReportInfo> matches = visible.stream().filter(r -> r.id().equals(q)).toList();
    if (matches.isEmpty()) {
      matches =
          visible.stream()
              .filter(
                  r ->
                      r.meta().title().equalsIgnoreCase(q)
                          || r.meta().url().equals(q)
                          || r.sources().stream().anyMatch(src -> names(src, q)))
              .toList();
    }
    if (matches.isEmpty()) {
      return new Removed(false, "No report matches \"" + q + "\". `/debrief reports` lists them.");
    }
    if (matches.size() > 1) {
      return new Removed(
          false,
          matches.size()
              + " reports match \""
              + q
              + "\"; use the id: "
              + String.join(", ", matches.stream().map(ReportInfo::id).toList())
              + ".");
    }
    ReportInfo r = matches.get(0);
    boolean admin = admins.contains(userId);
    List<String> named = r.sources().stream().filter(src -> names(src, q)).toList();
    List<String> targets =
        (named.isEmpty() ? r.sources() : named)
            .stream().filter(src -> admin || uploads.addedBy(src, userId)).toList();
    if (targets.isEmpty() || (!admin && !named.isEmpty() && targets.size() < named.size())) {
      return new Removed(
          false,
          "Only the person who added \"" + r.meta().title() + "\" or an admin can remove it.");
    }
    if (targets.size() == r.sources().size()) {
      boolean removed = indexer.get().remove(r.id());
      targets.forEach(uploads::forget);
      return new Removed(
          removed,
          removed
              ? "Removed \"" + r.meta().title() + "\" (" + r.id() + ")."
              : "\"" + r.meta().title() + "\" was already gone.");
    }
    for (String source : targets) {
      indexer.get().removeSource(source);
      uploads.forget(source);
    }
    int left = r.sources().size() - targets.size();
    return new Removed(
        true,
        "Removed "
            + (targets.size() == 1 ? targets.get(0) : targets.size() + " sources")
            + " from \""
            + r.meta().title()
            + "\"; it stays indexed from "
            + left
            + (left == 1 ? " other source." : " other sources."));
  }

  /** Whether the query names this source: the source itself, or its file name. */
  private static boolean names(String source, String q) {
    return source.equals(q) || source.endsWith("/" + q);
  }

  private static String mb(long bytes) {
    return ReportReader.mib(bytes);
  }
}

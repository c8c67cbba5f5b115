package dev.debrief.index;

import dev.debrief.model.ReportMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * One place a report was read from, as stored on its report document ({@link Fields#SOURCES_JSON}).
 *
 * @param source absolute real path, URL or {@code slack:FILE_ID}
 * @param hash SHA-256 of the bytes read from it (with the upload's channel restriction, if any):
 *     equal hashes mean re-reading the source changes nothing
 * @param meta the metadata this source gave (front matter, HTML meta, PDF info), with its own
 *     channels
 * @param addedAt when the source was first recorded, epoch milliseconds
 */
public record SourceEntry(String source, String hash, ReportMeta meta, long addedAt) {
  /** Validates every component and names the bad one. */
  public SourceEntry {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("source must not be blank, got \"" + source + "\"");
    }
    if (hash == null || hash.isBlank()) {
      throw new IllegalArgumentException("hash of source " + source + " must not be blank");
    }
    if (meta == null) {
      throw new IllegalArgumentException("meta of source " + source + " must not be null");
    }
  }

  /**
   * The metadata of a report held by {@code sources}: the first source's, with an empty event,
   * date, author or URL taken from the next source that has one; channels are the union of the
   * sources' restrictions, and none (unrestricted) as soon as one source is unrestricted — each
   * source grants its own audience.
   */
  static ReportMeta effectiveMeta(List<SourceEntry> sources) {
    ReportMeta first = sources.get(0).meta();
    String event = first.event();
    String date = first.date();
    String author = first.author();
    String url = first.url();
    List<String> channels = new ArrayList<>();
    boolean open = false;
    for (SourceEntry s : sources) {
      ReportMeta m = s.meta();
      event = event.isEmpty() ? m.event() : event;
      date = date.isEmpty() ? m.date() : date;
      author = author.isEmpty() ? m.author() : author;
      url = url.isEmpty() ? m.url() : url;
      if (m.channels().isEmpty()) {
        open = true;
      }
      for (String c : m.channels()) {
        if (!channels.contains(c)) {
          channels.add(c);
        }
      }
    }
    return new ReportMeta(
        first.title(), event, date, author, url, first.tags(), open ? List.of() : channels);
  }
}

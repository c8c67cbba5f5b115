package dev.debrief.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * The XML parts of a ZIP-packaged document (Office Open XML, OpenDocument, EPUB), read from memory
 * with {@link ZipInputStream} and parsed with jsoup's XML parser (tag names keep their namespace
 * prefix, e.g. {@code w:p}).
 *
 * <p>Only the parts a reader asks for are inflated, and never more than {@link #MAX_EXPANDED_BYTES}
 * in total nor more than {@link #MAX_ENTRIES} entries are looked at, so a ZIP bomb is refused with
 * a reason instead of filling the heap.
 */
final class ZipParts {
  /**
   * Most bytes all wanted parts may inflate to together: 256 MiB. The text parts of real documents
   * inflate about 5–20 times (XML compresses well), so a document at the default {@code
   * ingest.maxFileBytes} (20 MiB) of nothing but text stays below this.
   */
  static final long MAX_EXPANDED_BYTES = 256L * 1024 * 1024;

  /** Most ZIP entries looked at (a 300-chapter EPUB with its images has about a thousand). */
  static final int MAX_ENTRIES = 20_000;

  private final Map<String, byte[]> parts;

  private ZipParts(Map<String, byte[]> parts) {
    this.parts = parts;
  }

  /**
   * Reads the entries whose names {@code wanted} accepts.
   *
   * @param kind a name for messages, e.g. ".docx"
   * @throws IngestException when the bytes are not a ZIP archive, are corrupt, or expand beyond the
   *     limits
   */
  static ZipParts read(byte[] bytes, String kind, Predicate<String> wanted) throws IngestException {
    if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
      if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF) {
        throw new IngestException(
            "not a "
                + kind
                + " file: an OLE document (a password-protected file or an old"
                + " .doc/.ppt); save it as "
                + kind
                + " without a password");
      }
      throw new IngestException("corrupt " + kind + " file: not a ZIP archive");
    }
    Map<String, byte[]> parts = new LinkedHashMap<>();
    long expanded = 0;
    int entries = 0;
    try (ZipInputStream zip =
        new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      byte[] buf = new byte[64 * 1024];
      while ((entry = zip.getNextEntry()) != null) {
        if (++entries > MAX_ENTRIES) {
          throw new IngestException(kind + " file has more than " + MAX_ENTRIES + " parts");
        }
        String name = entry.getName();
        if (entry.isDirectory() || !wanted.test(name)) {
          continue;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n;
        while ((n = zip.read(buf)) > 0) {
          expanded += n;
          if (expanded > MAX_EXPANDED_BYTES) {
            throw new IngestException(
                kind
                    + " file expands to more than "
                    + (MAX_EXPANDED_BYTES >> 20)
                    + " MiB of text parts");
          }
          out.write(buf, 0, n);
        }
        parts.put(name, out.toByteArray());
      }
    } catch (IOException e) { // ZipException, or EOFException for a truncated file
      throw new IngestException(
          "corrupt " + kind + " file: " + (e.getMessage() == null ? "truncated" : e.getMessage()),
          e);
    }
    if (entries == 0) {
      throw new IngestException("corrupt " + kind + " file: an empty ZIP archive");
    }
    return new ZipParts(parts);
  }

  /** Whether the part was read. */
  boolean has(String name) {
    return parts.containsKey(name);
  }

  /** The part parsed as XML, or empty when absent. */
  Optional<Document> xml(String name) {
    byte[] b = parts.get(name);
    if (b == null) {
      return Optional.empty();
    }
    try (InputStream in = new ByteArrayInputStream(b)) {
      return Optional.of(Jsoup.parse(in, null, "", Parser.xmlParser()));
    } catch (IOException e) {
      return Optional.empty(); // in-memory stream: cannot happen
    }
  }

  /**
   * The part as text (UTF-8 unless its XML declaration or meta says otherwise), or empty when
   * absent.
   */
  Optional<String> text(String name) {
    byte[] b = parts.get(name);
    return b == null ? Optional.empty() : Optional.of(new String(b, StandardCharsets.UTF_8));
  }

  /**
   * Resolves {@code href} (relative, percent-encoded as in the package) against the folder of part
   * {@code from}. Returns a part name without a leading slash; {@code ..} segments are applied.
   */
  static String resolve(String from, String href) {
    String h = href;
    int hash = h.indexOf('#');
    if (hash >= 0) {
      h = h.substring(0, hash);
    }
    h = java.net.URLDecoder.decode(h.replace("+", "%2B"), StandardCharsets.UTF_8);
    String base;
    if (h.startsWith("/")) {
      base = "";
      h = h.substring(1);
    } else {
      int slash = from.lastIndexOf('/');
      base = slash < 0 ? "" : from.substring(0, slash + 1);
    }
    java.util.Deque<String> segs = new java.util.ArrayDeque<>();
    for (String s : (base + h).split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        segs.pollLast();
      } else {
        segs.addLast(s);
      }
    }
    return String.join("/", segs);
  }
}

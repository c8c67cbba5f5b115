package dev.debrief.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How {@link ReportReader} turns the bytes of a text format into text: a UTF-8 or UTF-16 byte-order
 * mark honoured and stripped, else strict UTF-8, and on a decoding error windows-1252 (for HTML,
 * the charset its {@code <meta>} declares, if any); line endings become {@code \n}. Also the
 * sniffing of bytes that are not text at all (known binary formats, NUL bytes).
 */
final class TextDecoding {
  private static final Pattern META_CHARSET =
      Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([a-zA-Z0-9_\\-]+)");

  private TextDecoding() {}

  /** Whether {@code bytes} start with the ASCII characters of {@code prefix}. */
  static boolean startsWith(byte[] bytes, String prefix) {
    if (bytes.length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (bytes[i] != (byte) prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** A short name of a known binary format, "NUL bytes" for other binary data, or null for text. */
  static String binaryMagic(byte[] b) {
    if (startsWith(b, "PK\u0003\u0004")) return "zip archive, e.g. .docx";
    if (b.length >= 4 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G')
      return "PNG image";
    if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF)
      return "JPEG image";
    if (startsWith(b, "GIF8")) return "GIF image";
    if (b.length >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B) return "gzip data";
    if (b.length >= 4 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11)
      return "OLE document, e.g. .doc";
    if (hasUtf16Bom(b)) {
      return null;
    }
    int n = Math.min(b.length, 8192);
    for (int i = 0; i < n; i++) {
      if (b[i] == 0) {
        return "NUL bytes";
      }
    }
    return null;
  }

  private static boolean hasUtf16Bom(byte[] b) {
    return b.length >= 2
        && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
            || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE));
  }

  /**
   * Bytes to text: BOM honoured and stripped, strict UTF-8, else the HTML-declared charset or
   * windows-1252; line endings normalized. Refuses text with many control characters as binary.
   */
  static String decode(byte[] bytes, boolean html) throws IngestException {
    String text;
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      text = lenient(bytes, 3, StandardCharsets.UTF_8);
    } else if (hasUtf16Bom(bytes)) {
      text =
          lenient(
              bytes,
              2,
              (bytes[0] & 0xFF) == 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
    } else {
      try {
        text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
      } catch (CharacterCodingException e) {
        text = lenient(bytes, 0, fallbackCharset(bytes, html));
      }
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    text = text.replace("\r\n", "\n").replace('\r', '\n');
    int control = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\t' && c != '\f') || c == 0x7F || c == '\uFFFD') {
        control++;
      }
    }
    if (control > 0 && control * 100 > text.length()) {
      throw new IngestException("binary content");
    }
    return text.replace('\f', '\n');
  }

  private static Charset fallbackCharset(byte[] bytes, boolean html) {
    if (html) {
      String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
      Matcher m = META_CHARSET.matcher(head);
      if (m.find()) {
        try {
          Charset cs = Charset.forName(m.group(1));
          if (!cs.equals(StandardCharsets.UTF_8)) {
            return cs;
          }
        } catch (IllegalArgumentException ignored) {
          // unknown charset name: use the default fallback
        }
      }
    }
    try {
      return Charset.forName("windows-1252");
    } catch (IllegalArgumentException e) {
      return StandardCharsets.ISO_8859_1;
    }
  }

  private static String lenient(byte[] bytes, int offset, Charset cs) {
    return new String(bytes, offset, bytes.length - offset, cs);
  }
}

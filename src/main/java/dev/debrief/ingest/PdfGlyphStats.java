package dev.debrief.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the glyphs of a file decoded.
 *
 * @param glyphs glyphs shown
 * @param unmapped glyphs whose font has no Unicode mapping for their code
 * @param withoutFont glyphs shown while the current font could not be found (PDFBox draws them with
 *     a default font, which decodes their codes wrongly)
 * @param fonts names of the fonts with unmapped glyphs, at most a few
 */
record PdfGlyphStats(int glyphs, int unmapped, int withoutFont, Set<String> fonts) {
  int undecodable() {
    return unmapped + withoutFont;
  }

  double undecodableShare() {
    return glyphs == 0 ? 0 : (double) undecodable() / glyphs;
  }

  String describe() {
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT, "%,d of %,d glyphs cannot be decoded", undecodable(), glyphs));
    List<String> parts = new ArrayList<>();
    if (unmapped > 0) {
      parts.add(
          String.format(
              Locale.ROOT,
              "%,d have no Unicode mapping%s",
              unmapped,
              fonts.isEmpty() ? "" : " in " + String.join(", ", fonts)));
    }
    if (withoutFont > 0) {
      parts.add(
          String.format(Locale.ROOT, "%,d are drawn with a font that is missing", withoutFont));
    }
    return parts.isEmpty()
        ? b.toString()
        : b.append(": ").append(String.join("; ", parts)).toString();
  }
}

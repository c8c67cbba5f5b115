package dev.debrief.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Drops the running headers, footers and page numbers of a PDF's pages: a line among the first or
 * last {@value #ZONE} lines of a page whose text, with digits masked, recurs in those zones on at
 * least half of the pages (and at least two); page numbers in those zones on any page.
 */
final class PdfRunningLines {
  private static final Pattern PAGE_NUMBER =
      Pattern.compile(
          "(?i)^(?:[-–—\\s]*)(?:page\\s*)?(?:\\d{1,4}|[ivxlcdm]{1,7})(?:\\s*(?:of|/)\\s*\\d{1,4})?(?:[-–—\\s]*)$");
  private static final int ZONE = 2;

  private PdfRunningLines() {}

  private static String maskDigits(String s) {
    return s.strip().toLowerCase(Locale.ROOT).replaceAll("\\d+", "#");
  }

  /**
   * Drops running headers, footers and page numbers; returns the remaining lines in reading order.
   */
  static List<PdfLine> dropRunningLines(List<List<PdfLine>> pages) {
    Map<String, Set<Integer>> seen = new HashMap<>();
    for (int p = 0; p < pages.size(); p++) {
      List<PdfLine> page = pages.get(p);
      for (int i = 0; i < page.size(); i++) {
        if (inZone(i, page.size())) {
          seen.computeIfAbsent(maskDigits(page.get(i).text()), k -> new HashSet<>()).add(p);
        }
      }
    }
    int needed = Math.max(2, (pages.size() + 1) / 2);
    List<PdfLine> kept = new ArrayList<>();
    for (List<PdfLine> page : pages) {
      for (int i = 0; i < page.size(); i++) {
        PdfLine line = page.get(i);
        if (inZone(i, page.size())) {
          if (PAGE_NUMBER.matcher(line.text()).matches()) {
            continue;
          }
          if (pages.size() >= 2 && seen.get(maskDigits(line.text())).size() >= needed) {
            continue;
          }
        }
        kept.add(line);
      }
    }
    return kept;
  }

  private static boolean inZone(int index, int size) {
    return index < ZONE || index >= size - ZONE;
  }
}

package dev.debrief.digest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two citation forms of {@link LlmBrief}: the numbered markers a reader and the model see
 * ({@code [2]}, one to three digits) and the placeholders that survive renumbering ({@code
 * [[passageId]]}), and conversions between them.
 */
final class CitationMarkers {
  private CitationMarkers() {}

  /** A numbered marker, {@code [2]}; group 1 is the number. */
  static final Pattern MARK = Pattern.compile("\\[(\\d{1,3})]");

  /** A placeholder, {@code [[passageId]]}; group 1 is the passage id. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\[\\[([^\\]]+)]]");

  /** "[2]" to "[[passageId]]" using {@code ids}; unknown numbers are dropped. */
  static String toPlaceholders(String text, Map<Integer, String> ids) {
    Matcher m = MARK.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String id = ids.get(Integer.parseInt(m.group(1)));
      m.appendReplacement(out, id == null ? "" : Matcher.quoteReplacement("[[" + id + "]]"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * "[[passageId]]" to "[n]", n the passage's 1-based place in {@code order}; passages not in it
   * are dropped.
   */
  static String toNumbers(String text, List<Sources.Item> order) {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < order.size(); i++) {
      index.put(order.get(i).passage().id(), i + 1);
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Integer n = index.get(m.group(1));
      m.appendReplacement(out, n == null ? "" : "[" + n + "]");
    }
    m.appendTail(out);
    return out.toString();
  }
}

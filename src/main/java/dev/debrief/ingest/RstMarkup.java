package dev.debrief.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reStructuredText that {@link PlainTextParser} reduces to plain text: inline markup ({@code
 * `label <url>`_} becomes {@code label}, roles and references their text, double back-quotes are
 * removed) and directives and comments ({@code .. name::}), which are dropped with their indented
 * bodies, except that the bodies of {@code code-block} (and {@code code}, {@code sourcecode}) and
 * of the admonitions {@code note}, {@code warning}, {@code tip} and {@code important} are kept.
 */
final class RstMarkup {
  private static final Pattern RST_LINK = Pattern.compile("`([^`<]+?)\\s*<[^>]+>`__?");
  private static final Pattern RST_ROLE = Pattern.compile(":[a-zA-Z:+-]+:`([^`]+)`");
  private static final Pattern RST_LITERAL = Pattern.compile("``(.+?)``");
  private static final Pattern RST_REF = Pattern.compile("`([^`]+)`_{1,2}");
  private static final Pattern DIRECTIVE = Pattern.compile("^\\.\\.(?:\\s|$).*");

  private RstMarkup() {}

  /** {@code line} with rst inline markup reduced to its text. */
  static String inlineText(String line) {
    String s = RST_LINK.matcher(line).replaceAll("$1");
    s = RST_ROLE.matcher(s).replaceAll("$1");
    s = RST_LITERAL.matcher(s).replaceAll("$1");
    s = RST_REF.matcher(s).replaceAll("$1");
    return s;
  }

  /** Drops rst comments and directives with their indented bodies; keeps code-block bodies. */
  static List<String> dropDirectives(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (!DIRECTIVE.matcher(l).matches()) {
        out.add(l);
        continue;
      }
      boolean keepBody =
          l.matches("^\\.\\.\\s+(code-block|code|sourcecode|note|warning|tip|important)::.*");
      int j = i + 1;
      while (j < lines.size()
          && (lines.get(j).isBlank() || Character.isWhitespace(lines.get(j).charAt(0)))) {
        String body = lines.get(j);
        if (keepBody && !body.strip().startsWith(":")) {
          out.add(body);
        } else {
          out.add("");
        }
        j++;
      }
      out.add("");
      i = j - 1;
    }
    return out;
  }
}

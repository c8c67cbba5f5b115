package dev.debrief.digest;

/**
 * One cited statement of a brief or digest: a sentence quoted from a report, or a note (an author's
 * bullet) shown as a bullet under its heading.
 *
 * @param text the sentence or note with its {@code [n]} markers, e.g. {@code "Helm is a package
 *     manager [3]."}
 * @param note true for a note, shown as a bullet line; false for prose, joined into a paragraph
 * @param composed true when Debrief wrote the sentence from parts of a report (a list of its
 *     announcements, a count of its sessions) instead of quoting it; its markers cite the parts
 */
public record Point(String text, boolean note, boolean composed) {
  public Point {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a point needs text");
    }
  }

  /** A quoted sentence or note. */
  public Point(String text, boolean note) {
    this(text, note, false);
  }

  /**
   * Points as text: prose joined with spaces, each note on its own line after {@code indent + "–
   * "}; a note after prose starts a new line.
   */
  static String render(java.util.List<Point> points, String indent) {
    StringBuilder out = new StringBuilder();
    boolean lastWasNote = false;
    for (Point p : points) {
      if (p.note()) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(indent).append("– ").append(p.text());
      } else {
        if (out.length() > 0) {
          out.append(lastWasNote ? "\n" + indent : " ");
        }
        out.append(p.text());
      }
      lastWasNote = p.note();
    }
    return out.toString();
  }
}

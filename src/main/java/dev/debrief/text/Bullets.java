package dev.debrief.text;

import java.util.regex.Pattern;

/**
 * List bullets on report lines: a bullet, a number and ")" or ".", or a task checkbox at the start
 * of a line ("• ", "2) ", "- [ ] "), told apart and removed. {@link Grammar#announces} reads a line
 * without its bullet.
 */
public final class Bullets {
  private Bullets() {}

  private static final Pattern BULLET =
      Pattern.compile("^\\s*(?:[•\\-*+·–—>]|\\d{1,3}[.)]|\\[[ xX]?])\\s+");

  /** Removes a leading list bullet, numbering or task checkbox, and surrounding blanks. */
  public static String stripBullet(String line) {
    String s = line.strip();
    for (int i = 0; i < 2; i++) {
      s = BULLET.matcher(s).replaceFirst("").strip();
    }
    return s;
  }

  /**
   * True when {@code line} starts with a list bullet, a number and ")" or ".", or a task checkbox.
   */
  public static boolean isBullet(String line) {
    return line != null && BULLET.matcher(line).find();
  }
}

package dev.debrief.model;

import java.util.List;

/** Constructor checks used by the records of this package; each names the bad value. */
final class Checks {
  private Checks() {}

  static String nonBlank(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          name + " must not be blank, got " + (value == null ? "null" : "\"" + value + "\""));
    }
    return value;
  }

  static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  static int nonNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
    return value;
  }

  static void range(int start, int end, String what) {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          what + ": need 0 <= start <= end, got start=" + start + " end=" + end);
    }
  }
}

package dev.debrief.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Literal --since values: real dates, months and years pass; impossible ones do not. */
class FilterOptionsTest {
  @Test
  void realDatesMonthsAndYearsPass() {
    assertTrue(FilterOptions.validDate("2024-05-01"));
    assertTrue(FilterOptions.validDate("2024-02-29"));
    assertTrue(FilterOptions.validDate("2024-05"));
    assertTrue(FilterOptions.validDate("2024"));
  }

  @Test
  void impossibleDatesAreRefused() {
    assertFalse(FilterOptions.validDate("2024-13-45"));
    assertFalse(FilterOptions.validDate("2023-02-29"));
    assertFalse(FilterOptions.validDate("2024-00"));
    assertFalse(FilterOptions.validDate("yesterday"));
  }
}

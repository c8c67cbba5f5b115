package dev.debrief.model;

import java.util.List;

/**
 * How a question was understood, shown by {@code ask --json} so a person can see why an answer came
 * out as it did.
 *
 * @param events the events the question was taken to be about, as the reports name them (empty: the
 *     whole library)
 * @param absentEdition an edition the question names that the library does not hold ("re:Invent
 *     2021"), or ""
 * @param reports ids of the reports searched (empty: all)
 * @param namesFound names and identifiers the question spells that the searched reports contain
 * @param namesMissing names and identifiers they do not contain
 * @param subject the question's subject words as typed
 * @param kinds what kind of answer it wants ("summary", "who", "number", "comparison", "follow-up")
 */
public record Understanding(
    List<String> events,
    String absentEdition,
    List<String> reports,
    List<String> namesFound,
    List<String> namesMissing,
    List<String> subject,
    List<String> kinds) {
  /** Nothing recorded (answers made without question analysis). */
  public static final Understanding NONE =
      new Understanding(List.of(), "", List.of(), List.of(), List.of(), List.of(), List.of());

  public Understanding {
    events = Checks.copy(events);
    absentEdition = Checks.orEmpty(absentEdition);
    reports = Checks.copy(reports);
    namesFound = Checks.copy(namesFound);
    namesMissing = Checks.copy(namesMissing);
    subject = Checks.copy(subject);
    kinds = Checks.copy(kinds);
  }
}

/**
 * Answers: {@link dev.debrief.answer.AnswerService} retrieves passages and hands them to an {@link
 * dev.debrief.answer.AnswerComposer}: the offline {@link dev.debrief.answer.ExtractiveComposer}
 * (the default) or an LLM composer (package {@code dev.debrief.llm}). Every sentence carries a
 * citation; weak evidence gives an honest refusal with the closest sections.
 *
 * <p>Where to look: how a question is read ({@code QuestionAnalyzer}, {@code QuestionForms}, {@code
 * MentionFinder} for events and people); where it is searched and what is said before composing
 * ({@code AnswerService}, with {@code Conversation} for follow-ups in a thread, {@code
 * AbsentEdition} and {@code AbsentNames} for what the library does not hold); how the sentences of
 * an answer are chosen ({@code ExtractiveComposer}, {@code EvidenceSelector}, {@code
 * StretchSelector}, {@code StretchBuilder}, {@code LineScorer}); when it refuses ({@code
 * RefusalPolicy}).
 */
package dev.debrief.answer;

/**
 * Answers: {@link dev.debrief.answer.AnswerService} retrieves passages and hands them to an {@link
 * dev.debrief.answer.AnswerComposer}: the offline {@link dev.debrief.answer.ExtractiveComposer}
 * (the default) or an LLM composer (package {@code dev.debrief.llm}). Every sentence carries a
 * citation; weak evidence gives an honest refusal with the closest sections.
 */
package dev.debrief.answer;

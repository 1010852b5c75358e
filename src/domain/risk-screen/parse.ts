// Checking answers that arrive from outside (a form body, or a form in the browser) before they are assessed.
import type { Answers } from './assess.ts';
import { type Answer, isAnswer, isQuestionId, QUESTIONS, type Question, type QuestionId } from './questions.ts';

export type PartialAnswers = Partial<Record<QuestionId, Answer>>;

export type ParseAnswersResult = { ok: true; answers: PartialAnswers } | { ok: false; problems: string[] };

/**
 * Accepts an object whose every key is a question id and every value "yes", "no" or "not-sure". Anything else
 * — an unknown question, another value, a repeated field (an array) — is refused, never silently dropped, so a
 * tampered form cannot change which answers are assessed. Some questions may be unanswered.
 */
export function parseAnswers(input: unknown): ParseAnswersResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: ['Answers must be a set of question and answer pairs'] };
  }
  const answers: PartialAnswers = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (!isQuestionId(key)) {
      problems.push(`There is no question called "${key.slice(0, 40)}"`);
    } else if (!isAnswer(value)) {
      problems.push(`The answer to "${key}" must be yes, no or not sure`);
    } else {
      answers[key] = value;
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}

/** The questions still to answer, in the order they are asked. */
export function unanswered(answers: PartialAnswers): Question[] {
  return QUESTIONS.filter((q) => answers[q.id] === undefined);
}

/** The full set of answers when every question has one; otherwise undefined. */
export function completeAnswers(answers: PartialAnswers): Answers | undefined {
  if (unanswered(answers).length > 0) return undefined;
  return Object.fromEntries(QUESTIONS.map((q) => [q.id, answers[q.id]])) as Answers;
}

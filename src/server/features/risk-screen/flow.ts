// Which page of the no-JavaScript risk screen to show next. Each form carries every answer given so far in
// hidden fields, plus where it was sent from and which button was pressed, so the server keeps nothing.
import {
  type Answers,
  assessRisk,
  completeAnswers,
  type PartialAnswers,
  QUESTIONS,
  type QuestionId,
  type RiskResult,
  unanswered,
} from '../../../domain/risk-screen/index.ts';

/** start: the intro's button; next: Continue; back: the Back button; check: the all-on-one-page form. */
export const GO = ['start', 'next', 'back', 'check'] as const;
export type Go = (typeof GO)[number];

/** The page a form was sent from: a question, or the result (for "Change your answers"). */
export type At = QuestionId | 'result';

export type Page =
  | { kind: 'intro' }
  | { kind: 'question'; index: number; answers: PartialAnswers; unansweredError: boolean }
  | { kind: 'result'; answers: Answers; result: RiskResult }
  /** A body no form of ours sends: answers skipped, or a button from nowhere. */
  | { kind: 'problem' };

const LAST = QUESTIONS.length - 1;

function indexOf(at: At | undefined): number {
  return at === undefined || at === 'result' ? -1 : QUESTIONS.findIndex((q) => q.id === at);
}

function resultPage(answers: PartialAnswers): Page {
  const complete = completeAnswers(answers);
  return complete ? { kind: 'result', answers: complete, result: assessRisk(complete) } : { kind: 'problem' };
}

export function nextPage(go: Go, at: At | undefined, answers: PartialAnswers): Page {
  const index = indexOf(at);
  switch (go) {
    case 'start':
      return { kind: 'question', index: 0, answers, unansweredError: false };
    case 'back':
      if (at === 'result') return { kind: 'question', index: LAST, answers, unansweredError: false };
      if (index < 0) return { kind: 'problem' };
      return index === 0 ? { kind: 'intro' } : { kind: 'question', index: index - 1, answers, unansweredError: false };
    case 'next': {
      if (index < 0) return { kind: 'problem' };
      if (QUESTIONS.slice(0, index).some((q) => answers[q.id] === undefined)) return { kind: 'problem' };
      if (answers[QUESTIONS[index]!.id] === undefined) return { kind: 'question', index, answers, unansweredError: true };
      return index === LAST ? resultPage(answers) : { kind: 'question', index: index + 1, answers, unansweredError: false };
    }
    case 'check': {
      const first = unanswered(answers)[0];
      if (!first) return resultPage(answers);
      return { kind: 'question', index: QUESTIONS.indexOf(first), answers, unansweredError: true };
    }
  }
}

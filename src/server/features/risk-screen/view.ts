// What each risk-screen template is given. The answers only ever go back into hidden form fields, never a URL.
import { ANSWERS, ANSWER_LABELS, QUESTIONS, type PartialAnswers, type QuestionId, type RiskResult } from '../../../domain/risk-screen/index.ts';

export const PATH = '/get-help/risk-screen';

const COMMON = {
  noindex: true,
  currentSection: 'get-help',
  breadcrumbs: [
    { text: 'Home', href: '/' },
    { text: 'Get help', href: '/get-help' },
  ],
  formAction: PATH,
  total: QUESTIONS.length,
} as const;

interface HiddenField {
  name: string;
  value: string;
}

function hiddenFields(answers: PartialAnswers, except?: QuestionId): HiddenField[] {
  return QUESTIONS.flatMap((q) => {
    const value = answers[q.id];
    return value === undefined || q.id === except ? [] : [{ name: q.id, value }];
  });
}

function answerItems(checked?: string) {
  return ANSWERS.map((value) => ({ value, text: ANSWER_LABELS[value], checked: value === checked }));
}

/** The result in the shape both the server's result page and the browser's result templates use. */
function resultContext(result: RiskResult | undefined) {
  return {
    yesStatements: result?.yes.map((q) => q.statement) ?? [],
    notSureStatements: result?.notSure.map((q) => q.statement) ?? [],
  };
}

export function introView() {
  return {
    ...COMMON,
    pageTitle: 'Check your risk',
    // For the one-page form that the browser script builds from a <template>.
    questions: QUESTIONS.map((q) => ({ id: q.id, text: q.text, hint: q.hint, items: answerItems() })),
    ...resultContext(undefined),
  };
}

export function questionView(index: number, answers: PartialAnswers, unansweredError: boolean) {
  const question = QUESTIONS[index]!;
  return {
    ...COMMON,
    pageTitle: `${unansweredError ? 'Error: ' : ''}Check your risk – question ${index + 1} of ${QUESTIONS.length}`,
    number: index + 1,
    question: { id: question.id, text: question.text, hint: question.hint, items: answerItems(answers[question.id]) },
    // The radios carry this question's answer; the other answers ride along unseen.
    hidden: hiddenFields(answers, question.id),
    backHidden: hiddenFields(answers),
    unansweredError,
  };
}

export function resultView(answers: PartialAnswers, result: RiskResult) {
  return {
    ...COMMON,
    pageTitle: 'Check your risk – your result',
    level: result.level,
    ...resultContext(result),
    hidden: hiddenFields(answers),
  };
}

export function problemView() {
  return { ...COMMON, pageTitle: 'Error: Check your risk' };
}

// What each risk-screen template is given, in one language. The answers only ever go back into hidden form
// fields, never a URL. Every word is from the `risk-screen` catalogue.

import { fill } from '../../../domain/messages/fill.ts';
import {
  ANSWERS,
  type PartialAnswers,
  QUESTIONS,
  type Question,
  type QuestionId,
  type RiskResult,
} from '../../../domain/risk-screen/index.ts';
import type { Language } from '../../setup/messages.ts';

export const PATH = '/get-help/risk-screen';

/** The `risk-screen` catalogue of one language, as the templates read it. */
export interface RiskScreenWords {
  [key: string]: unknown;
  pageTitle: string;
  questionTitle: string;
  resultTitle: string;
  errorPrefix: string;
  home: string;
  getHelp: string;
  answers: Record<string, string>;
  questions: Record<string, { text: string; hint: string; statement: string }>;
}

interface HiddenField {
  name: string;
  value: string;
}

export function riskScreenView(language: Language, m: RiskScreenWords) {
  const prefix = language === 'en' ? '' : `/${language}`;
  const common = {
    ...(language === 'en' ? {} : { lang: language }),
    m,
    prefix,
    noindex: true,
    currentSection: 'get-help',
    breadcrumbs: [
      { text: m.home, href: prefix || '/' },
      { text: m.getHelp, href: `${prefix}/get-help` },
    ],
    formAction: prefix + PATH,
    total: QUESTIONS.length,
  };
  const words = (q: Question) => m.questions[q.id]!;
  const answerItems = (checked?: string) => ANSWERS.map((value) => ({ value, text: m.answers[value]!, checked: value === checked }));
  const hiddenFields = (answers: PartialAnswers, except?: QuestionId): HiddenField[] =>
    QUESTIONS.flatMap((q) => {
      const value = answers[q.id];
      return value === undefined || q.id === except ? [] : [{ name: q.id, value }];
    });
  /** The result in the shape both the server's result page and the browser's result templates use. */
  const resultContext = (result: RiskResult | undefined) => ({
    yesStatements: result?.yes.map((q) => words(q).statement) ?? [],
    notSureStatements: result?.notSure.map((q) => words(q).statement) ?? [],
  });

  return {
    intro() {
      return {
        ...common,
        pageTitle: m.pageTitle,
        // For the one-page form that the browser script builds from a <template>.
        questions: QUESTIONS.map((q) => ({ id: q.id, ...words(q), items: answerItems() })),
        ...resultContext(undefined),
      };
    },
    question(index: number, answers: PartialAnswers, unansweredError: boolean) {
      const question = QUESTIONS[index]!;
      return {
        ...common,
        pageTitle: `${unansweredError ? m.errorPrefix : ''}${fill(m.questionTitle, { number: index + 1, total: QUESTIONS.length })}`,
        number: index + 1,
        question: { id: question.id, ...words(question), items: answerItems(answers[question.id]) },
        // The radios carry this question's answer; the other answers ride along unseen.
        hidden: hiddenFields(answers, question.id),
        backHidden: hiddenFields(answers),
        unansweredError,
      };
    },
    result(answers: PartialAnswers, result: RiskResult) {
      return { ...common, pageTitle: m.resultTitle, level: result.level, ...resultContext(result), hidden: hiddenFields(answers) };
    },
    problem() {
      return { ...common, pageTitle: `${m.errorPrefix}${m.pageTitle}` };
    },
  };
}

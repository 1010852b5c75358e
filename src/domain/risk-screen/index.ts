// The stalking risk screen: our own questions on the S-DASH (2009) risk factors, and the rules that assess them.

export type { Answers, RiskLevel, RiskReason, RiskResult } from './assess.ts';
export { assessRisk, RISK_LEVELS } from './assess.ts';
export type { ParseAnswersResult, PartialAnswers } from './parse.ts';
export { completeAnswers, parseAnswers, unanswered } from './parse.ts';
export type { Answer, Question, QuestionId } from './questions.ts';
export { ANSWER_LABELS, ANSWERS, isAnswer, isQuestionId, QUESTION_IDS, QUESTIONS, questionById } from './questions.ts';

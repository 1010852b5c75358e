// The stalking risk screen: our own questions on the S-DASH (2009) risk factors, and the rules that assess them.
export { ANSWERS, ANSWER_LABELS, QUESTIONS, QUESTION_IDS, isAnswer, isQuestionId, questionById } from './questions.ts';
export type { Answer, Question, QuestionId } from './questions.ts';
export { RISK_LEVELS, assessRisk } from './assess.ts';
export type { Answers, RiskLevel, RiskReason, RiskResult } from './assess.ts';
export { completeAnswers, parseAnswers, unanswered } from './parse.ts';
export type { ParseAnswersResult, PartialAnswers } from './parse.ts';

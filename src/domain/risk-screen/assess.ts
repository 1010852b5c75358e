/**
 * Turns a full set of answers into a result: `high` or `standard`. There is deliberately no "low" or "safe":
 * a screen like this can point someone towards specialist help, but it can never tell them they are out of
 * danger, and stalking can get worse quickly.
 *
 * Source: the S-DASH (2009) Risk Identification Checklist for use in stalking and harassment cases, by Lorraine
 * Sheridan and Karl Roberts with Laura Richards, for ACPO in partnership with CAADA. Its guidance says the more
 * "yes" answers there are, the higher the risk, and that a very frightened victim is reason enough to ask the
 * questions; it gives no numeric cut-off and relies on the officer's judgement. Casebook has no officer, so
 * these rules are our own, and are deliberately cautious:
 *
 * 1. Serious factor: "Yes" to any one of these means `high` — the person is very frightened; threats of
 *    physical or sexual violence; violence towards anyone during this stalking; visits to home or work more
 *    than three times a week; broken or damaged property; known past violence.
 * 2. Many factors: count 1 for each "Yes", 1 for each "Not sure" about a serious factor (it cannot be ruled
 *    out), and ½ for each "Not sure" about any other factor. A count of 3 or more means `high`.
 * 3. Otherwise `standard`.
 *
 * "Not sure" never lowers the result: moving any answer from "No" to "Not sure", or from "Not sure" to "Yes",
 * can only keep it the same or raise it to `high` (a property test checks this for every answer).
 */
import { type Answer, QUESTIONS, type Question, type QuestionId } from './questions.ts';

export type Answers = Readonly<Record<QuestionId, Answer>>;

export const RISK_LEVELS = ['high', 'standard'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export type RiskReason = 'serious-factor' | 'many-factors';

export interface RiskResult {
  level: RiskLevel;
  /** Which rules made the result high; empty when it is standard. */
  reasons: readonly RiskReason[];
  /** Questions answered "Yes", in the order they were asked: for the list the police can write down. */
  yes: readonly Question[];
  /** Questions answered "Not sure": things the police may be able to find out. */
  notSure: readonly Question[];
}

/** Counted in halves so the arithmetic stays in whole numbers: 6 halves is the "3 or more" of rule 2. */
const MANY_FACTORS_HALVES = 6;

function halves(question: Question, answer: Answer): number {
  if (answer === 'yes') return 2;
  if (answer === 'not-sure') return question.serious ? 2 : 1;
  return 0;
}

export function assessRisk(answers: Answers): RiskResult {
  const yes = QUESTIONS.filter((q) => answers[q.id] === 'yes');
  const notSure = QUESTIONS.filter((q) => answers[q.id] === 'not-sure');
  const count = QUESTIONS.reduce((sum, q) => sum + halves(q, answers[q.id]), 0);

  const reasons: RiskReason[] = [];
  if (yes.some((q) => q.serious)) reasons.push('serious-factor');
  if (count >= MANY_FACTORS_HALVES) reasons.push('many-factors');
  return { level: reasons.length > 0 ? 'high' : 'standard', reasons, yes, notSure };
}

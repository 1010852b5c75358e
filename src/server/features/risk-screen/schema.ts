import { ANSWERS, type PartialAnswers, QUESTION_IDS } from '../../../domain/risk-screen/index.ts';
import { type At, GO, type Go } from './flow.ts';

export type StepBody = PartialAnswers & { go: Go; at?: At };

const CONTROL_FIELDS = ['go', 'at'] as const;

/**
 * The body of every risk-screen form. `propertyNames` rather than `additionalProperties: false`, because
 * Fastify's validator is set to remove additional properties silently: an unknown field must be refused.
 * A repeated field arrives as an array and fails `type: string`.
 */
export const stepBodySchema = {
  type: 'object',
  required: ['go'],
  propertyNames: { enum: [...CONTROL_FIELDS, ...QUESTION_IDS] },
  properties: {
    go: { type: 'string', enum: [...GO] },
    at: { type: 'string', enum: [...QUESTION_IDS, 'result'] },
    ...Object.fromEntries(QUESTION_IDS.map((id) => [id, { type: 'string', enum: [...ANSWERS] }])),
  },
} as const;

/** Every field except the two that steer the flow: the answers, still to be parsed by the domain. */
export function answerFields(body: StepBody): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!(CONTROL_FIELDS as readonly string[]).includes(key)) fields[key] = value;
  }
  return fields;
}

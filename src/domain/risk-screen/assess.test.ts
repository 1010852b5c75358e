import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Answers, assessRisk, RISK_LEVELS } from './assess.ts';
import { ANSWERS, type Answer, QUESTION_IDS, QUESTIONS, type QuestionId } from './questions.ts';

const all = (answer: Answer): Answers => Object.fromEntries(QUESTION_IDS.map((id) => [id, answer])) as Answers;
const withAnswers = (changes: Partial<Record<QuestionId, Answer>>, rest: Answer = 'no'): Answers => ({ ...all(rest), ...changes });

const SERIOUS: QuestionId[] = ['frightened', 'threats', 'violence', 'visits', 'propertyDamage', 'pastViolence'];
const OTHER: QuestionId[] = ['pastHarassment', 'loitering', 'thirdParties', 'gotOthersToHelp', 'drugsOrAlcohol'];

const answersArbitrary = fc.record(
  Object.fromEntries(QUESTION_IDS.map((id) => [id, fc.constantFrom(...ANSWERS)])) as Record<QuestionId, fc.Arbitrary<Answer>>,
);
const RANK: Record<Answer, number> = { no: 0, 'not-sure': 1, yes: 2 };
const LEVEL_RANK = { standard: 0, high: 1 } as const;

describe('the questions', () => {
  it('cover the eleven S-DASH risk factors, one question each, serious ones as the rules say', () => {
    expect(QUESTIONS.map((q) => q.id)).toEqual([...QUESTION_IDS]);
    expect(new Set(QUESTIONS.map((q) => q.factor)).size).toBe(11);
    expect(
      QUESTIONS.filter((q) => q.serious)
        .map((q) => q.id)
        .sort(),
    ).toEqual([...SERIOUS].sort());
    expect(SERIOUS.length + OTHER.length).toBe(QUESTIONS.length);
  });

  it('are short and plain: one question, a short hint, no legal or police jargon', () => {
    for (const q of QUESTIONS) {
      expect(q.text.endsWith('?'), q.id).toBe(true);
      expect(q.text.split(/\s+/).length, q.id).toBeLessThanOrEqual(14);
      expect(q.hint.split(/\s+/).length, q.id).toBeLessThanOrEqual(30);
      expect(`${q.text} ${q.hint} ${q.statement}`, q.id).not.toMatch(
        /\b(victim|perpetrator|abuser|suspect|offender|third part|loiter|vandalis|S-DASH)/i,
      );
      expect(`${q.text} ${q.hint}`, q.id).toMatch(/\byou(r)?\b/i);
    }
  });
});

describe('assessRisk', () => {
  it('is standard when every answer is no', () => {
    expect(assessRisk(all('no'))).toEqual({ level: 'standard', reasons: [], yes: [], notSure: [] });
  });

  it.each(SERIOUS)('rule 1: one "yes" to the serious factor %s is high', (id) => {
    const result = assessRisk(withAnswers({ [id]: 'yes' }));
    expect(result.level).toBe('high');
    expect(result.reasons).toEqual(['serious-factor']);
    expect(result.yes.map((q) => q.id)).toEqual([id]);
  });

  it.each(OTHER)('one "yes" to %s alone is standard', (id) => {
    expect(assessRisk(withAnswers({ [id]: 'yes' })).level).toBe('standard');
  });

  it('rule 2: two other factors are standard, three are high', () => {
    expect(assessRisk(withAnswers({ loitering: 'yes', thirdParties: 'yes' })).level).toBe('standard');
    const three = assessRisk(withAnswers({ loitering: 'yes', thirdParties: 'yes', gotOthersToHelp: 'yes' }));
    expect(three.level).toBe('high');
    expect(three.reasons).toEqual(['many-factors']);
  });

  it('rule 2: "not sure" about a serious factor counts as much as a yes', () => {
    expect(assessRisk(withAnswers({ pastViolence: 'not-sure' })).level).toBe('standard');
    expect(assessRisk(withAnswers({ pastViolence: 'not-sure', loitering: 'yes' })).level).toBe('standard');
    const result = assessRisk(withAnswers({ pastViolence: 'not-sure', frightened: 'not-sure', loitering: 'yes' }));
    expect(result).toMatchObject({ level: 'high', reasons: ['many-factors'] });
    expect(result.notSure.map((q) => q.id)).toEqual(['frightened', 'pastViolence']);
  });

  it('rule 2: "not sure" about another factor counts as half', () => {
    expect(assessRisk(withAnswers({ loitering: 'yes', thirdParties: 'yes', drugsOrAlcohol: 'not-sure' })).level).toBe('standard');
    expect(
      assessRisk(withAnswers({ loitering: 'yes', thirdParties: 'yes', drugsOrAlcohol: 'not-sure', gotOthersToHelp: 'not-sure' })).level,
    ).toBe('high');
    expect(assessRisk(withAnswers({}, 'not-sure')).level).toBe('high');
    expect(assessRisk(withAnswers({ ...Object.fromEntries(SERIOUS.map((id) => [id, 'no'])) }, 'not-sure')).level).toBe('standard');
  });

  it('gives both reasons when both rules apply, and lists every yes in question order', () => {
    const result = assessRisk(all('yes'));
    expect(result.reasons).toEqual(['serious-factor', 'many-factors']);
    expect(result.yes.map((q) => q.id)).toEqual([...QUESTION_IDS]);
    expect(result.notSure).toEqual([]);
  });

  it('never returns anything called safe or low, for every one of the 3^11 combinations', () => {
    const levels = new Set<string>();
    const answers = {} as Record<QuestionId, Answer>;
    const visit = (index: number): void => {
      if (index === QUESTION_IDS.length) {
        levels.add(assessRisk(answers).level);
        return;
      }
      for (const answer of ANSWERS) {
        answers[QUESTION_IDS[index]!] = answer;
        visit(index + 1);
      }
    };
    visit(0);
    expect([...levels].sort()).toEqual([...RISK_LEVELS].sort());
    for (const level of levels) expect(level).not.toMatch(/safe|low|none|no-risk/i);
  });

  it('says nothing about being safe anywhere in a result (property)', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const result = assessRisk(answers);
        expect(RISK_LEVELS).toContain(result.level);
        expect(JSON.stringify(result)).not.toMatch(/\bsafe|\blow\b/i);
        expect(result.reasons.length > 0).toBe(result.level === 'high');
      }),
    );
  });

  it('"not sure" never lowers the result: raising any one answer never lowers the level (property)', () => {
    fc.assert(
      fc.property(answersArbitrary, fc.constantFrom(...QUESTION_IDS), fc.constantFrom(...ANSWERS), (answers, id, raised) => {
        fc.pre(RANK[raised] > RANK[answers[id]]);
        const before = assessRisk(answers).level;
        const after = assessRisk({ ...answers, [id]: raised }).level;
        expect(LEVEL_RANK[after]).toBeGreaterThanOrEqual(LEVEL_RANK[before]);
      }),
      { numRuns: 2000 },
    );
  });

  it('"not sure" is never assessed lower than "no" would be (property)', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const asNo = Object.fromEntries(QUESTION_IDS.map((id) => [id, answers[id] === 'not-sure' ? 'no' : answers[id]])) as Answers;
        expect(LEVEL_RANK[assessRisk(answers).level]).toBeGreaterThanOrEqual(LEVEL_RANK[assessRisk(asNo).level]);
      }),
    );
  });

  it('lists the yes and not-sure answers exactly (property)', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const result = assessRisk(answers);
        expect(result.yes.map((q) => q.id)).toEqual(QUESTION_IDS.filter((id) => answers[id] === 'yes'));
        expect(result.notSure.map((q) => q.id)).toEqual(QUESTION_IDS.filter((id) => answers[id] === 'not-sure'));
      }),
    );
  });
});

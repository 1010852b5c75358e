import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeAnswers, parseAnswers, unanswered } from './parse.ts';
import { QUESTION_IDS } from './questions.ts';

describe('parseAnswers', () => {
  it('accepts known questions with yes, no or not-sure, and allows some to be unanswered', () => {
    expect(parseAnswers({ frightened: 'yes', visits: 'not-sure', loitering: 'no' })).toEqual({
      ok: true,
      answers: { frightened: 'yes', visits: 'not-sure', loitering: 'no' },
    });
    expect(parseAnswers({})).toEqual({ ok: true, answers: {} });
    expect(parseAnswers(Object.assign(Object.create(null), { threats: 'yes' }))).toEqual({ ok: true, answers: { threats: 'yes' } });
  });

  it.each([
    [{ frightend: 'yes' }, 'no question called "frightend"'],
    [{ frightened: 'maybe' }, 'must be yes, no or not sure'],
    [{ frightened: 'Yes' }, 'must be yes, no or not sure'],
    [{ frightened: '' }, 'must be yes, no or not sure'],
    [{ frightened: ['yes', 'no'] }, 'must be yes, no or not sure'],
    [{ frightened: true }, 'must be yes, no or not sure'],
    [JSON.parse('{"__proto__": "yes"}'), 'no question called "__proto__"'],
    [{ toString: 'yes' }, 'no question called "toString"'],
    [{ constructor: 'no' }, 'no question called "constructor"'],
  ])('refuses %j', (input, message) => {
    const result = parseAnswers(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join(' ')).toContain(message);
  });

  it.each([null, undefined, 'frightened=yes', 42, ['yes']])('refuses %j as a whole', (input) => {
    expect(parseAnswers(input).ok).toBe(false);
  });

  it('reports every problem, and keeps an unknown name short in the message', () => {
    const result = parseAnswers({ a: 'yes', b: 'yes', frightened: 'x', ['z'.repeat(500)]: 'yes' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(4);
      expect(Math.max(...result.problems.map((p) => p.length))).toBeLessThan(80);
    }
  });

  it('never accepts a key that is not a question id (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.constantFrom('yes', 'no', 'not-sure')), (input) => {
        const result = parseAnswers(input);
        const allKnown = Object.keys(input).every((k) => (QUESTION_IDS as readonly string[]).includes(k));
        expect(result.ok).toBe(allKnown);
      }),
    );
  });
});

describe('unanswered and completeAnswers', () => {
  it('lists the questions still to answer, in order, and completes only when there are none', () => {
    expect(unanswered({}).map((q) => q.id)).toEqual([...QUESTION_IDS]);
    expect(unanswered({ frightened: 'no', threats: 'yes' })[0]?.id).toBe('pastHarassment');
    expect(completeAnswers({ frightened: 'no' })).toBeUndefined();
    const full = Object.fromEntries(QUESTION_IDS.map((id) => [id, 'no' as const]));
    expect(unanswered(full)).toEqual([]);
    expect(completeAnswers(full)).toEqual(full);
  });
});

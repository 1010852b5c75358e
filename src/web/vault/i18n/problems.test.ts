import { describe, expect, it } from 'vitest';
import { exactWhenAt, LIMITS, newIncident, parseIncident } from '../../../domain/incidents/index.ts';
import { problemMessage, translateProblem } from './problems.ts';

const problemsOf = (change: Record<string, unknown>) => {
  const result = parseIncident({ ...newIncident('entry-1', exactWhenAt(Date.parse('2026-03-03T18:30:00Z')), 'x'), ...change });
  if (result.ok) throw new Error('expected a problem');
  return result.problems;
};

describe('the domain’s validation messages in Welsh', () => {
  it('says an empty or too long field in Welsh, and in English exactly as the domain does', () => {
    const [empty] = problemsOf({ whatHappened: ' ' });
    expect(empty!.message).toBe('What happened: must not be empty');
    expect(translateProblem(empty!, 'en')).toBe(empty!.message);
    expect(problemMessage(empty!, 'cy')).toBe('Beth ddigwyddodd: rhaid iddo beidio â bod yn wag');
    const [long] = problemsOf({ where: 'x'.repeat(LIMITS.where + 1) });
    expect(translateProblem(long!, 'en')).toBe(long!.message);
    expect(problemMessage(long!, 'cy')).toBe('Ble: rhaid iddo fod yn 500 nod neu lai');
    const [twoLines] = problemsOf({ where: 'a\nb' });
    expect(translateProblem(twoLines!, 'en')).toBe(twoLines!.message);
  });

  it('keeps the domain’s English for what the catalogue cannot say', () => {
    const problem = { path: 'schemaVersion', message: 'Format version: must be 1' };
    expect(translateProblem(problem, 'cy')).toBeUndefined();
    expect(problemMessage(problem, 'cy')).toBe('Format version: must be 1');
    expect(problemMessage(problem, 'en')).toBe('Format version: must be 1');
  });
});

import { describe, expect, it } from 'vitest';
import { looksIdentifying, normalizeUsername, usernameProblem } from './username.ts';

describe('usernames', () => {
  it('normalises what a phone keyboard types', () => {
    expect(normalizeUsername('  Quiet-Heron-4821 ')).toBe('quiet-heron-4821');
  });

  it('explains each rule the API enforces', () => {
    expect(usernameProblem('')).toBe('Enter a username');
    expect(usernameProblem('ab')).toMatch(/3 characters or more/);
    expect(usernameProblem('a'.repeat(33))).toMatch(/32 characters or fewer/);
    expect(usernameProblem('jane smith')).toMatch(/only include/);
    expect(usernameProblem('quiet_heron.4821')).toBeUndefined();
  });

  it('spots usernames that are an email address or a phone number', () => {
    expect(looksIdentifying('jane@example.com')).toBe(true);
    expect(looksIdentifying('07700-900-123')).toBe(true);
    expect(looksIdentifying('quiet-heron-4821')).toBe(false);
  });
});

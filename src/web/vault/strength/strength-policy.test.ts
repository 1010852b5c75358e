import { describe, expect, it } from 'vitest';
import { estimateStrength } from './estimator.ts';
import { strengthProblem, verdict } from './strength-policy.ts';

describe('passphrase strength policy', () => {
  it('needs score 3 and 8 characters, with no composition rules', () => {
    expect(verdict('short', 4, null, []).acceptable).toBe(false);
    expect(verdict('long enough phrase', 2, 'This is similar to a commonly used password.', []).acceptable).toBe(false);
    expect(verdict('long enough phrase', 3, null, []).acceptable).toBe(true);
    expect(verdict('short', 4, null, []).advice).toMatch(/at least 8 characters/);
  });

  it('explains the problem in the error summary', () => {
    expect(strengthProblem('', undefined)).toBe('Enter a passphrase');
    expect(strengthProblem('x', undefined)).toMatch(/Wait a moment/);
    expect(strengthProblem('password1', verdict('password1', 0, 'This is a top-10 common password.', []))).toMatch(
      /too easy to guess. This is a top-10/,
    );
    expect(strengthProblem('violet kettle orbit marmalade', verdict('violet kettle orbit marmalade', 4, null, []))).toBeUndefined();
  });

  it('with the real estimator, rejects common passwords and accepts unrelated words', async () => {
    expect((await estimateStrength('Password1!')).acceptable).toBe(false);
    expect((await estimateStrength('qwertyuiop')).acceptable).toBe(false);
    expect((await estimateStrength('violet kettle orbit marmalade')).acceptable).toBe(true);
  });
});

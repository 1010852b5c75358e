import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, generateRecoveryKey } from '../../../crypto/index.ts';
import { checkConfirmation, normalizeGroup, pickGroupsToConfirm, recoveryKeyGroups } from './confirm-recovery-key.ts';

describe('recovery key confirmation', () => {
  it('picks three distinct groups, in order, from the nine', () => {
    for (let i = 0; i < 200; i++) {
      const picked = pickGroupsToConfirm(9);
      expect(picked).toHaveLength(3);
      expect(new Set(picked).size).toBe(3);
      expect([...picked].sort((a, b) => a - b)).toEqual(picked);
      for (const n of picked) expect(n >= 1 && n <= 9).toBe(true);
    }
    expect(pickGroupsToConfirm(9, () => 0)).toEqual([1, 2, 3]);
    expect(pickGroupsToConfirm(9, () => 0.999)).toEqual([7, 8, 9]);
  });

  it('accepts the groups typed back loosely, and names each wrong or missing one', async () => {
    const key = await formatRecoveryKey(generateRecoveryKey());
    const groups = recoveryKeyGroups(key);
    expect(groups).toHaveLength(9);
    const asked = [2, 5, 9];
    const right = asked.map((n) => ` ${groups[n - 1]!.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l')} `);
    expect(checkConfirmation(key, asked, right)).toEqual([undefined, undefined, undefined]);

    const wrongGroup = groups[2] === groups[4] ? 'ZZZZ' : groups[2]!;
    const errors = checkConfirmation(key, asked, ['', 'AB', wrongGroup.replace(/./, (c) => (c === 'Z' ? 'Y' : 'Z'))]);
    expect(errors[0]).toBe('Enter group 2 of your recovery key');
    expect(errors[1]).toBe('Group 5 must be 4 characters');
    expect(errors[2]).toMatch(/Group 9 does not match/);
  });

  it('normalises like the recovery key parser', () => {
    expect(normalizeGroup(' o1-li ')).toBe('0111');
  });
});

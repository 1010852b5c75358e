// The confirmation step after the recovery key is shown: the person types back a few of its groups, chosen at
// random, which shows they wrote down all of it (not just the first line) without making them type 36
// characters on a phone.
import { t } from '../i18n/i18n.ts';

export const GROUPS_TO_CONFIRM = 3;

/** The groups of a formatted key "XXXX-XXXX-…". */
export function recoveryKeyGroups(formatted: string): string[] {
  return formatted.split('-');
}

/** Distinct group numbers (1-based), ascending; `random` returns [0, 1) as Math.random does. */
export function pickGroupsToConfirm(groupCount: number, random: () => number = Math.random, count = GROUPS_TO_CONFIRM): number[] {
  const pool = Array.from({ length: groupCount }, (_, i) => i + 1);
  const picked: number[] = [];
  while (picked.length < Math.min(count, groupCount)) {
    const [chosen] = pool.splice(Math.floor(random() * pool.length), 1);
    picked.push(chosen!);
  }
  return picked.sort((a, b) => a - b);
}

/** Same leniency as parseRecoveryKey: any case, spaces and dashes, O for 0 and I or L for 1. */
export function normalizeGroup(typed: string): string {
  return typed
    .replace(/[\s\-\u2010-\u2015\u2212]/g, '')
    .toUpperCase()
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** For each asked-for group, an error sentence or undefined when it matches. */
export function checkConfirmation(formatted: string, groupNumbers: readonly number[], typed: readonly string[]): (string | undefined)[] {
  const groups = recoveryKeyGroups(formatted);
  return groupNumbers.map((number, i) => {
    const answer = normalizeGroup(typed[i] ?? '');
    if (answer === '') return t('recoveryKey.enterGroup', { number });
    if (answer.length !== 4) return t('recoveryKey.groupLength', { number });
    if (answer !== groups[number - 1]) return t('recoveryKey.groupMismatch', { number });
    return undefined;
  });
}

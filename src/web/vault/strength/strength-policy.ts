// How strong a passphrase must be. No composition rules (they push people towards "Password1!"): only an
// estimate of how many guesses it would take, from zxcvbn-ts, which knows common passwords, names, words,
// keyboard patterns and dates.
//
// Minimum: score 3 ("safely unguessable": about 10^8 guesses or more). The server keeps only a slow Argon2id
// hash of a key derived with Argon2id, but a stolen database can still be attacked offline, so 3 rather than 2.
import { LANGUAGE, t } from '../i18n/i18n.ts';

export type Score = 0 | 1 | 2 | 3 | 4;

export const MINIMUM_SCORE: Score = 3;
export const MINIMUM_LENGTH = 8;

export interface StrengthVerdict {
  readonly score: Score;
  readonly acceptable: boolean;
  /** Short label for the meter. */
  readonly label: string;
  /** One sentence: why it is weak, or a hint how to make it stronger. */
  readonly advice: string | undefined;
}

const LABELS: Record<Score, string> = {
  0: t('strength.scores.0'),
  1: t('strength.scores.1'),
  2: t('strength.scores.2'),
  3: t('strength.scores.3'),
  4: t('strength.scores.4'),
};

export function verdict(
  passphrase: string,
  score: Score,
  warning: string | null | undefined,
  suggestions: readonly string[],
): StrengthVerdict {
  const tooShort = passphrase.length < MINIMUM_LENGTH;
  const effective = (tooShort ? Math.min(score, 1) : score) as Score;
  const acceptable = effective >= MINIMUM_SCORE;
  let advice: string | undefined;
  if (tooShort) advice = t('strength.tooShort', { minimum: MINIMUM_LENGTH });
  // The estimator's own warnings are English only: a Welsh page gives the general advice instead.
  else if (!acceptable) advice = (LANGUAGE === 'en' && (warning || suggestions[0])) || t('strength.addWord');
  return { score: effective, acceptable, label: LABELS[effective], advice };
}

/** The error for a passphrase that is not strong enough (or not yet checked, because the estimator is loading). */
export function strengthProblem(passphrase: string, result: StrengthVerdict | undefined): string | undefined {
  if (passphrase === '') return t('strength.enter');
  if (result === undefined) return t('strength.wait');
  if (!result.acceptable) return t('strength.tooEasy', { advice: result.advice ?? '' }).trim();
  return undefined;
}

/** The words of a username, which a passphrase should not lean on (the estimator's user inputs). */
export function usernameWords(username: string): string[] {
  return username.split(/[-_.]/);
}

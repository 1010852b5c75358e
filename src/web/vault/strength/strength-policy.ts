// How strong a passphrase must be. No composition rules (they push people towards "Password1!"): only an
// estimate of how many guesses it would take, from zxcvbn-ts, which knows common passwords, names, words,
// keyboard patterns and dates.
//
// Minimum: score 3 ("safely unguessable": about 10^8 guesses or more). The server keeps only a slow Argon2id
// hash of a key derived with Argon2id, but a stolen database can still be attacked offline, so 3 rather than 2.

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
  0: 'Very weak',
  1: 'Weak',
  2: 'Fair',
  3: 'Strong',
  4: 'Very strong',
};

export function verdict(passphrase: string, score: Score, warning: string | null | undefined, suggestions: readonly string[]): StrengthVerdict {
  const tooShort = passphrase.length < MINIMUM_LENGTH;
  const effective = (tooShort ? Math.min(score, 1) : score) as Score;
  const acceptable = effective >= MINIMUM_SCORE;
  let advice: string | undefined;
  if (tooShort) advice = `Use at least ${MINIMUM_LENGTH} characters. Several unrelated words are easy to remember and hard to guess.`;
  else if (!acceptable) advice = warning || suggestions[0] || 'Add another word or two that are not related to each other.';
  return { score: effective, acceptable, label: LABELS[effective], advice };
}

/** The error for a passphrase that is not strong enough (or not yet checked, because the estimator is loading). */
export function strengthProblem(passphrase: string, result: StrengthVerdict | undefined): string | undefined {
  if (passphrase === '') return 'Enter a passphrase';
  if (result === undefined) return 'Wait a moment while we check how strong your passphrase is, then try again';
  if (!result.acceptable) return `Your passphrase is too easy to guess. ${result.advice ?? ''}`.trim();
  return undefined;
}

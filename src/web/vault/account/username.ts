// The API's username rule (docs/vault-api.md): 3–32 characters, a–z, 0–9, "-", "_" and ".".
import { t } from '../i18n/i18n.ts';

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;

/** People type "Quiet-Heron " on a phone keyboard that capitalises; the account is "quiet-heron". */
export function normalizeUsername(input: string): string {
  return input.trim().toLowerCase();
}

/** A sentence for the error summary, or undefined when the (normalised) username is acceptable. */
export function usernameProblem(username: string): string | undefined {
  if (username === '') return t('username.enter');
  if (username.length < USERNAME_MIN) return t('username.tooShort', { minimum: USERNAME_MIN });
  if (username.length > USERNAME_MAX) return t('username.tooLong', { maximum: USERNAME_MAX });
  if (!/^[a-z0-9._-]+$/.test(username)) return t('username.characters');
  return undefined;
}

/** Heuristic only: a username that looks like an email address or a phone number would identify the person (T2). */
export function looksIdentifying(username: string): boolean {
  return /@/.test(username) || /\d{7,}/.test(username.replace(/[._-]/g, ''));
}

// A new staff password: long, and judged by the vault's strength estimator (zxcvbn), which knows common
// passwords, names and patterns. It also protects the member's own key, so "safely unguessable" is the floor.
import { estimateStrength } from '../../vault/strength/estimator.ts';
import type { FieldError } from '../../vault/ui/components.tsx';

export const MIN_STAFF_PASSWORD = 12;

export async function newPasswordErrors(
  password: string,
  again: string,
  ids: { password: string; again: string },
  userInputs: string[],
): Promise<FieldError[]> {
  if (password.length < MIN_STAFF_PASSWORD)
    return [{ href: `#${ids.password}`, text: `Choose a password of at least ${MIN_STAFF_PASSWORD} characters` }];
  const verdict = await estimateStrength(password, userInputs);
  if (!verdict.acceptable)
    return [{ href: `#${ids.password}`, text: `That password would be easy to guess. ${verdict.advice ?? 'Add another word or two.'}` }];
  if (password !== again) return [{ href: `#${ids.again}`, text: 'The two passwords are different' }];
  return [];
}

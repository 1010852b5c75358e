// The zxcvbn-ts estimator with its dictionaries is about 1 MB of JavaScript, so it is imported on demand (a
// separate chunk) when the passphrase field is first used, never as part of the vault's bundle.
import type { StrengthVerdict } from './strength-policy.ts';
import { verdict } from './strength-policy.ts';

type Check = (
  passphrase: string,
  userInputs?: string[],
) => { score: 0 | 1 | 2 | 3 | 4; feedback: { warning: string | null; suggestions: string[] } };

let loading: Promise<Check> | undefined;

export function loadEstimator(): Promise<Check> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      translations: en.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary },
    });
    return (passphrase, userInputs) => zxcvbn.check(passphrase, userInputs);
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** `userInputs` (the username, "casebook") count as known words, so a passphrase built on them scores lower. */
export async function estimateStrength(passphrase: string, userInputs: string[] = []): Promise<StrengthVerdict> {
  const check = await loadEstimator();
  // zxcvbn's cost grows with length; beyond 100 characters it adds nothing but time.
  const result = check(passphrase.slice(0, 100), ['casebook', ...userInputs]);
  return verdict(passphrase, result.score, result.feedback.warning, result.feedback.suggestions);
}

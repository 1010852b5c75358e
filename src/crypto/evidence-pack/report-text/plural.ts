/** A message for each of the six plural forms Intl.PluralRules can pick (Welsh uses all six; English two). */
export interface PluralForms {
  readonly zero: string;
  readonly one: string;
  readonly two: string;
  readonly few: string;
  readonly many: string;
  readonly other: string;
}

/** English has "one" and "other": the other four forms say what "other" says. */
export function oneOther(one: string, other: string): PluralForms {
  return { zero: other, one, two: other, few: other, many: other, other };
}

// What a check found, as a code and its parameters: the words are chosen later, in the reader's language, from
// the catalogues beside this file (render.ts). Nothing stored or signed in a pack depends on these.

/** A receipt or tree-head time (ms since 1970 UTC), said as "3 March 2026 at 14:02 (UK time)" or bare. */
export interface TimeParam {
  readonly time: number;
  readonly bare?: true;
}

/** Items said one after another, joined by the separator ("; " or ", "). */
export interface ListParam {
  readonly items: readonly Param[];
  readonly separator: string;
}

/**
 * Numbers are written as numerals without grouping (log positions, sizes), except `count`, which picks the plural
 * form and is grouped the reader's way. A Finding as a parameter is a phrase said in the same language.
 */
export type Param = string | number | TimeParam | ListParam | Finding;

export interface Finding {
  readonly code: string;
  readonly params?: Readonly<Record<string, Param>>;
}

export function finding(code: string, params?: Readonly<Record<string, Param>>): Finding {
  return params ? { code, params } : { code };
}

export const time = (ms: number): TimeParam => ({ time: ms });
export const bareTime = (ms: number): TimeParam => ({ time: ms, bare: true });
export const list = (items: readonly Param[], separator = ', '): ListParam => ({ items, separator });

/** "Entry 3, version 2", the place most problems are found. */
export const versionPlace = (entry: number, version: number): Finding => finding('place.version', { entry, version });

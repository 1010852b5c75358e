/**
 * Welsh initial mutations. A Welsh word changes its first sound after certain words ("plant" → "fy
 * mhlant", "ei phlant", "dau blant"), so a reader searching for the dictionary form must still find every
 * mutated form. These rules work on letters, not sounds: Welsh spelling is regular enough for that.
 *
 * Input is expected lower-case; callers fold case and diacritics first (see search-terms.ts).
 */

export type Mutation = 'soft' | 'nasal' | 'aspirate' | 'h-prothesis';

export const MUTATIONS: readonly Mutation[] = ['soft', 'nasal', 'aspirate', 'h-prothesis'];

// Welsh digraphs are single letters of the alphabet. They are matched before their first character, so
// "llaw" is never read as "l" + "law" and "chwaer" never as "c" + "hwaer".
const DIGRAPHS = ['ngh', 'ch', 'dd', 'ff', 'ng', 'll', 'ph', 'rh', 'th', 'mh', 'nh'] as const;

const VOWEL = /^[aeiouwyâêîôûŵŷäëïöüẅÿáéíóúẃýàèìòùẁỳ]/;

/** The first letter of a word in the Welsh alphabet (a digraph counts as one letter). */
export function initialLetter(word: string): string {
  for (const digraph of DIGRAPHS) if (word.startsWith(digraph)) return digraph;
  return word.slice(0, 1);
}

const SOFT: Record<string, string> = { p: 'b', t: 'd', c: 'g', b: 'f', d: 'dd', g: '', m: 'f', ll: 'l', rh: 'r' };
const NASAL: Record<string, string> = { p: 'mh', t: 'nh', c: 'ngh', b: 'm', d: 'n', g: 'ng' };
const ASPIRATE: Record<string, string> = { p: 'ph', t: 'th', c: 'ch' };

/** The word after the given mutation; a word whose first letter that mutation does not touch comes back unchanged. */
export function mutate(word: string, mutation: Mutation): string {
  if (mutation === 'h-prothesis') return VOWEL.test(word) ? `h${word}` : word;
  const table = mutation === 'soft' ? SOFT : mutation === 'nasal' ? NASAL : ASPIRATE;
  const letter = initialLetter(word);
  const replacement = table[letter];
  return replacement === undefined ? word : replacement + word.slice(letter.length);
}

/**
 * Each way a word could have been mutated, read backwards: the mutated first letter and the radical letter it
 * could stand for. Soft mutation drops "g", so a word beginning with a vowel, "l", "r" or "w" may have lost one.
 */
const REVERSE: readonly { mutated: string; radical: string; mutation: Mutation }[] = [
  { mutated: 'b', radical: 'p', mutation: 'soft' },
  { mutated: 'd', radical: 't', mutation: 'soft' },
  { mutated: 'g', radical: 'c', mutation: 'soft' },
  { mutated: 'f', radical: 'b', mutation: 'soft' },
  { mutated: 'f', radical: 'm', mutation: 'soft' },
  { mutated: 'dd', radical: 'd', mutation: 'soft' },
  { mutated: 'l', radical: 'll', mutation: 'soft' },
  { mutated: 'r', radical: 'rh', mutation: 'soft' },
  { mutated: 'mh', radical: 'p', mutation: 'nasal' },
  { mutated: 'nh', radical: 't', mutation: 'nasal' },
  { mutated: 'ngh', radical: 'c', mutation: 'nasal' },
  { mutated: 'm', radical: 'b', mutation: 'nasal' },
  { mutated: 'n', radical: 'd', mutation: 'nasal' },
  { mutated: 'ng', radical: 'g', mutation: 'nasal' },
  { mutated: 'ph', radical: 'p', mutation: 'aspirate' },
  { mutated: 'th', radical: 't', mutation: 'aspirate' },
  { mutated: 'ch', radical: 'c', mutation: 'aspirate' },
];

// Letters that only ever begin a word because of a mutation: no Welsh dictionary word starts with them.
// ("nh" is not here: "nhw", "them", is a word in its own right.)
const ONLY_MUTATED = new Set(['mh', 'ngh', 'dd']);

/**
 * Every radical (dictionary) form the word could be a mutation of, and the word itself when it could be a
 * radical too ("chwaer" is one; "mhlant" never is). "mhlant" → ["plant"]; "gam-drin" → ["gam-drin",
 * "cam-drin"]; "ffôn" → ["ffôn"]. Each candidate is checked by mutating it forwards again, so the list
 * never holds a form the rules could not have produced.
 */
export function radicals(word: string): string[] {
  if (word === '') return [];
  const letter = initialLetter(word);
  const found = new Set<string>();
  if (!ONLY_MUTATED.has(letter)) found.add(word);
  const rest = word.slice(letter.length);
  for (const rule of REVERSE) {
    if (rule.mutated !== letter) continue;
    const candidate = rule.radical + rest;
    if (mutate(candidate, rule.mutation) === word) found.add(candidate);
  }
  // Soft mutation of "g": "gardd" → "ardd", "glaw" → "law", "gwaith" → "waith", "gras" → "ras", "gneud" → "neud".
  if (VOWEL.test(word) || letter === 'l' || letter === 'r' || letter === 'n') {
    const candidate = `g${word}`;
    if (mutate(candidate, 'soft') === word) found.add(candidate);
  }
  // h-prothesis: "ei henw" → "enw".
  if (letter === 'h' && VOWEL.test(rest)) found.add(rest);
  return [...found];
}

// Text folded for searching: "José" finds "jose", "DON’T" finds "don't". Done once per incident, not per
// keystroke, so filtering 2,000 entries stays well under the 100 ms budget.

const MARKS = /\p{M}/gu;
const CURLY_SINGLE = /[\u2018\u2019\u201b\u2032]/g;
const CURLY_DOUBLE = /[\u201c\u201d\u201f\u2033]/g;
const SPACE = /\s+/g;

export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(CURLY_SINGLE, "'").replace(CURLY_DOUBLE, '"').replace(SPACE, ' ');
}

/** The words of a query, each folded; an incident matches when it contains every one. */
export function queryWords(query: string): string[] {
  return foldForSearch(query)
    .split(' ')
    .filter((word) => word !== '');
}

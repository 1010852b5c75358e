import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialLetter, MUTATIONS, mutate, radicals } from './mutations.ts';
import { foldWelsh, welshSearchTerms, welshTokens } from './search-terms.ts';

describe('Welsh initial mutations', () => {
  it.each([
    // soft (treiglad meddal)
    ['plant', 'soft', 'blant'],
    ['tad', 'soft', 'dad'],
    ['cymorth', 'soft', 'gymorth'],
    ['bywyd', 'soft', 'fywyd'],
    ['drws', 'soft', 'ddrws'],
    ['gardd', 'soft', 'ardd'],
    ['gwaith', 'soft', 'waith'],
    ['mam', 'soft', 'fam'],
    ['llinell', 'soft', 'linell'],
    ['rhif', 'soft', 'rif'],
    ['cam-drin', 'soft', 'gam-drin'],
    // nasal (trwynol)
    ['plant', 'nasal', 'mhlant'],
    ['tad', 'nasal', 'nhad'],
    ['cymorth', 'nasal', 'nghymorth'],
    ['bywyd', 'nasal', 'mywyd'],
    ['drws', 'nasal', 'nrws'],
    ['gardd', 'nasal', 'ngardd'],
    ['Cymru'.toLowerCase(), 'nasal', 'nghymru'],
    // aspirate (llaes)
    ['plant', 'aspirate', 'phlant'],
    ['tad', 'aspirate', 'thad'],
    ['cath', 'aspirate', 'chath'],
    // h-prothesis
    ['enw', 'h-prothesis', 'henw'],
    ['oed', 'h-prothesis', 'hoed'],
    ['wyneb', 'h-prothesis', 'hwyneb'],
  ] as const)('%s, %s → %s', (radical, mutation, mutated) => {
    expect(mutate(radical, mutation)).toBe(mutated);
  });

  it('leaves letters a mutation does not touch, and never splits a digraph', () => {
    for (const word of ['ffôn', 'chwaer', 'theatr', 'ngwlad', 'ddoe', 'sir', 'haf', 'nos']) {
      for (const mutation of ['soft', 'nasal', 'aspirate'] as const) expect(mutate(word, mutation)).toBe(word);
    }
    expect(mutate('llaw', 'nasal')).toBe('llaw');
    expect(mutate('rhaid', 'aspirate')).toBe('rhaid');
    expect(mutate('plant', 'h-prothesis')).toBe('plant');
  });

  it('reads digraphs as one letter', () => {
    expect(['ngh', 'ch', 'dd', 'ff', 'ng', 'll', 'ph', 'rh', 'th'].map((d) => initialLetter(`${d}ae`))).toEqual([
      'ngh',
      'ch',
      'dd',
      'ff',
      'ng',
      'll',
      'ph',
      'rh',
      'th',
    ]);
    expect(initialLetter('lol')).toBe('l');
  });

  it.each([
    ['mhlant', ['plant']],
    ['nghymorth', ['cymorth']],
    ['ddrws', ['drws']],
    ['ffôn', ['ffôn']],
  ])('gives the radicals of %s', (word, expected) => {
    expect(radicals(word).sort()).toEqual(expected.sort());
  });

  it.each([
    ['gam-drin', 'cam-drin'],
    ['phlant', 'plant'],
    ['blant', 'plant'],
    ['fam', 'mam'],
    ['fam', 'bam'],
    ['ardd', 'gardd'],
    ['waith', 'gwaith'],
    ['law', 'glaw'],
    ['law', 'llaw'],
    ['rif', 'rhif'],
    ['nhad', 'tad'],
    ['henw', 'enw'],
    ['heddlu', 'heddlu'],
    ['chwaer', 'chwaer'],
    ['nhw', 'nhw'],
    ['ngardd', 'gardd'],
  ])('counts %s as possibly coming from %s', (word, radical) => {
    expect(radicals(word)).toContain(radical);
  });

  it('never reads a double letter as a mutated single one', () => {
    expect(radicals('llinell')).toEqual(['llinell']);
    expect(radicals('rhif')).toEqual(['rhif']);
    expect(radicals('ffrind')).toEqual(['ffrind']);
    expect(radicals('ffôn')).not.toContain('bfôn');
  });

  // Words built the way Welsh words begin: an onset (a single letter, a digraph or a cluster), a vowel, then anything.
  const onsets = [
    'p',
    'pl',
    'pr',
    't',
    'tr',
    'c',
    'cl',
    'cr',
    'cw',
    'b',
    'bl',
    'br',
    'd',
    'dr',
    'g',
    'gl',
    'gr',
    'gw',
    'gn',
    'm',
    'll',
    'rh',
    'ch',
    'chw',
    'ff',
    'th',
    'ph',
    'dd',
    's',
    'n',
    'nh',
    'l',
    'r',
    'h',
    'f',
    'a',
    'e',
    'i',
    'o',
    'u',
    'w',
    'y',
    'â',
    'ŵ',
  ];
  const word = fc
    .tuple(
      fc.constantFrom(...onsets),
      fc.constantFrom(...'aeiouwyâô'),
      fc.array(fc.constantFrom(...'abcdefghilmnoprstuwy-'), { maxLength: 8 }),
    )
    .map(([onset, vowel, rest]) => onset + vowel + rest.join(''))
    // A radical never begins with a letter that only a mutation produces.
    .filter((w) => !/^(mh|ngh|dd)/.test(w));

  it('property: the radicals of any mutated form include the word it came from', () => {
    fc.assert(
      fc.property(word, fc.constantFrom(...MUTATIONS), (radical, mutation) => {
        expect(radicals(mutate(radical, mutation))).toContain(radical);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: every radical given mutates back to the word', () => {
    fc.assert(
      fc.property(word, fc.constantFrom(...MUTATIONS), (radical, mutation) => {
        const mutated = mutate(radical, mutation);
        for (const candidate of radicals(mutated)) {
          expect(candidate === mutated || MUTATIONS.some((m) => mutate(candidate, m) === mutated)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('Welsh search terms', () => {
  it('folds case and every Welsh diacritic', () => {
    expect(foldWelsh('Ffôn ŵyr ŷd Âr Êl Îs ôl ûn Copïo Cymraëg’r')).toBe("ffon wyr yd ar el is ol un copio cymraeg'r");
  });

  it('keeps hyphens inside a word and splits on the rest', () => {
    expect(welshTokens("Cam-drin domestig, e-bost a'r heddlu (101) -- s.2A.")).toEqual([
      'Cam-drin',
      'domestig',
      'e-bost',
      'a',
      'r',
      'heddlu',
      '101',
      's',
      '2A',
    ]);
  });

  it('indexes a word under its folded form and its radicals', () => {
    expect(welshSearchTerms('Mhlant')).toEqual(['mhlant', 'plant']);
    expect(welshSearchTerms('gam-drin')).toEqual(['gam-drin', 'cam-drin']);
    expect(welshSearchTerms('ffôn')).toEqual(['ffon']);
    expect(welshSearchTerms('a')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { catalogueProblems, checkParity, numbersIn, type ParityPage } from './index.ts';

describe('numbers on a page, in either language', () => {
  it.each([
    ['Call 0808 802 0300 or 0808 80 10 800, text 07860 077333', 'Ffoniwch 0808 802 0300 neu 0808 80 10 800, tecstiwch 07860 077333'],
    ['9:30am to 4pm, and 1pm to 4pm on Wednesday', '9:30yb tan 4yp, ac 1yp tan 4yp ddydd Mercher'],
    ['open 09:30 to 16:00', 'ar agor 9.30y.b. tan 4y.p.'],
    ['the most is 10 years in prison', 'y mwyaf yw 10 mlynedd yn y carchar'],
    ['section 2A and s.4A', 'adran 2A ac a.4A'],
    ['from 3 April 2017', 'o 3 Ebrill 2017'],
    ['the year ending March 2024', 'y flwyddyn hyd at fis Fawrth 2024'],
    ['since 13 December 2010', 'ers 13 Rhagfyr 2010'],
    ['3.2% of people, about 1.5 million, and 900,000 men', '3.2% o bobl, tua 1.5 miliwn, a 900,000 o ddynion'],
    ['call 999 and press 55', 'ffoniwch 999 a phwyso 55'],
    ['Victim Support 08 08 16 89 111', 'Cymorth i Ddioddefwyr 08 08 16 89 111'],
  ])('%s  ≡  %s', (en, cy) => {
    expect(numbersIn(cy).sort()).toEqual(numbersIn(en).sort());
    expect(numbersIn(en).length).toBeGreaterThan(0);
  });

  it('gives each kind of number one canonical form', () => {
    expect(numbersIn('0808 80 10 800')).toEqual(['08088010800']);
    expect(numbersIn('9:30am, 4pm, 12pm, 12am, 1yp, 9.30yb')).toEqual(['09:30', '16:00', '12:00', '00:00', '13:00', '09:30']);
    expect(numbersIn('3 Ebrill 2017')).toEqual(['2017-04-03']);
    expect(numbersIn('ym Mehefin 2025')).toEqual(['2025-06']);
    expect(numbersIn('s.2A(3)')).toEqual(['2A', '3']);
    expect(numbersIn('900,000')).toEqual(['900000']);
    expect(numbersIn('1 in 7 (14.4%)')).toEqual(['1', '7', '14.4']);
  });

  it('finds a number that differs', () => {
    expect(numbersIn('0808 802 0300')).not.toEqual(numbersIn('0808 802 0330'));
    expect(numbersIn('9:30am')).not.toEqual(numbersIn('9:30yp'));
    expect(numbersIn('5 years')).not.toEqual(numbersIn('10 mlynedd'));
    expect(numbersIn('3 April 2017')).not.toEqual(numbersIn('3 Mawrth 2017'));
  });

  it('does not read Welsh "am" (for) or a weekday as a time or a date', () => {
    expect(numbersIn('pwyswch 55 am help')).toEqual(['55']);
    expect(numbersIn('dydd Mawrth 1yp')).toEqual(['13:00']);
    expect(numbersIn('Deddf 1997')).toEqual(['1997']);
  });
});

const page = (key: string, text: string, frontMatter: Record<string, unknown> = {}): ParityPage => ({
  key,
  text,
  frontMatter: {
    title: 'T',
    summary: 'S',
    order: 1,
    related: ['record'],
    sources: [{ title: 'x', url: 'https://x.example' }],
    lastReviewed: '2026-12-04',
    ...frontMatter,
  },
});

describe('parity between the English and Welsh guidance', () => {
  it('passes twins that agree', () => {
    expect(
      checkParity([page('get-help', 'Call 999. Open 9:30am to 4pm.')], [page('get-help', 'Ffoniwch 999. Ar agor 9:30yb tan 4yp.')]),
    ).toEqual([]);
  });

  it('finds a page with no twin either way', () => {
    const problems = checkParity([page('a', ''), page('b', '')], [page('b', ''), page('c', '')]);
    expect(problems).toEqual([
      { key: 'a', message: 'has no Welsh twin (cy)' },
      { key: 'c', message: 'Welsh page has no English twin (en)' },
    ]);
  });

  it('finds missing front matter keys, sources and review dates', () => {
    const { sources: _s, lastReviewed: _l, ...bare } = page('x', '').frontMatter;
    const problems = checkParity([page('x', '')], [{ key: 'x', text: '', frontMatter: bare }]).map((p) => p.message);
    expect(problems).toEqual(
      expect.arrayContaining([
        'Welsh page needs "sources"',
        'Welsh page needs "lastReviewed"',
        'front matter key "sources" is on the English page but not the Welsh',
        'front matter key "lastReviewed" is on the English page but not the Welsh',
      ]),
    );
    expect(checkParity([page('x', '')], [page('x', '', { sources: [] })]).map((p) => p.message)).toContain('Welsh page needs "sources"');
  });

  it('finds language-independent values that differ, and a stale translation', () => {
    const problems = checkParity(
      [page('x', '', { order: 10, related: ['a'], lastReviewed: new Date('2026-12-05') })],
      [page('x', '', { order: 20, related: ['b'] })],
    ).map((p) => p.message);
    expect(problems).toEqual([
      '"order" differs: English 10, Welsh 20',
      '"related" differs: English ["a"], Welsh ["b"]',
      'Welsh page was last reviewed 2026-12-04, before the English page changed (2026-12-05): check the translation',
    ]);
  });

  it('finds numbers that differ, naming them', () => {
    const [problem] = checkParity(
      [page('x', 'Call 0808 802 0300, 9:30am to 4pm; the most is 10 years.')],
      [page('x', 'Ffoniwch 0808 802 0330, 9:30yb tan 4yp; y mwyaf yw 5 mlynedd.')],
    );
    expect(problem?.message).toBe('numbers differ: only in English [08088020300, 10], only in Welsh [08088020330, 5]');
  });

  it('finds a word the glossary says to avoid, in any mutated form', () => {
    const problems = checkParity([page('x', '')], [page('x', 'Mae hi wedi cael ei herlid gan blismon.')], { avoid: ['erlid', 'plismon'] });
    expect(problems.map((p) => p.message)).toEqual([
      'uses "erlid", which the glossary (content/cy/GLOSSARY.yaml) says to avoid',
      'uses "plismon", which the glossary (content/cy/GLOSSARY.yaml) says to avoid',
    ]);
  });
});

describe('message catalogues', () => {
  it('passes catalogues with the same keys in every language', () => {
    expect(catalogueProblems('chrome', { en: { a: 'A', b: { c: 'C' } }, cy: { a: 'A', b: { c: 'C' } } })).toEqual([]);
  });

  it('names a key missing in either language, and entries that are not messages', () => {
    expect(catalogueProblems('chrome', { en: { a: 'A', b: { c: 'C' } }, cy: { a: 'A', d: 'D', e: '', f: 3 } })).toEqual([
      'chrome (en): "d" is missing',
      'chrome (cy): e is empty',
      'chrome (cy): f must be text',
      'chrome (cy): "b.c" is missing',
    ]);
    expect(catalogueProblems('chrome', { en: { a: 'A' }, cy: null })).toEqual([
      'chrome (cy): (catalogue) must be a mapping of keys to messages',
      'chrome (cy): "a" is missing',
    ]);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../guidance/content-store.ts';
import { createSearchIndex } from './search-index.ts';

// Welsh pages written to disk and read by the real content loader, so the index sees what the site would.
const dir = mkdtempSync(join(tmpdir(), 'casebook-cy-search-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = (path: string, title: string, body: string) => {
  const [section, slug] = path.split('/') as [string, string];
  mkdirSync(join(dir, section), { recursive: true });
  writeFileSync(
    join(dir, section, `${slug}.md`),
    `---\ntitle: ${title}\nsummary: ${title}.\norder: 1\nlastReviewed: 2026-12-04\n---\n${body}\n`,
  );
};
page(
  'get-help/helping-someone',
  'Helpu rhywun arall',
  'Os yw rhywun yn poeni am ei phlant, gwrandewch. Gall fy mhlant i fod mewn perygl hefyd.',
);
page('understand/what-is-stalking', 'Beth yw stelcian', 'Mae stelcian yn drosedd. Mae llawer o bobl yn dioddef gam-drin domestig hefyd.');
page(
  'get-help/report-to-the-police',
  'Rhoi gwybod i’r heddlu',
  'Ffoniwch yr heddlu ar 999. Yng Nghymru, mae pedwar heddlu. Cadwch eich ffôn yn agos.',
);
page('stay-safe/at-home', 'Diogelwch gartref', 'Newidiwch y cloeon ar y drws. Mae cymorth ar gael.');

const cy = createSearchIndex(loadContent(dir).pages, 'cy');
const paths = (q: string) => cy.search(q).map((hit) => hit.path);

describe('Welsh search', () => {
  it('finds the mutated forms of a word from its radical', () => {
    expect(paths('plant')).toEqual(['/get-help/helping-someone']);
    expect(paths('cam-drin')).toEqual(['/understand/what-is-stalking']);
    expect(paths('cymorth')).toEqual(['/stay-safe/at-home']);
    expect(paths('Cymru')).toEqual(['/get-help/report-to-the-police']);
  });

  it('finds a page from a mutated form typed, as the reader would say it', () => {
    expect(paths('gam-drin')).toEqual(['/understand/what-is-stalking']);
    expect(paths('mhlant')).toEqual(['/get-help/helping-someone']);
  });

  it('does not split "cam-drin" into "cam" and "drin"', () => {
    expect(paths('drin')).toEqual([]);
  });

  it('ignores accents either way', () => {
    expect(paths('ffon')).toEqual(['/get-help/report-to-the-police']);
    expect(paths('rhoi gwybod i’r heddlu')[0]).toBe('/get-help/report-to-the-police');
  });

  it('tolerates typos', () => {
    expect(paths('stelican')).toContain('/understand/what-is-stalking');
    expect(paths('heddu')).toContain('/get-help/report-to-the-police');
  });

  it('ranks the title first and marks mutated words in the snippet', () => {
    expect(paths('heddlu')[0]).toBe('/get-help/report-to-the-police');
    const [hit] = cy.search('plant');
    expect(hit?.snippet).toMatch(/<mark>phlant,?<\/mark>/);
    expect(hit?.snippet).not.toContain('<mark>plentyn');
  });

  it('falls back to any word when no page has them all, and copes with nothing searchable', () => {
    expect(paths('stelcian cloeon').sort()).toEqual(['/stay-safe/at-home', '/understand/what-is-stalking']);
    expect(cy.search('a i')).toEqual([]);
    expect(cy.search('--')).toEqual([]);
  });
});

describe('Welsh search over the real Welsh guidance', () => {
  const real = createSearchIndex(loadContent(join(import.meta.dirname, '../../content/cy'), { pathPrefix: '/cy' }).pages, 'cy');
  const found = (q: string) => real.search(q).map((hit) => hit.path);

  it('finds the Welsh pages by their words, mutated or not, and with typos', () => {
    expect(found('stelcian')[0]).toMatch(/^\/cy\/understand\//);
    expect(found('cam-drin')).toContain('/cy/get-help'); // the page says "gam-drin domestig"
    expect(found('meddalwedd ysbio')[0]).toBe('/cy/stay-safe/phones-and-stalkerware');
    expect(found('Byw Heb Ofn')).toEqual(expect.arrayContaining(['/cy/get-help', '/cy/get-help/report-to-the-police']));
    expect(found('heddlu Gwent')[0]).toBe('/cy/get-help/report-to-the-police');
    expect(found('gorchymyn atal')).toContain('/cy/understand/the-law');
    expect(found('aflonydu')).toContain('/cy/understand/what-is-harassment');
  });
});

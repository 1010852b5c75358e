// The PDF in Welsh, and in both languages in one file: its own words from the catalogues (both hold every key),
// dates through Intl in Welsh with 24-hour times, the pack id unchanged so /verify matches the PDF to its ZIP.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { incident, newTestLog, packInputFor } from '../../../crypto/evidence-pack/test-support.ts';
import { catalogueProblems } from '../../../domain/content-parity/index.ts';
import { newPerson } from '../../../domain/incidents/index.ts';
import { readPackId } from '../../verify/pdf-pack-id.ts';
import type { EvidencePdfInput } from './index.ts';
import { FONT_FILES, renderEvidencePdf } from './index.ts';
import { ENGLISH_LABELS } from './labels.ts';
import { pdfInputFor } from './test-support.ts';
import { PDF_CATALOGUES } from './text/index.ts';

const require = createRequire(import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'evidence-pdf-lang-'));
const ENGLISH_HEADINGS = [
  'Incident record and evidence pack',
  'Chronological log',
  'The entries in full',
  'How to check this pack',
  'People and places named',
];
const WELSH_HEADINGS = [
  'Cofnod o ddigwyddiadau a phecyn tystiolaeth',
  'Log yn ôl trefn amser',
  'Y cofnodion yn llawn',
  "Sut i wirio'r pecyn hwn",
  'Pobl a lleoedd a enwir',
];
let input: EvidencePdfInput;
const pdfs: Record<string, Uint8Array> = {};
const texts: Record<string, string> = {};

beforeAll(async () => {
  const log = await newTestLog();
  const stalker = newPerson('p-1', 'Dafydd', 'stalker');
  const first = {
    ...incident('e-1', '2026-03-03', '18:30', 'Roedd e tu allan i’r tŷ eto.', { behaviours: ['following'], crimeReference: '13/45678/26' }),
    people: [{ personId: stalker.id, role: 'stalker' as const }],
  };
  const pack = await packInputFor(log, [
    { id: 'e-1', versions: [first] },
    { id: 'e-2', versions: [incident('e-2', '2026-03-05', '07:40', 'Blodau ar stepen y drws.', { behaviours: ['unwanted-gifts'] })] },
  ]);
  const fonts = {
    regular: new Uint8Array(readFileSync(require.resolve(FONT_FILES.regular))),
    bold: new Uint8Array(readFileSync(require.resolve(FONT_FILES.bold))),
  };
  ({ input } = await pdfInputFor(pack, { fonts, people: [stalker], places: [], period: { from: '2026-03-01', to: '2026-03-31' } }));
  for (const language of ['cy', 'both'] as const) {
    pdfs[language] = await renderEvidencePdf({ ...input, language });
    writeFileSync(join(dir, `${language}.pdf`), pdfs[language]);
    texts[language] = execFileSync('pdftotext', [join(dir, `${language}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  }
  console.log(`Welsh and bilingual PDFs in ${dir}`);
}, 30_000);

describe('the PDF catalogues', () => {
  it('hold the same keys in English and Welsh, none empty', () => {
    expect(catalogueProblems('pdf', PDF_CATALOGUES)).toEqual([]);
    expect(catalogueProblems('pdf', { en: PDF_CATALOGUES.en, cy: { ...(PDF_CATALOGUES.cy as object), verify: {} } })).toContain(
      'pdf (cy): "verify.heading" is missing',
    );
  });
});

describe('a Welsh PDF', () => {
  it('has the Welsh headings and none of the English ones, with Welsh dates and 24-hour times', () => {
    const text = texts.cy!;
    for (const heading of WELSH_HEADINGS) expect(text).toContain(heading);
    for (const heading of ENGLISH_HEADINGS) expect(text).not.toContain(heading);
    expect(text).toContain('1 Mawrth 2026 tan 31 Mawrth 2026');
    expect(text).toContain('Cofnod 1: 3 Mawrth 2026 am 18:30');
    expect(text).not.toContain('Entry 1');
    expect(text).toContain('2 gofnod');
    expect(text).toMatch(/Tudalen 1 o \d+/);
    expect(text).not.toMatch(/\bPage \d+ of\b/);
    // The person's own words are never translated.
    expect(text).toContain('Roedd e tu allan i’r tŷ eto.');
  });

  it('names its pack the same way, so /verify matches it to its ZIP', async () => {
    expect(texts.cy).toContain(`casebook-pack:${input.packSha256}`);
    expect(await readPackId(pdfs.cy!)).toEqual({ kind: 'found', packId: input.packSha256 });
    expect((await PDFDocument.load(pdfs.cy!)).getTitle()).toBe(`Pecyn tystiolaeth Casebook casebook-pack:${input.packSha256}`);
  });

  it('prints the labels the caller gives for the diary’s own words', async () => {
    const pdf = await renderEvidencePdf({
      ...input,
      language: 'cy',
      labels: () => ({ ...ENGLISH_LABELS, behaviour: (id) => `LABEL-${id}` }),
    });
    writeFileSync(join(dir, 'labels.pdf'), pdf);
    const text = execFileSync('pdftotext', [join(dir, 'labels.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('LABEL-following');
  });
});

describe('a PDF in both languages', () => {
  it('is the Welsh PDF followed by the English one, one pack id', async () => {
    const text = texts.both!;
    for (const heading of [...WELSH_HEADINGS, ...ENGLISH_HEADINGS]) expect(text).toContain(heading);
    expect(text.indexOf('Y cofnodion yn llawn')).toBeLessThan(text.indexOf('The entries in full'));
    expect(text).toContain('3 March 2026');
    expect(await readPackId(pdfs.both!)).toEqual({ kind: 'found', packId: input.packSha256 });
    const pages = (await PDFDocument.load(pdfs.both!)).getPageCount();
    // The English half is a little shorter than the Welsh (longer words), so it is not exactly twice.
    expect(pages).toBeGreaterThan((await PDFDocument.load(pdfs.cy!)).getPageCount());
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it('has a bookmark for each language, its sections under it', async () => {
    const doc = await PDFDocument.load(pdfs.both!);
    const titles = (first: PDFDict | undefined): { title: string; children: string[] }[] => {
      const out: { title: string; children: string[] }[] = [];
      for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
        const children = titles(item.lookupMaybe(PDFName.of('First'), PDFDict)).map((c) => c.title);
        out.push({ title: item.lookup(PDFName.of('Title'), PDFHexString).decodeText(), children });
      }
      return out;
    };
    const tree = titles(doc.catalog.lookup(PDFName.of('Outlines'), PDFDict).lookup(PDFName.of('First'), PDFDict));
    expect(tree.map((t) => t.title)).toEqual(['Cymraeg', 'English']);
    expect(tree[0]!.children).toEqual([
      'Clawr a chrynodeb',
      'Log yn ôl trefn amser',
      'Pobl a lleoedd a enwir',
      'Y cofnodion yn llawn',
      "Sut i wirio'r pecyn hwn",
    ]);
    expect(tree[1]!.children[0]).toBe('Cover and summary');
  });
});

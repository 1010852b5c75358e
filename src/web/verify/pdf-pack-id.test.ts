import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkPdf, packIdFromKeywords, readPackId } from './pdf-pack-id.ts';
import type { Words } from './wording.ts';
import { setWords } from './wording.ts';

// The words the /verify page carries for its script (the verify catalogue's browser part), in English.
const catalogue = parse(readFileSync(new URL('../../server/content/messages/verify/en.yaml', import.meta.url), 'utf8')) as {
  browser: Words;
};
setWords(catalogue.browser, 'en');

const ID = 'ab'.repeat(32);
const OTHER = 'cd'.repeat(32);

async function pdfWith(keywords: string[] | undefined): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  if (keywords) doc.setKeywords(keywords);
  return doc.save();
}

const file = (bytes: Uint8Array, name = 'pack.pdf') => new File([new Uint8Array(bytes)], name, { type: 'application/pdf' });

describe('the PDF names its pack', () => {
  it('finds casebook-pack:<sha256> among other keywords, and nothing that merely looks like it', () => {
    expect(packIdFromKeywords(`casebook-pack:${ID}`)).toBe(ID);
    expect(packIdFromKeywords(`stalking diary casebook-pack:${ID.toUpperCase()} evidence`)).toBe(ID);
    expect(packIdFromKeywords(`xcasebook-pack:${ID}`)).toBeUndefined();
    expect(packIdFromKeywords(`casebook-pack:${ID}ff`)).toBeUndefined();
    expect(packIdFromKeywords('casebook-pack:abc')).toBeUndefined();
    expect(packIdFromKeywords(undefined)).toBeUndefined();
  });

  it('reads it from a real PDF made with pdf-lib', async () => {
    expect(await readPackId(await pdfWith([`casebook-pack:${ID}`]))).toEqual({ kind: 'found', packId: ID });
    expect(await readPackId(await pdfWith(['diary']))).toEqual({ kind: 'none' });
    expect(await readPackId(await pdfWith(undefined))).toEqual({ kind: 'none' });
    expect(await readPackId(new TextEncoder().encode('PK\u0003\u0004 a zip'))).toEqual({ kind: 'not-pdf' });
  });

  it('says whether the PDF belongs to this ZIP, another pack, or none, and what is wrong with a file that is not a PDF', async () => {
    const pdf = await pdfWith([`casebook-pack:${ID}`]);
    expect(await checkPdf(file(pdf), ID, 1e6)).toEqual({ kind: 'matches', fileName: 'pack.pdf' });
    expect(await checkPdf(file(pdf), OTHER, 1e6)).toEqual({ kind: 'other-pack', fileName: 'pack.pdf', packId: ID });
    expect(await checkPdf(file(await pdfWith(undefined)), ID, 1e6)).toEqual({ kind: 'no-pack-id', fileName: 'pack.pdf' });
    expect(await checkPdf(file(new TextEncoder().encode('hello')), ID, 1e6)).toMatchObject({
      kind: 'unusable',
      message: 'This file is not a PDF.',
    });
    expect(await checkPdf(file(new TextEncoder().encode('PK\u0003\u0004')), ID, 1e6)).toMatchObject({
      message: expect.stringMatching(/^This is a ZIP file, not a PDF\./),
    });
    expect(await checkPdf(file(new Uint8Array()), ID, 1e6)).toMatchObject({ message: 'This file is empty (0 bytes), so it is not a PDF.' });
    expect(await checkPdf(file(pdf), ID, 100)).toMatchObject({
      message: expect.stringMatching(/^This file is \d+ KB, more than this page reads as a PDF \(1 KB\)\.$/),
    });
    const damaged = pdf.slice(0, 40);
    expect((await checkPdf(file(damaged), ID, 1e6)).kind).toMatch(/^(unusable|no-pack-id)$/);
  });
});

// Welsh written in an entry prints as written: the embedded Noto Sans has every Welsh letter (ŵ ŷ and the
// vowels with to bach or diaeresis, capitals too), read back from the PDF with pdftotext.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { incident, newTestLog, packInputFor } from '../../../crypto/evidence-pack/test-support.ts';
import { FONT_FILES, renderEvidencePdf } from './index.ts';
import { pdfInputFor } from './test-support.ts';

const require = createRequire(import.meta.url);
const WELSH = 'Roedd e tu allan i’r tŷ eto. Ŵyr, ŷd, â ê î ô û ï ẁ ẃ ẅ ỳ ý — ŴYR, ŶD, Â Ê Î Ô Û Ï.';

describe('Welsh letters in the PDF', () => {
  it('prints every Welsh letter in an entry and the title, with no box for a missing glyph', async () => {
    const log = await newTestLog();
    const pack = await packInputFor(log, [
      { id: 'e-cy', versions: [incident('e-cy', '2026-03-03', '18:30', WELSH, { behaviours: ['following'] })] },
    ]);
    const fonts = {
      regular: new Uint8Array(readFileSync(require.resolve(FONT_FILES.regular))),
      bold: new Uint8Array(readFileSync(require.resolve(FONT_FILES.bold))),
    };
    const { input } = await pdfInputFor({ ...pack, title: 'Cofnod i’r heddlu: Siân Ŵyn' }, { fonts, people: [], places: [], period: {} });
    const dir = mkdtempSync(join(tmpdir(), 'evidence-pdf-cy-'));
    writeFileSync(join(dir, 'pack.pdf'), await renderEvidencePdf(input));
    const text = execFileSync('pdftotext', [join(dir, 'pack.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(WELSH);
    expect(text).toContain('Cofnod i’r heddlu: Siân Ŵyn');
    expect(text).not.toContain('Characters not shown');
    // Pages as images, to look at: the letters must print with their accents, not as boxes.
    execFileSync('pdftoppm', ['-png', '-r', '80', join(dir, 'pack.pdf'), join(dir, 'page')]);
    console.log(`Welsh letters PDF rendered in ${dir}`);
  }, 30_000);
});

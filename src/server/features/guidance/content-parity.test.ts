import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PATHS } from '../../paths.ts';
import { checkContentParity, loadAvoidedWords } from './content-parity.ts';
import { loadContent } from './content-store.ts';

const english = loadContent(join(PATHS.content, 'en'));
const welsh = loadContent(join(PATHS.content, 'cy'));

describe('the Welsh guidance', () => {
  it('is the twin of the English guidance: same pages, keys, sources and numbers', () => {
    expect(checkContentParity(PATHS.content)).toEqual([]);
    expect(welsh.pages.map((p) => p.key).sort()).toEqual(english.pages.map((p) => p.key).sort());
  });

  it('links to Welsh twins under /cy, and otherwise only to pages that exist', () => {
    const keys = new Set(english.pages.map((p) => p.path));
    const englishOnly = new Set(['/diary', '/forums', '/verify', '/training', '/training/certificates']); // the English page may still be linked
    // Welsh pages served by their feature rather than the guidance (features/directory, risk-screen, verify-page, conversations, vault-pages).
    const welshFeatures = new Set(['/get-help/support-directory', '/get-help/risk-screen', '/verify', '/talk/helpline', '/diary']);
    const broken = welsh.pages.flatMap((page) =>
      page.links
        .filter((href) => href.startsWith('/'))
        .filter((href) => {
          const path = href.split('#')[0]!;
          return href.startsWith('/cy/') ? !keys.has(path.slice(3)) && !welshFeatures.has(path.slice(3)) : !englishOnly.has(href);
        })
        .map((href) => `${page.key} → ${href}`),
    );
    expect(broken).toEqual([]);
  });

  it('says where Wales differs: Live Fear Free on the get-help pages, the four Welsh forces, Welsh bank holidays', () => {
    for (const pages of [english, welsh]) {
      expect(pages.get('get-help')?.text).toContain('0808 80 10 800');
      expect(pages.get('get-help/national-stalking-helpline')?.text).toContain('07860 077333');
      const police = pages.get('get-help/report-to-the-police')?.text ?? '';
      for (const force of ['Heddlu Dyfed-Powys', 'Heddlu Gwent', 'Heddlu Gogledd Cymru', 'Heddlu De Cymru'])
        expect(police).toContain(force);
    }
    expect(welsh.get('get-help/national-stalking-helpline')?.text).toContain('gwyliau banc Cymru yr un fath â rhai Lloegr');
    expect(english.get('get-help/national-stalking-helpline')?.text).toContain('Bank holidays in Wales are the same as in England');
  });

  it('reads the glossary words to avoid', () => {
    expect(loadAvoidedWords(PATHS.content)).toEqual(expect.arrayContaining(['erlid', 'stelcio']));
  });
});

describe('the parity check on files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-parity-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(PATHS.content, dir, { recursive: true });

  it('fails on a missing twin, a dropped key and a changed phone number', () => {
    unlinkSync(join(dir, 'cy', 'about', 'cookies.md'));
    const privacy = join(dir, 'cy', 'about', 'privacy.md');
    writeFileSync(
      privacy,
      readFileSync(privacy, 'utf8')
        .replace(/^lastReviewed: .*\n/m, '')
        .replace('0808 802 0300', '0808 802 0301'),
    );
    const messages = checkContentParity(dir).map((p) => `${p.key}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'about/cookies: has no Welsh twin (cy)',
        'about/privacy: Welsh page needs "lastReviewed"',
        'about/privacy: front matter key "lastReviewed" is on the English page but not the Welsh',
        'about/privacy: numbers differ: only in English [08088020300], only in Welsh [08088020301]',
      ]),
    );
  });
});

// A pack made in Welsh, English or both: README.txt is in the language asked, and nothing else in the pack
// changes — the entries, receipts, proofs and pack.json are the same bytes, and the pack verifies the same.
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { utf8Decode } from '../encoding.ts';
import type { EvidencePackInput } from './build.ts';
import { buildEvidencePack } from './build.ts';
import { incident, newTestLog, packInputFor } from './test-support.ts';
import { verifyEvidencePack } from './verify.ts';

let input: EvidencePackInput;

beforeAll(async () => {
  const log = await newTestLog();
  input = await packInputFor(log, [
    {
      id: 'entry-a',
      versions: [
        incident('entry-a', '2026-03-01', '18:30', 'Roedd e tu allan i’r tŷ. Ŵyr, ŷd, â ê î ô û ï.', { behaviours: ['following'] }),
      ],
    },
    { id: 'entry-b', versions: [incident('entry-b', '2026-03-02', '08:00', 'He was outside my work.', { behaviours: ['loitering'] })] },
  ]);
});

describe('README.txt in the language asked for', () => {
  it('is Welsh, English, or Welsh then English, and no other file differs', async () => {
    const build = (language: 'en' | 'cy' | 'both') => buildEvidencePack({ ...input, language });
    const [en, cy, both] = [await build('en'), await build('cy'), await build('both')];
    const files = (zip: Uint8Array) => unzipSync(zip);
    const readme = (zip: Uint8Array) => utf8Decode(files(zip)['README.txt']!);
    expect(readme(en)).toBe(utf8Decode(files(await buildEvidencePack(input))['README.txt']!));
    expect(readme(en)).toMatch(/^CASEBOOK EVIDENCE PACK \(format 1\)/);
    expect(readme(cy)).toMatch(
      /^PECYN TYSTIOLAETH CASEBOOK \(fformat 1\)\n.*\nWedi'i wneud \d+ \S+ 2026 am \d\d:\d\d \(amser y DU\) ar ddyfais y person ei hun\./,
    );
    expect(readme(cy)).toContain('Cofnodion dyddiadur yn y pecyn hwn: 2.');
    expect(readme(cy)).toContain('npm run verify -- y-pecyn-hwn.zip --lang cy');
    expect(readme(cy)).not.toContain('WHAT IT CAN PROVE');
    expect(readme(both).startsWith(readme(cy))).toBe(true);
    expect(readme(both).endsWith(readme(en))).toBe(true);
    for (const zip of [cy, both]) {
      const other = files(zip);
      for (const [path, bytes] of Object.entries(files(en))) {
        if (path !== 'README.txt' && path !== 'manifest.json') expect(other[path], path).toEqual(bytes);
      }
      const manifest = (z: Uint8Array) => JSON.parse(utf8Decode(files(z)['manifest.json']!)) as { files: Record<string, string> };
      const { 'README.txt': _readme, ...rest } = manifest(zip).files;
      const { 'README.txt': _enReadme, ...enRest } = manifest(en).files;
      expect(rest).toEqual(enRest);
      const [a, b] = await Promise.all([verifyEvidencePack(zip), verifyEvidencePack(en)]);
      expect(a.ok && b.ok).toBe(true);
      expect(a.findings).toEqual(b.findings);
    }
  });
});

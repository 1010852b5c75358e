// The verifier's report in Welsh and English: both catalogues hold every message (the build runs the same
// parity check), every code the checks use has a message, and a real pack's report reads in the language asked.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueProblems } from '../../../domain/content-parity/index.ts';
import { randomBytes } from '../../encoding.ts';
import { buildEvidencePack } from '../build.ts';
import { incident, newTestLog, packInputFor } from '../test-support.ts';
import { PackFormatError, verifyEvidencePack } from '../verify.ts';
import { deterministicZip } from '../zip.ts';
import { REPORT_CATALOGUES, say, ukTime } from './render.ts';

const root = resolve(import.meta.dirname, '../../../..');
let pack: Uint8Array;
let tampered: Uint8Array;

beforeAll(async () => {
  const log = await newTestLog();
  const input = await packInputFor(log, [
    { id: 'entry-a', versions: [incident('entry-a', '2026-03-01', '18:30', 'He followed me home.', { behaviours: ['following'] })] },
    { id: 'entry-b', versions: [incident('entry-b', '2026-03-02', '08:00', 'He was outside my work.', { behaviours: ['loitering'] })] },
    { id: 'entry-c', versions: [incident('entry-c', '2026-03-03', '21:00', 'Three missed calls.', { behaviours: ['contacting'] })] },
  ]);
  pack = await buildEvidencePack(input);
  const files = new Map(Object.entries(unzipSync(pack)));
  files.set('entries/entry-b/v1.salt', randomBytes(32));
  tampered = deterministicZip([...files].map(([path, bytes]) => ({ path, bytes })));
});

describe('the report catalogues', () => {
  it('hold the same keys in English and Welsh, none empty', () => {
    expect(catalogueProblems('report', REPORT_CATALOGUES)).toEqual([]);
    expect(catalogueProblems('report', { en: REPORT_CATALOGUES.en, cy: { ...(REPORT_CATALOGUES.cy as object), files: {} } })).toContain(
      'report (cy): "files.duplicate" is missing',
    );
  });

  it('have a message for every code the checks use', () => {
    const dir = resolve(import.meta.dirname, '..');
    const sources = [
      ...readdirSync(join(dir, 'checks')).map((f) => join(dir, 'checks', f)),
      join(dir, 'imported.ts'),
      join(dir, 'verify.ts'),
      join(dir, 'zip.ts'),
    ];
    const codes = new Set(
      sources
        .filter((f) => !f.endsWith('.test.ts'))
        .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/finding\('([\w.]+)'/g)].map((m) => m[1]!)),
    );
    expect(codes.size).toBeGreaterThan(60);
    for (const code of codes)
      for (const language of ['en', 'cy'] as const) expect(() => say({ code, params: { count: 2 } }, language), code).not.toThrow();
  });

  it('say dates through Intl in Welsh, and pick the Welsh plural form with its mutation', () => {
    expect(ukTime(Date.UTC(2026, 2, 3, 14, 2), 'cy')).toBe('3 Mawrth 2026 am 14:02 (amser y DU)');
    expect(ukTime(Date.UTC(2026, 6, 3, 14, 2), 'en')).toBe('3 July 2026 at 15:02 (UK time)');
    const others = (count: number) => say({ code: 'summary.otherEntries', params: { count } }, 'cy');
    expect([2, 3, 6, 11].map(others)).toEqual([
      "Mae'r 2 gofnod arall yn gywir.",
      "Mae'r 3 chofnod arall yn gywir.",
      "Mae'r 6 chofnod arall yn gywir.",
      "Mae'r 11 cofnod arall yn gywir.",
    ]);
  });
});

describe('a Welsh report', () => {
  it('makes the same checks and says them in Welsh', async () => {
    const english = await verifyEvidencePack(tampered);
    const welsh = await verifyEvidencePack(tampered, { language: 'cy' });
    expect(welsh.ok).toBe(false);
    expect(welsh.findings).toEqual(english.findings);
    expect(welsh.problems).toHaveLength(english.problems.length);
    expect(welsh.problems).toEqual([
      "Mae entries/entry-b/v1.salt wedi newid ers gwneud y pecyn: nid ei SHA-256 yw'r un sydd yn manifest.json.",
      expect.stringMatching(
        /^Cofnod 2, fersiwn 1: nid yw'r testun yr un fath â'r hyn a ymrwymwyd ar 3 Mawrth 2026 am 14:0\d \(amser y DU\) — mae wedi newid ers hynny \(neu mae ei halen wedi newid\)\.$/,
      ),
    ]);
    expect(welsh.summary).toMatch(
      /^METHODD Y GWIRIO\. Nifer y problemau: 2\. Ni ellid gwirio 1 cofnod \(cofnod 2\); peidiwch â dibynnu arno heb wirio ymhellach\. Mae'r 2 gofnod arall yn gywir\./,
    );
    const good = await verifyEvidencePack(pack, { language: 'cy' });
    expect(good.ok).toBe(true);
    expect(good.summary).toMatch(
      /^Mae pob un o'r 3 chofnod yn gywir: roedd pob un yn bodoli erbyn yr amser sydd wrth ei ochr fan bellaf \(y cynharaf 3 Mawrth 2026 am 14:0\d, yr olaf 3 Mawrth 2026 am 14:0\d, amser y DU\)/,
    );
  });

  it('refuses a file that is not a pack in Welsh', async () => {
    const refusal = await verifyEvidencePack(randomBytes(100), { language: 'cy' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PackFormatError);
    expect((refusal as Error).message).toMatch(/^Nid yw hon yn ffeil ZIP y gellir ei darllen/);
  });

  it('npm run verify -- --lang cy reports in Welsh; --lang en in English; a bad --lang is a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-cy-'));
    writeFileSync(join(dir, 'pack.zip'), tampered);
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(root, 'scripts/verify-pack.ts'), join(dir, 'pack.zip'), ...args], { encoding: 'utf8', cwd: root });
    const welsh = run('--lang', 'cy');
    expect(welsh.status).toBe(1);
    expect(welsh.stdout).toContain('Pecyn tystiolaeth Casebook:');
    expect(welsh.stdout).toMatch(/METHU Cofnod 2 \(entry-b\): fersiynau: 1, yn y log 3 Mawrth 2026 am 14:0\d \(amser y DU\)/);
    expect(welsh.stdout).toContain('Problemau (2):');
    expect(welsh.stdout).toContain('METHODD Y GWIRIO');
    const english = run('--lang', 'en');
    expect(english.status).toBe(1);
    expect(english.stdout).toContain('Verification FAILED');
    const bad = run('--lang', 'fr');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--lang must be en (English) or cy (Cymraeg), not "fr"');
    expect(bad.stderr).toContain('Usage: npm run verify');
  }, 30_000);
});

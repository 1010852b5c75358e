// The evidence pack made in Chromium from a real account: the ZIP must pass the Node verifier with the
// service's own key, the PDF must show every entry, an entry the log's answers do not back is left out and
// named, and a network failure keeps the person's choices for a retry.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '../src/crypto/evidence-pack/index.ts';
import { verifyEvidencePack } from '../src/crypto/evidence-pack/index.ts';
import type { SeedResult } from './evidence-pack-seed.ts';
import { openPackScreen, PERSON_NAME, seedRecord } from './evidence-pack-seed.ts';
import { axeViolations } from './support/axe.ts';
import { DESKTOP, newContext, PHONE, watchForProblems } from './support/browser.ts';
import { useHarness } from './support/harness.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { PASSPHRASE } from './vault-flows.ts';

const h = useHarness();

const INCIDENTS = 6;
const EDIT_EVERY = 3; // incidents 0 and 3 have two versions
const PHOTOS = 2;

async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  expect(await axeViolations(page), screen).toEqual([]);
}

async function download(page: Page, button: RegExp): Promise<{ download: Download; bytes: Buffer }> {
  const [event] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { download: event, bytes: readFileSync((await event.path())!) };
}

async function serviceKey(): Promise<string> {
  return ((await (await fetch(`${h.server.url}/.well-known/casebook-log.json`)).json()) as { publicKey: string }).publicKey;
}

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-pack-pdf-'));
  writeFileSync(join(dir, 'pack.pdf'), bytes);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '50',
    '-f',
    '1',
    '-l',
    '3',
    join(dir, 'pack.pdf'),
    join(process.cwd(), 'test-results', 'screenshots', 'evidence-pack-pdf'),
  ]);
  return execFileSync('pdftotext', ['-layout', join(dir, 'pack.pdf'), '-'], { encoding: 'utf8' });
}

function expectAllPassed(report: VerificationReport): void {
  expect(report.problems).toEqual([]);
  expect(report.ok).toBe(true);
  expect(report.keyTrust).toBe('independent');
  for (const entry of report.entries) expect(entry.verified, `entry ${entry.number}`).toBe(true);
  for (const file of report.attachments) expect(file.verified && file.timestamped, file.name).toBe(true);
}

describe('the evidence pack in Chromium', { timeout: 300_000 }, () => {
  let seeded: SeedResult;

  it('makes a pack from a real record: the ZIP verifies with the service key and the PDF shows every entry', async () => {
    const context = await newContext(h.browser, DESKTOP);
    const page = await context.newPage();
    const problems = watchForProblems(page, h.server.origin, { allowBlob: true });
    await page.goto(`${h.server.url}/diary`);
    seeded = await seedRecord(page, {
      passphrase: PASSPHRASE,
      incidents: INCIDENTS,
      photos: PHOTOS,
      photoBytes: 30_000,
      editEvery: EDIT_EVERY,
      note: true,
    });
    await openPackScreen(page, seeded.username, PASSPHRASE);
    await expect(page.title()).resolves.toBe('Casebook');

    // Everything is chosen by default; the list and the file choices are there to change it.
    await page.getByText(`7 entries of 7 between these dates will go in the pack`).waitFor();
    await page.getByText('Choose entries').click();
    await page.getByText('All files (2 files,').waitFor();
    await expectAccessible(page, 'choose');
    await saveScreenshot(page, 'evidence-pack-desktop-choose');

    // A date that does not exist is caught before anything is fetched.
    await page.locator('#pack-from-day').fill('31');
    await page.locator('#pack-from-month').fill('2');
    await page.locator('#pack-from-year').fill('2025');
    await page.getByRole('button', { name: 'Make the pack' }).click();
    await page.getByRole('link', { name: 'From must be a real date' }).waitFor();
    await expectAccessible(page, 'choose with an error');
    await saveScreenshot(page, 'evidence-pack-desktop-error');
    for (const part of ['day', 'month', 'year']) await page.locator(`#pack-from-${part}`).fill('');

    await page.getByLabel('Your name for the cover (optional)').fill('Sam Taylor');
    // The pack's language defaults to the diary's (English here); "both" puts Welsh then English in README.txt.
    expect(await page.getByLabel('English', { exact: true }).isChecked()).toBe(true);
    await page.getByLabel('Both: Cymraeg then English').check();
    // Hold the log's proofs back until the progress screen has been checked and photographed.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/api\/v1\/log\/inclusion/, async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Make the pack' }).click();
    await page.getByRole('heading', { name: 'Making your pack' }).waitFor();
    await page.getByText('Done').first().waitFor();
    await expectAccessible(page, 'making');
    await saveScreenshot(page, 'evidence-pack-desktop-making');
    release();
    await page.getByRole('heading', { name: 'Your pack is ready' }).waitFor({ timeout: 120_000 });
    await page.getByText('7 entries, with 9 saved versions in all').waitFor();
    await expectAccessible(page, 'ready');
    await saveScreenshot(page, 'evidence-pack-desktop-ready');

    const zip = await download(page, /^Download the ZIP/);
    const pdf = await download(page, /^Download the PDF/);
    expect(zip.download.suggestedFilename()).toMatch(/^casebook-pack-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(pdf.download.suggestedFilename()).toMatch(/^casebook-pack-\d{4}-\d{2}-\d{2}\.pdf$/);

    const report = await verifyEvidencePack(new Uint8Array(zip.bytes), { publicKeys: [await serviceKey()] });
    expectAllPassed(report);
    const readme = new TextDecoder().decode(unzipSync(new Uint8Array(zip.bytes))['README.txt']);
    expect(readme).toMatch(/^PECYN TYSTIOLAETH CASEBOOK \(fformat 1\)/);
    expect(readme).toContain('\nCASEBOOK EVIDENCE PACK (format 1)\n');
    expect(report.entries).toHaveLength(INCIDENTS + 1);
    expect(report.entries.reduce((n, e) => n + e.versions.length, 0)).toBe(seeded.versions);
    expect(report.attachments).toHaveLength(PHOTOS);
    expect(report.title).toBe('Record kept by Sam Taylor, from 5 January 2025 to 7 January 2025');
    // The fingerprint on the screen is the ZIP's.
    await page.getByText(report.packSha256).waitFor();

    const text = pdfText(pdf.bytes);
    for (const marker of seeded.markers) expect(text, marker).toContain(marker);
    expect(text).toContain('NoteMarker');
    expect(text.replace(/\s+/g, ' ')).toContain('Record kept by Sam Taylor');
    expect(text).toContain(PERSON_NAME);
    expect(text.replace(/\s+/g, '')).toContain(report.packSha256);

    // Nothing of the pack is left in the browser's storage.
    const stored = await page.evaluate(
      async () => `${localStorage.length}${sessionStorage.length}${(await indexedDB.databases()).length}${(await caches.keys()).length}`,
    );
    expect(stored).toBe('0000');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('leaves out an entry the log does not back, names it, and keeps the choices through a network failure', async () => {
    const context = await newContext(h.browser, PHONE);
    const page = await context.newPage();
    const problems = watchForProblems(page, h.server.origin, { allowBlob: true });
    await page.goto(`${h.server.url}/diary`);
    await openPackScreen(page, seeded.username, PASSPHRASE);
    await expectAccessible(page, 'choose (phone)');
    await saveScreenshot(page, 'evidence-pack-phone-choose');

    // The server answers an edited entry's history (entries never edited come from the changes feed) with a
    // commitment for its second version that is not the entry's, as a tampered server would.
    let tampered = '';
    await page.route(/\/api\/v1\/items\/[^/]+\/versions$/, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { versions: { commitment: string }[] };
      if (tampered === '' && body.versions.length === 2) {
        tampered = route.request().url();
        body.versions[1]!.commitment = 'A'.repeat(43);
      }
      await route.fulfill({ response, json: body });
    });
    // And the network drops while the log's proofs are fetched.
    let dropped = 0;
    await page.route(/\/api\/v1\/log\/inclusion/, async (route) => {
      if (dropped++ === 0) return route.abort('internetdisconnected');
      return route.continue();
    });

    await page.getByRole('radio', { name: /^Photos and screenshots only/ }).check();
    await page.getByRole('button', { name: 'Make the pack' }).click();
    await page.getByRole('heading', { name: 'The pack could not be made' }).waitFor({ timeout: 120_000 });
    await page.getByText('Could not reach Casebook. Check your connection and try again.').waitFor();
    await expectAccessible(page, 'failed (phone)');
    await saveScreenshot(page, 'evidence-pack-phone-failed');

    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Your pack is ready' }).waitFor({ timeout: 120_000 });
    await page.getByRole('heading', { name: 'Left out because they could not be checked' }).waitFor();
    await page.getByText("Version 2 does not match what Casebook's log received when it was saved.").waitFor();
    await expectAccessible(page, 'ready with an entry left out (phone)');
    await saveScreenshot(page, 'evidence-pack-phone-ready');

    const zip = await download(page, /^Download the ZIP/);
    const report = await verifyEvidencePack(new Uint8Array(zip.bytes), { publicKeys: [await serviceKey()] });
    expectAllPassed(report);
    expect(report.entries).toHaveLength(INCIDENTS);
    expect(tampered).not.toBe('');
    expect(report.entries.map((e) => e.id)).not.toContain(/items\/([^/]+)\/versions/.exec(tampered)![1]);

    // Back to the choices: they were kept.
    await page.getByRole('button', { name: 'Make another pack' }).click();
    await expect(page.getByRole('radio', { name: /^Photos and screenshots only/ }).isChecked()).resolves.toBe(true);
    expect(problems.filter((p) => !/internetdisconnected|Failed to load resource/.test(p))).toEqual([]);
    await context.close();
  });
});

// Seeds a diary from inside the page for the evidence pack's test and benchmark, then opens the pack screen
// the way a person does. The seeding script is evaluated through the DevTools protocol, so the page's strict
// Content-Security-Policy stays on for everything the app itself does.
import * as esbuild from 'esbuild';
import type { Page } from 'playwright-core';
import type { SeedResult, SeedSpec } from './evidence-pack-seed.page.ts';

export type { SeedResult, SeedSpec } from './evidence-pack-seed.page.ts';
export { PERSON_NAME, PLACE_NAME, WITNESS_NAME } from './evidence-pack-seed.page.ts';

let bundled: Promise<string> | undefined;

function seedScript(): Promise<string> {
  bundled ??= esbuild
    .build({
      entryPoints: [new URL('./evidence-pack-seed.page.ts', import.meta.url).pathname],
      bundle: true,
      format: 'iife',
      target: ['es2022'],
      platform: 'browser',
      write: false,
      logLevel: 'warning',
    })
    .then((result) => result.outputFiles[0]!.text);
  return bundled;
}

/** On /diary, locked: makes an account with a record as described; the page is left locked again. */
export async function seedRecord(page: Page, spec: SeedSpec): Promise<SeedResult> {
  await page.evaluate(await seedScript());
  const result = await page.evaluate(
    (s) => (globalThis as unknown as { casebookSeed(spec: SeedSpec): Promise<SeedResult> }).casebookSeed(s),
    spec,
  );
  // The app itself never saw the seeding: start it afresh, locked.
  await page.reload();
  await page.getByRole('heading', { name: 'Open your record' }).waitFor();
  return result;
}

/** From the locked screen: unlock through the form and open the evidence pack screen from the diary. */
export async function openPackScreen(page: Page, username: string, passphrase: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Open my record' }).click();
  await page.getByRole('button', { name: 'Make an evidence pack' }).click({ timeout: 60_000 });
  await page.getByRole('heading', { name: 'Make an evidence pack' }).waitFor();
  await page.getByRole('button', { name: 'Make the pack' }).waitFor({ timeout: 60_000 });
}

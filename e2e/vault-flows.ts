// Browser steps shared by the vault tests: each drives the real page the way a person would.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface CreatedAccount {
  username: string;
  passphrase: string;
  recoveryKey: string;
}

export const PASSPHRASE = 'violet kettle orbit marmalade';

/** From the locked screen: sign up with the suggested username, confirm the recovery key, land on the record. */
export async function signUp(
  page: Page,
  passphrase = PASSPHRASE,
  onStep: (step: string) => Promise<void> = async () => {},
): Promise<CreatedAccount> {
  await page.getByRole('button', { name: 'Start a new private record' }).click();
  await page.getByRole('heading', { name: /Choose a username/ }).waitFor();
  await page.getByTestId('suggested-username').waitFor();
  await onStep('username');
  await page.getByRole('button', { name: 'Use this username' }).click();
  const username = await page.getByLabel('Username').inputValue();
  expect(username).toMatch(/^[a-z0-9._-]{3,32}$/);
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByRole('heading', { name: /Choose a passphrase/ }).waitFor();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByText('This passphrase is strong enough.').waitFor();
  await onStep('passphrase');
  await page.getByRole('button', { name: 'Continue' }).click();

  const recoveryKey = await writeDownAndConfirmRecoveryKey(page, 'Create my record', onStep);
  await page.getByRole('heading', { name: 'Your record' }).waitFor({ timeout: 30_000 });
  return { username, passphrase, recoveryKey };
}

export async function unlock(page: Page, username: string, passphrase: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Open my record' }).click();
  await page.getByRole('heading', { name: 'Your record' }).waitFor({ timeout: 30_000 });
}

/** From anywhere in the open diary, to the notes and files screen. */
export async function openNotes(page: Page): Promise<void> {
  await page.locator('.casebook-diary-menu').getByRole('button', { name: 'Notes and files', exact: true }).click();
  await page.getByRole('heading', { name: 'Notes and files' }).waitFor();
}

/** Adds a note (and optionally a file) and waits for its receipt. */
export async function addNote(page: Page, text: string, file?: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await openNotes(page);
  await page.getByLabel('Note', { exact: true }).fill(text);
  if (file) await page.getByLabel('Attach a file (optional)').setInputFiles(file);
  await page.getByRole('button', { name: 'Save note' }).click();
  await page.getByText(/^Note saved at/).waitFor({ timeout: 30_000 });
}

/** Everything this origin could have left on the device: Web Storage, IndexedDB and the Cache API. */
export async function deviceStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i)!;
        parts.push(`${key}=${storage.getItem(key)}`);
      }
    }
    const databases = await indexedDB.databases();
    parts.push(...databases.map((db) => `indexedDB:${db.name}`));
    for (const name of await caches.keys()) {
      parts.push(`cache:${name}`);
      const cache = await caches.open(name);
      for (const request of await cache.keys()) parts.push(`${request.url}:${await (await cache.match(request))!.text()}`);
    }
    return parts.join('\n');
  });
}

/**
 * On a "Write down your … recovery key" screen: reads the key, goes on, types back the groups asked for and
 * submits with `submit`. Returns the key as "XXXX-XXXX-…".
 */
export async function writeDownAndConfirmRecoveryKey(
  page: Page,
  submit: string,
  onStep: (step: 'recovery-key' | 'confirm') => Promise<void> = async () => {},
): Promise<string> {
  await page.getByRole('heading', { name: /Write down your (new )?recovery key/ }).waitFor({ timeout: 30_000 });
  const groups = await page.locator('.casebook-vault-recovery-key__group .casebook-vault__code').allTextContents();
  expect(groups).toHaveLength(9);
  await onStep('recovery-key');
  await page.getByRole('button', { name: 'I have written it down' }).click();
  await page.getByRole('heading', { name: 'Check your recovery key' }).waitFor();
  for (const label of await page.locator('.govuk-date-input__label').allTextContents()) {
    const number = Number(/Group (\d+)/.exec(label)![1]);
    await page.getByLabel(label).fill(groups[number - 1]!.toLowerCase());
  }
  await onStep('confirm');
  await page.getByRole('button', { name: submit }).click();
  return groups.join('-');
}

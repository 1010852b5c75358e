// The vault's central promise (T4), checked end to end: after a real browser has created an account, notes and
// an attachment holding a unique marker, nothing the server wrote (database, WAL, blobs, logs) contains the
// marker, the passphrase or the recovery key, in plain text or in the encodings a careless log or column would use.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESKTOP, newContext } from './support/browser.ts';
import { useHarness } from './support/harness.ts';
import { addNote, openNotes, signUp, unlock } from './vault-flows.ts';

const h = useHarness();

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** Each secret as it could appear: as typed, UTF-16 (SQLite can store text so), base64, base64url and hex. */
function spellings(secret: string): Map<string, Buffer> {
  const utf8 = Buffer.from(secret, 'utf8');
  const forms = new Map<string, Buffer>([
    ['utf8', utf8],
    ['utf16le', Buffer.from(secret, 'utf16le')],
    ['hex', Buffer.from(utf8.toString('hex'))],
    ['HEX', Buffer.from(utf8.toString('hex').toUpperCase())],
  ]);
  // base64 of a string depends on its alignment in the encoded whole; all three offsets, minus unstable edges.
  for (let shift = 0; shift < 3; shift++) {
    const shifted = Buffer.concat([Buffer.alloc(shift, 0x20), utf8]);
    for (const [name, encoded] of [
      ['base64', shifted.toString('base64')],
      ['base64url', shifted.toString('base64url')],
    ] as const) {
      const stable = encoded.slice(Math.ceil((shift * 4) / 3) + 2, -4);
      if (stable.length >= 12) forms.set(`${name}+${shift}`, Buffer.from(stable));
    }
  }
  return forms;
}

describe('zero plaintext on the server', { timeout: 240_000 }, () => {
  it('finds no marker, passphrase or recovery key in the database files, blobs or logs', async () => {
    const marker = `QuokkaMarker${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    const context = await newContext(h.browser, DESKTOP);
    const page = await context.newPage();
    await page.goto(`${h.server.url}/diary`);
    const passphrase = `lantern ${marker.slice(-6)} cobalt thimble`;
    const account = await signUp(page, passphrase);
    await addNote(page, `First note ${marker} outside the house at 8pm`);
    await addNote(page, `Second note ${marker}`, {
      name: `photo-${marker}.txt`,
      mimeType: 'text/plain',
      // Over one chunk, so the blob store holds several chunks.
      buffer: Buffer.from(`attachment ${marker}\n`.repeat(80_000)),
    });
    // A diary entry too (a quick note), which is an item of its own kind.
    await page.locator('.casebook-diary-menu').getByRole('button', { name: 'Your record', exact: true }).click();
    await page.getByRole('button', { name: 'Quick note' }).click();
    await page.getByLabel('What happened?').fill(`Quick note ${marker} at the gate`);
    await page.getByRole('button', { name: 'Save quick note' }).click();
    await page.getByText(`Quick note ${marker} at the gate`).waitFor({ timeout: 30_000 });
    // Open it again elsewhere, so sign-in paths are covered too.
    const second = await newContext(h.browser, DESKTOP);
    const again = await second.newPage();
    await again.goto(`${h.server.url}/diary`);
    await unlock(again, account.username, passphrase);
    await again.getByText(`Quick note ${marker} at the gate`).waitFor();
    await openNotes(again);
    await again.getByText(`Second note ${marker}`).waitFor();
    await second.close();
    await context.close();

    const files = filesUnder(h.server.dataDir);
    const names = files.map((f) => f.slice(h.server.dataDir.length));
    expect(names.some((n) => /casebook\.sqlite$/.test(n))).toBe(true);
    expect(names.some((n) => n.includes('blobs'))).toBe(true);

    const secrets = new Map([
      ['marker', marker],
      ['passphrase', passphrase],
      ['recovery key', account.recoveryKey],
      ['recovery key without dashes', account.recoveryKey.replace(/-/g, '')],
    ]);
    const haystacks: [string, Buffer][] = [
      ...files.map((file) => [file.slice(h.server.dataDir.length), readFileSync(file)] as [string, Buffer]),
      ['server logs', Buffer.from(h.server.logs())],
    ];
    const found: string[] = [];
    for (const [secretName, secret] of secrets) {
      for (const [form, needle] of spellings(secret)) {
        for (const [where, bytes] of haystacks) {
          if (bytes.includes(needle)) found.push(`${secretName} (${form}) in ${where}`);
        }
      }
    }
    expect(found).toEqual([]);
    // The scan really looked at something: the database and the blobs are not empty.
    expect(haystacks.reduce((sum, [, bytes]) => sum + bytes.length, 0)).toBeGreaterThan(2_000_000);
  });
});

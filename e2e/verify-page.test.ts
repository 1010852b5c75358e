// The public /verify page in Chromium, with a pack whose receipts, tree head and proofs come from the running
// server's own log (made through the real API), so the online consistency check is the real one.
import { randomBytes } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { utf8Decode, utf8Encode } from '../src/crypto/encoding.ts';
import { sha256Hex } from '../src/crypto/evidence-pack/digest.ts';
import { incident } from '../src/crypto/evidence-pack/test-support.ts';
import { deterministicZip } from '../src/crypto/evidence-pack/zip.ts';
import { axeViolations } from './support/axe.ts';
import { DESKTOP, newContext, PHONE } from './support/browser.ts';
import { ApiSession, packFromServer, tamperWithPack } from './support/evidence-pack.ts';
import { useHarness } from './support/harness.ts';
import { saveScreenshot } from './support/screenshots.ts';

const h = useHarness();

const PHOTO = randomBytes(40_000);
let pack: Uint8Array;
let packSha: string;
let packTreeSize: number;
let pdf: Buffer;

const zipFile = (buffer: Uint8Array, name = 'casebook-pack.zip') => ({ name, mimeType: 'application/zip', buffer: Buffer.from(buffer) });
const pdfFile = (buffer: Uint8Array, name = 'casebook-pack.pdf') => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(buffer) });

async function pdfNaming(packId: string | undefined): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('Record for the police', { x: 50, y: 780, size: 20, font: await doc.embedFont(StandardFonts.Helvetica) });
  if (packId) doc.setKeywords([`casebook-pack:${packId}`]);
  return Buffer.from(await doc.save());
}

beforeAll(async () => {
  const session = await ApiSession.signUp(h.server.origin);
  const photoSha = await sha256Hex(PHOTO);
  const made = await packFromServer(
    session,
    [
      {
        versions: [
          incident('a', '2026-03-01', '18:30', 'He followed me home from the station.', { behaviours: ['following'] }),
          incident('a', '2026-03-01', '18:30', 'He followed me home from the station and waited outside.', {
            behaviours: ['following', 'loitering'],
          }),
        ],
      },
      { versions: [incident('b', '2026-02-20', '09:15', 'Twelve missed calls from a withheld number.', { behaviours: ['contacting'] })] },
      {
        versions: [
          {
            type: 'note',
            v: 1,
            text: 'Photo of the note pushed under my door.',
            writtenAt: '2026-03-04T08:00:00.000Z',
            attachments: [{ id: 'photo-1', name: 'door.jpg', type: 'image/jpeg', size: PHOTO.length, sha256: photoSha }],
          },
        ],
      },
      { versions: [incident('d', '2026-03-05', '22:00', 'Flowers left on my car.', { behaviours: ['unwanted-gifts'] })] },
    ],
    [{ id: 'photo-1', bytes: PHOTO, name: 'door.jpg', type: 'image/jpeg' }],
  );
  pack = made.zip;
  packTreeSize = made.treeSize;
  packSha = await sha256Hex(pack);
  pdf = await pdfNaming(packSha);
  // The log moves on after the pack is made, as it does in life: the consistency proof then has work to do.
  await packFromServer(session, [
    { versions: [{ type: 'note', v: 1, text: 'Later note', writtenAt: '2026-03-10T08:00:00.000Z', attachments: [] }] },
  ]);
});

interface Recorded {
  readonly requests: Request[];
}

async function openVerify(
  viewport: { readonly width: number; readonly height: number } = DESKTOP,
  path = '/verify',
  heading = 'Check an evidence pack',
): Promise<{ page: Page; recorded: Recorded; close: () => Promise<void> }> {
  const context = await newContext(h.browser, viewport);
  const page = await context.newPage();
  const recorded: Recorded = { requests: [] };
  page.on('request', (request) => recorded.requests.push(request));
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${h.server.url}${path}`);
  await page.getByRole('heading', { name: heading }).waitFor();
  return { page, recorded, close: () => context.close() };
}

async function dropPack(page: Page, zip: Uint8Array, name?: string): Promise<void> {
  await page.locator('[data-verify-input="pack"]').setInputFiles(zipFile(zip, name));
  await page.locator('[data-verify-outcome]').waitFor({ timeout: 30_000 });
}

async function expectAccessible(page: Page, state: string): Promise<void> {
  expect(await axeViolations(page), state).toEqual([]);
}

async function screenshots(page: Page, state: string): Promise<void> {
  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${state} at ${label}`).toBeLessThanOrEqual(0);
    await saveScreenshot(page, `verify-${state}-${label}`);
  }
  await page.setViewportSize(DESKTOP);
}

describe('/verify in Chromium', () => {
  it('checks a real pack entry by entry, with the PDF and the live log, and uploads nothing', async () => {
    const { page, recorded, close } = await openVerify();
    await expectAccessible(page, 'empty');
    await screenshots(page, 'empty');

    await dropPack(page, pack);
    await page.locator('[data-verify-input="pdf"]').setInputFiles(pdfFile(pdf));
    await page.locator('[data-verify-pdf="matches"]').waitFor();

    expect(await page.locator('[data-verify-outcome]').getAttribute('data-verify-outcome')).toBe('passed');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('This pack checks out');
    const summary = await page.locator('[data-verify-summary]').textContent();
    expect(summary).toMatch(
      /^All 4 entries check out: each existed no later than the time shown beside it \((all|the earliest) \d+ \w+ \d{4} at \d\d:\d\d(, the latest .*)?, UK time\) and has not been changed since\. The attached file matches the pack\./,
    );
    expect(summary).toContain("Casebook's log as published now still contains this pack's log unchanged.");
    expect(summary).not.toContain('key inside the pack');

    const rows = page.locator('[data-verify-entry]');
    expect(await rows.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      const row = rows.nth(i);
      expect(await row.locator('th').textContent()).toBe(`Entry ${i + 1}`);
      expect(await row.locator('.govuk-tag').allTextContents()).toEqual(['Yes', 'Yes', 'Yes', 'Yes']);
    }
    // Entry 1 is the earliest incident (20 February); entry 2 (1 March) was edited once.
    expect(await rows.nth(1).locator('td').first().textContent()).toMatch(/; 2 versions, the last /);
    expect(await page.locator('[data-verify-consistency="passed"]').textContent()).toMatch(
      /^The log has not been rewritten since the pack was made: Casebook’s log as published now \(\d+ entries/,
    );
    expect(await page.locator('[data-verify-pack-sha256]').textContent()).toBe(packSha);
    expect(await page.getByText('Checked against the key Casebook publishes now').count()).toBe(1);
    expect(await page.locator('[data-verify-pdf="matches"]').textContent()).toContain('it was made with this ZIP file');
    expect(await page.locator('[data-verify-attachments] .govuk-tag').allTextContents()).toEqual(['Yes', 'Yes']);
    await expectAccessible(page, 'passed');
    await screenshots(page, 'passed');

    // Nothing was uploaded: every request the page made was a same-origin GET without a body, for the page,
    // its assets (pdf-lib among them, loaded once a PDF was given) and the public log — never the file.
    const made = recorded.requests.map((r) => ({ method: r.method(), url: new URL(r.url()), body: r.postDataBuffer() }));
    expect(made.filter((r) => r.method !== 'GET' || r.body !== null || r.url.origin !== h.server.origin)).toEqual([]);
    const paths = made.map((r) => r.url.pathname + r.url.search);
    for (const path of paths)
      expect(path).toMatch(
        /^\/verify$|^\/assets\/[\w.-]+$|^\/\.well-known\/casebook-log\.json$|^\/api\/v1\/log\/consistency\?from=\d+&to=\d+$/,
      );
    const consistency = paths.find((p) => p.startsWith('/api/v1/log/consistency'));
    expect(consistency).toMatch(new RegExp(`^/api/v1/log/consistency\\?from=${packTreeSize}&to=\\d+$`));
    expect(Number(/to=(\d+)/.exec(consistency!)![1])).toBeGreaterThan(packTreeSize);
    await close();
  });

  it('names the failure precisely when one character of an entry is changed', async () => {
    const tampered = await tamperWithPack(pack, (files) => {
      const index = JSON.parse(utf8Decode(files.get('pack.json')!)) as { entries: { id: string }[] };
      const path = `entries/${index.entries[1]!.id}/v1.json`;
      files.set(path, utf8Encode(utf8Decode(files.get(path)!).replace('station', 'Station')));
    });
    const { page, recorded, close } = await openVerify();
    await dropPack(page, tampered);
    expect(await page.locator('[data-verify-outcome]').getAttribute('data-verify-outcome')).toBe('failed');
    expect(await page.getByRole('heading', { name: 'This pack did not pass the check' }).count()).toBe(1);
    expect(await page.locator('[data-verify-summary]').textContent()).toMatch(
      /^Verification FAILED: 1 problem found\. 1 entry could not be verified \(entry 2\); do not rely on it without further checks\. The other 3 entries check out\./,
    );
    expect(await page.locator('[data-verify-problems] li').allTextContents()).toEqual([
      expect.stringMatching(
        /^Entry 2, version 1: the text does not match what was committed on \d+ \w+ 2026 at \d\d:\d\d \(UK time\) — it has been changed since \(or its salt has\)\.$/,
      ),
    ]);
    const row = page.locator('[data-verify-entry="2"]');
    expect(await row.locator('td .govuk-tag').allTextContents()).toEqual(['No', 'Yes', 'Yes', 'Yes']);
    expect(await page.locator('[data-verify-entry="1"] td .govuk-tag').allTextContents()).toEqual(['Yes', 'Yes', 'Yes', 'Yes']);
    await expectAccessible(page, 'failed');
    await screenshots(page, 'failed');

    // A PDF made for the untampered pack does not belong to this one.
    await page.locator('[data-verify-input="pdf"]').setInputFiles(pdfFile(pdf));
    await page.locator('[data-verify-pdf="other-pack"]').waitFor();
    expect(await page.locator('[data-verify-pdf]').textContent()).toContain(
      `it was NOT made with this ZIP file. It names a different pack (SHA-256 ${packSha})`,
    );
    expect(recorded.requests.every((r) => r.method() === 'GET')).toBe(true);
    await close();
  });

  it('in Welsh at /cy/verify: the page, the script and the report all speak Welsh, on a phone', async () => {
    const { page, recorded, close } = await openVerify(PHONE, '/cy/verify', 'Gwirio pecyn tystiolaeth');
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    expect(await page.locator('link[rel="alternate"][hreflang="en"]').getAttribute('href')).toBe('/verify');
    expect(
      await page
        .locator('.govuk-service-navigation, header')
        .getByRole('link', { name: /English/ })
        .count(),
    ).toBeGreaterThan(0);
    expect(await page.getByText('Pecyn tystiolaeth (ffeil ZIP)').count()).toBe(1);
    await dropPack(page, pack);
    expect(await page.locator('[data-verify-outcome]').getAttribute('data-verify-outcome')).toBe('passed');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Mae'r pecyn hwn yn gywir");
    const summary = await page.locator('[data-verify-summary]').textContent();
    expect(summary).toMatch(
      /^Mae pob un o'r 4 cofnod yn gywir: roedd pob un yn bodoli erbyn yr amser sydd wrth ei ochr fan bellaf \((y cyfan ar|y cynharaf) \d+ \S+ 2026 am \d\d:\d\d.*, amser y DU\)/,
    );
    expect(summary).toContain("Mae log Casebook fel y mae wedi'i gyhoeddi nawr yn dal i gynnwys log y pecyn hwn heb ei newid.");
    expect(await page.locator('[data-verify-entry="1"] th').textContent()).toBe('Cofnod 1');
    expect(await page.locator('[data-verify-entry="1"] .govuk-tag').allTextContents()).toEqual(['Ydy', 'Ydy', 'Ydy', 'Ydy']);
    expect(await page.locator('[data-verify-entry="2"] td').first().textContent()).toMatch(
      /; fersiynau: 2, yr olaf \d+ \S+ 2026 am \d\d:\d\d$/,
    );
    await expectAccessible(page, 'Welsh, passed');
    await screenshots(page, 'cy-passed');

    const tampered = await tamperWithPack(pack, (files) => {
      const index = JSON.parse(utf8Decode(files.get('pack.json')!)) as { entries: { id: string }[] };
      const path = `entries/${index.entries[1]!.id}/v1.json`;
      files.set(path, utf8Encode(utf8Decode(files.get(path)!).replace('station', 'Station')));
    });
    await dropPack(page, tampered);
    expect(await page.getByRole('heading', { name: "Ni wnaeth y pecyn hwn basio'r gwiriad" }).count()).toBe(1);
    expect(await page.locator('[data-verify-summary]').textContent()).toMatch(
      /^METHODD Y GWIRIO\. Nifer y problemau: 1\. Ni ellid gwirio 1 cofnod \(cofnod 2\); peidiwch â dibynnu arno heb wirio ymhellach\. Mae'r 3 chofnod arall yn gywir\./,
    );
    expect(await page.locator('[data-verify-problems] li').allTextContents()).toEqual([
      expect.stringMatching(
        /^Cofnod 2, fersiwn 1: nid yw'r testun yr un fath â'r hyn a ymrwymwyd ar \d+ \S+ 2026 am \d\d:\d\d \(amser y DU\)/,
      ),
    ]);
    expect(await page.locator('[data-verify-entry="2"] td .govuk-tag').allTextContents()).toEqual(['Nac ydy', 'Ydy', 'Ydy', 'Ydy']);
    await expectAccessible(page, 'Welsh, failed');
    await screenshots(page, 'cy-failed');
    expect(recorded.requests.every((r) => r.method() === 'GET')).toBe(true);
    await close();
  });

  it('reports a log that is not consistent with the pack, and a log it could not reach as not checked', async () => {
    const { page, close } = await openVerify();
    // A forged proof from "the server": every hash replaced. The tree head is real and signed.
    await page.route('**/api/v1/log/consistency?**', async (route) => {
      const real = (await (await route.fetch()).json()) as { from: number; to: number; proof: string[] };
      await route.fulfill({ json: { ...real, proof: real.proof.map(() => Buffer.from(randomBytes(32)).toString('base64url')) } });
    });
    await dropPack(page, pack);
    expect(await page.locator('[data-verify-outcome]').getAttribute('data-verify-outcome')).toBe('failed');
    expect(await page.locator('[data-verify-consistency="failed"]').textContent()).toMatch(
      /^FAILED: Casebook’s log as published now \(\d+ entries, .*\) is not consistent with the log in this pack\./,
    );
    expect(await page.locator('[data-verify-summary]').textContent()).toContain(
      "Each entry passed its own checks, but Casebook's log as published now does not contain the pack's log unchanged.",
    );
    expect(await page.locator('[data-verify-problems] li').allTextContents()).toEqual([
      expect.stringMatching(/has been rewritten since the pack was made\.$/),
    ]);
    await page.unroute('**/api/v1/log/consistency?**');

    await page.route('**/.well-known/casebook-log.json', (route) => route.abort('internetdisconnected'));
    await page.locator('[data-verify-input="pack"]').setInputFiles([]);
    await dropPack(page, pack);
    expect(await page.locator('[data-verify-outcome]').getAttribute('data-verify-outcome')).toBe('passed');
    expect(await page.locator('[data-verify-consistency="not-checked"]').textContent()).toBe(
      'Not checked — which is not a failure: Casebook’s published log could not be fetched (/.well-known/casebook-log.json could not be reached (offline?)). Check again when online.',
    );
    expect(await page.locator('[data-verify-summary]').textContent()).toContain('The signatures were checked with the key inside the pack');
    await close();
  });

  it('says clearly what is wrong with a file that cannot be checked', async () => {
    const { page, close } = await openVerify();
    const cases: [string, Uint8Array, string][] = [
      ['notes.txt', utf8Encode('just some text'), 'This file is not a ZIP file, so it is not a Casebook evidence pack.'],
      ['record.pdf', pdf, 'This is a PDF, not the pack’s ZIP file.'],
      [
        'photos.zip',
        deterministicZip([{ path: 'IMG_1.jpg', bytes: randomBytes(100) }]),
        'This ZIP has no manifest.json, so it is not a Casebook evidence pack.',
      ],
      [
        'future.zip',
        await tamperWithPack(pack, (files) => {
          const manifest = JSON.parse(utf8Decode(files.get('manifest.json')!)) as Record<string, unknown>;
          files.set('manifest.json', utf8Encode(JSON.stringify({ ...manifest, formatVersion: 2 })));
        }),
        'This pack is in format 2; this verifier reads format 1. Use a newer verifier.',
      ],
    ];
    for (const [name, bytes, message] of cases) {
      await dropPack(page, bytes, name);
      expect(await page.locator('[data-verify-outcome]').getAttribute('data-verify-outcome')).toBe('unusable');
      expect(await page.locator('.casebook-verify__unusable').textContent()).toContain(`${name}: ${message}`);
      if (name === 'future.zip') {
        await expectAccessible(page, 'unusable');
        await screenshots(page, 'unusable');
      }
    }

    // The bounds, lowered in the page so the test need not make a gigabyte: an oversized file is refused
    // unread, and a small ZIP that would unpack far beyond the bound (a zip bomb) is refused before unpacking.
    await page.locator('[data-verify]').evaluate((element) => ((element as HTMLElement).dataset.maxZipBytes = String(2 * 2 ** 20)));
    await dropPack(page, new Uint8Array(3_000_000), 'huge.zip');
    expect(await page.locator('.casebook-verify__unusable').textContent()).toContain(
      'huge.zip: This file is 3.0 MB, more than this page can check in a browser (2.1 MB).',
    );
    const bomb = deterministicZip([{ path: 'manifest.json', bytes: new Uint8Array(64 * 2 ** 20) }]);
    expect(bomb.length).toBeLessThan(100_000);
    await dropPack(page, bomb, 'bomb.zip');
    expect(await page.locator('.casebook-verify__unusable').textContent()).toContain(
      'bomb.zip: The ZIP unpacks to more than 3 MiB, larger than any evidence pack',
    );
    await page.locator('[data-verify]').evaluate((element) => ((element as HTMLElement).dataset.maxZipBytes = String(2 ** 30)));

    await dropPack(page, pack);
    await page
      .locator('[data-verify-input="pdf"]')
      .setInputFiles({ name: 'statement.pdf', mimeType: 'application/pdf', buffer: Buffer.from('this is not a pdf') });
    await page.locator('[data-verify-pdf="unusable"]').waitFor();
    expect(await page.locator('[data-verify-pdf]').textContent()).toBe('The PDF (statement.pdf): This file is not a PDF.');
    await page.locator('[data-verify-input="pdf"]').setInputFiles(pdfFile(await pdfNaming(undefined), 'other.pdf'));
    await page.locator('[data-verify-pdf="no-pack-id"]').waitFor();
    await close();
  });

  it('works from the keyboard, and takes a file dropped on the zone round each input', async () => {
    const { page, close } = await openVerify();
    const chooser = page.waitForEvent('filechooser');
    await page.locator('.casebook-verify__privacy').click();
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.matches('[data-verify-input="pack"]'))); i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('verify-pack');
    await page.keyboard.press('Space');
    await (await chooser).setFiles(zipFile(pack));
    await page.locator('[data-verify-outcome="passed"]').waitFor({ timeout: 30_000 });

    // A drag and drop, as the browser delivers it, onto the PDF's zone.
    await page
      .locator('[data-verify-drop-zone]')
      .nth(1)
      .evaluate(
        (zone, bytes) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([new Uint8Array(bytes)], 'dropped.pdf', { type: 'application/pdf' }));
          zone.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
          zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        },
        [...pdf],
      );
    await page.locator('[data-verify-pdf="matches"]').waitFor();
    expect(await page.locator('[data-verify-pdf]').textContent()).toContain('The PDF (dropped.pdf): it was made with this ZIP file');
    await close();
  });

  it('without JavaScript says it cannot check, and how else to', async () => {
    const context = await newContext(h.browser, DESKTOP, false);
    const page = await context.newPage();
    await page.goto(`${h.server.url}/verify`);
    expect(await page.getByRole('heading', { name: 'This check needs JavaScript' }).isVisible()).toBe(true);
    expect(await page.getByText('npm run verify -- pack.zip').first().isVisible()).toBe(true);
    expect(await page.locator('[data-verify-form]').isVisible()).toBe(false);
    await saveScreenshot(page, 'verify-no-js-desktop');
    await context.close();
  });
});

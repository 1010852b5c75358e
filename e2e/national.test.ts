// Casebook as a national service, proved with real parts: three app processes (each its own DATA_DIR, as on
// three machines) on PostgreSQL and an S3-protocol bucket, behind HAProxy (round robin, no sticky sessions).
// Chromium runs the victim's journey (account, entries, a photo, an evidence pack) and the helpline's (a person
// through the balancer, a caseworker on one process). In the middle one process is killed with SIGKILL; both
// journeys finish on the others, every acknowledged save is in the pack, and the pack verifies offline and
// against the published log.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPublishedLog, verifyEvidencePack } from '../src/crypto/evidence-pack/index.ts';
import { postgresAvailable } from '../test/support/postgres.ts';
import { seedRecord } from './evidence-pack-seed.ts';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, newContext } from './support/browser.ts';
import { type Cluster, clusterUnavailable, startCluster } from './support/cluster.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { createAdminSetupCode, createTeamKeyOverHttp, type HttpMember, STAFF_PASSWORD, setUpMember } from './support/talk.ts';
import { addNote, PASSPHRASE, unlock } from './vault-flows.ts';

const missing = clusterUnavailable() ?? ((await postgresAvailable()) ? undefined : 'no PostgreSQL server answers');
if (missing && process.env.CI) throw new Error(`The national-service test needs ${missing}; scripts/test.ts installs HAProxy as root.`);
if (missing) console.warn(`National-service test SKIPPED: ${missing}.`);

describe.skipIf(missing !== undefined)('three app processes behind HAProxy, one killed mid-journey', { timeout: 180_000 }, () => {
  let cluster: Cluster;
  const servers: RunningServer[] = [];
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [cluster, browser] = await Promise.all([
      startCluster({
        processes: 3,
        start: async (env) => {
          // What `npm start` runs (the bundle starts in a fraction of the time); three at once on two cores.
          const server = await startServer({ ...env, LOG_LEVEL: 'debug' }, 60_000, ['--max-semi-space-size=2', 'dist/server/main.js']);
          servers.push(server);
          return server;
        },
      }),
      launchBrowser(),
    ]);
  }, 90_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await cluster?.stop();
  });

  const open = async (): Promise<Page> => {
    const context = await newContext(browser);
    contexts.push(context);
    return context.newPage();
  };
  /** Requests each process has answered so far (its own request log at debug level: method, path and status only). */
  const served = () =>
    servers.map(
      (s) =>
        s
          .logs()
          .split('\n')
          .filter((line) => line.includes('"request completed"')).length,
    );

  it('the victim and the helpline journeys finish on the other processes, nothing acknowledged is lost, the pack verifies', async () => {
    const [first, doomed, survivor] = cluster.processes as [
      (typeof cluster.processes)[0],
      (typeof cluster.processes)[0],
      (typeof cluster.processes)[0],
    ];
    await cluster.backendsBecome({ app1: 'UP', app2: 'UP', app3: 'UP' });

    // The caseworker works on one process, straight to it; the person writes through the balancer.
    const caseworker: HttpMember = await setUpMember(
      survivor.url,
      createAdminSetupCode({ ...cluster.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'casebook-admin-')) }),
    );
    await createTeamKeyOverHttp(survivor.url, caseworker);
    const person = await open();
    await person.goto(`${cluster.url}/talk/helpline`);
    await person.getByRole('button', { name: 'Start a new conversation' }).click();
    const words = await person.locator('[data-talk-code] li').allTextContents();
    for (const label of ['talk-check-1', 'talk-check-2']) {
      const n = Number(/Word (\d+)/.exec((await person.locator(`label[for="${label}"]`).textContent()) ?? '')![1]);
      await person.locator(`#${label}`).fill(words[n - 1]!);
    }
    await person.getByLabel(/I have written down my code/).check();
    await person.getByRole('button', { name: 'Start the conversation' }).click();
    await person.getByRole('heading', { name: 'Your conversation' }).waitFor();
    await person.getByLabel('Your message').fill('He was outside my work again today.');
    await person.getByRole('button', { name: 'Send message' }).click();
    await person.locator('[data-author="person"]', { hasText: 'outside my work' }).waitFor();

    // The victim: an account and a record made by the diary's own code through the balancer, then a photo note.
    const diary = await open();
    await diary.goto(`${cluster.url}/diary`);
    const seeded = await seedRecord(diary, {
      passphrase: PASSPHRASE,
      incidents: 2,
      photos: 1,
      photoBytes: 40_000,
      editEvery: 2,
      note: false,
    });
    await unlock(diary, seeded.username, PASSPHRASE);
    const photo = { name: 'car.jpg', mimeType: 'image/jpeg', buffer: readFileSync('test/fixtures/forums/photo-with-gps.jpg') };
    await addNote(diary, 'NoteBeforeCrash: his car outside the gym.', photo);
    // Round robin really spread the work: every process has answered the journeys' requests.
    for (const count of served()) expect(count).toBeGreaterThan(5);

    // A machine is lost mid-journey.
    await doomed.kill();
    await addNote(diary, 'NoteAfterCrash: a second call from a withheld number.');

    const staff = await open();
    const [name, value] = caseworker.cookie.split('=') as [string, string];
    await staff.context().addCookies([{ name, value, url: survivor.url }]);
    await staff.goto(`${survivor.url}/staff/queue`);
    await staff.getByLabel(/Enter your password/).fill(STAFF_PASSWORD);
    await staff.getByRole('button', { name: 'Open' }).click();
    await staff.getByRole('heading', { name: 'Queue' }).waitFor({ timeout: 30_000 });
    await staff.locator('[data-queue-list] button').first().click();
    await staff.getByText('He was outside my work again today.').waitFor();
    await staff.getByLabel('Reply', { exact: true }).fill('Thank you. Write each time down, with the date and time.');
    await staff.getByRole('button', { name: 'Send reply' }).click();
    // Live, across processes: the person's stream is on whichever process the balancer chose.
    await person.locator('[data-author="staff"]', { hasText: 'Write each time down' }).waitFor({ timeout: 15_000 });
    expect(await axeViolations(person)).toEqual([]);
    await saveScreenshot(person, 'national-helpline-after-crash');

    await diary.locator('.casebook-diary-menu').getByRole('button', { name: 'Your record', exact: true }).click();
    await diary.getByRole('button', { name: 'Make an evidence pack' }).click({ timeout: 30_000 });
    await diary.getByRole('button', { name: 'Make the pack' }).click({ timeout: 60_000 });
    await diary.getByRole('heading', { name: 'Your pack is ready' }).waitFor({ timeout: 90_000 });
    await saveScreenshot(diary, 'national-pack-ready');
    const [download] = await Promise.all([
      diary.waitForEvent('download'),
      diary.getByRole('button', { name: /^Download the ZIP/ }).click(),
    ]);
    const zip = new Uint8Array(readFileSync((await download.path())!));

    // Every acknowledged save is there: the seeded versions and both notes, with the photos, all verified.
    const published = await fetchPublishedLog(zip, cluster.url);
    expect(published.status).toBe('fetched');
    if (published.status !== 'fetched') return;
    const report = await verifyEvidencePack(zip, published.options);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.keyTrust).toBe('independent');
    expect(report.entries).toHaveLength(2 + 2);
    expect(report.entries.reduce((n, e) => n + e.versions.length, 0)).toBe(seeded.versions + 2);
    for (const entry of report.entries) expect(entry.verified).toBe(true);
    expect(report.attachments.length).toBeGreaterThanOrEqual(1);
    for (const file of report.attachments) expect(file.verified, file.name).toBe(true);

    // The balancer took the dead process out; the others still agree on one log.
    await cluster.backendsBecome({ app1: 'UP', app2: 'DOWN', app3: 'UP' });
    const heads = await Promise.all(
      [first, survivor].map(
        async (p) =>
          (await (await fetch(`${p.url}/.well-known/casebook-log.json`)).json()) as { keys: unknown; treeHead: { treeSize: number } },
      ),
    );
    expect(heads[0]!.keys).toEqual(heads[1]!.keys);
    expect(heads[0]!.treeHead.treeSize).toBe(heads[1]!.treeHead.treeSize);
  });
});

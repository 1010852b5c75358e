import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Secret, TOTP } from 'otpauth';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { base64urlDecode } from '../src/crypto/encoding.ts';
import { deriveKeys } from '../src/crypto/kdf.ts';
import { openTeamKeys, unwrapMemberPrivateKey, x25519PublicKeyOf } from '../src/crypto/team-keys.ts';
import type { KeysAnswer } from '../src/web/staff/keys.ts';
import { axeViolations } from './support/axe.ts';
import { DESKTOP, newContext, PHONE, watchForProblems } from './support/browser.ts';
import { useHarness } from './support/harness.ts';
import { saveScreenshot } from './support/screenshots.ts';

const run = promisify(execFile);
const h = useHarness();
// WebAuthn does not accept an IP address as the relying party, so the workspace is opened as localhost.
const base = () => h.server.url.replace('127.0.0.1', 'localhost');

const ADMIN_PASSWORD = 'admin horse battery staple';
const WORKER_PASSWORD = 'caseworker river lantern 42';
const CASEY_NEW_PASSWORD = 'orchard pebble violin tuesday';

const code = (secret: string, offsetMs = 0) =>
  new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + offsetMs });

/** axe, then screenshots at 1280 px and (in a phone-sized context with the same cookies) 390 px. */
async function check(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await axeViolations(page), name).toEqual([]);
  await saveScreenshot(page, `staff-${name}-desktop`);
  const phone = await newContext(h.browser, PHONE);
  await phone.addCookies(await page.context().cookies());
  const p = await phone.newPage();
  await p.goto(page.url());
  await p.waitForLoadState('networkidle');
  await saveScreenshot(p, `staff-${name}-phone`);
  await phone.close();
}

/** A Chromium virtual authenticator (CTAP2, resident keys, user verification), as a platform passkey would be. */
async function addVirtualAuthenticator(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

async function setUp(page: Page, setupCode: string, password: string): Promise<string> {
  await page.goto(`${base()}/staff/set-up`);
  await page.getByLabel('Set-up code').fill(setupCode);
  await page.getByRole('button', { name: 'Continue' }).click();
  const secret = (await page.locator('[data-totp-secret]').textContent())!.replace(/\s/g, '');
  expect(await page.locator('[data-totp-uri]').textContent()).toMatch(/^otpauth:\/\/totp\/Casebook%20workspace:/);
  void password;
  return secret.length > 0 ? secret : Promise.reject(new Error('no secret shown'));
}

async function finishSetUp(page: Page, secret: string, password: string): Promise<void> {
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Password again').fill(password);
  await page.getByLabel('Code your app now shows').fill(code(secret));
  await page.getByRole('button', { name: 'Finish setting up' }).click();
  await page.waitForURL(`${base()}/staff`, { timeout: 60_000 });
}

describe('the staff workspace in Chromium', { timeout: 300_000 }, () => {
  it('first administrator, passkey, a new caseworker, the team key, roles, sign-in both ways and the audit log', async () => {
    const { stdout } = await run(
      process.execPath,
      ['scripts/staff-create-admin.ts', '--sign-in-name', 'alex', '--display-name', 'Alex Admin'],
      {
        env: { ...process.env, DATA_DIR: h.server.dataDir, NODE_ENV: 'test' },
      },
    );
    const firstCode = /Set-up code[^:]*: ([A-Z0-9-]+)/.exec(stdout)![1]!;
    // The bootstrap cannot be used to add a second administrator; a lost code can be replaced.
    const again = await run(process.execPath, ['scripts/staff-create-admin.ts', '--sign-in-name', 'other', '--display-name', 'Other'], {
      env: { ...process.env, DATA_DIR: h.server.dataDir },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('waiting to be set up');
    const reissued = await run(process.execPath, ['scripts/staff-create-admin.ts', '--new-code', '--sign-in-name', 'alex'], {
      env: { ...process.env, DATA_DIR: h.server.dataDir },
    });
    const adminCode = /Set-up code[^:]*: ([A-Z0-9-]+)/.exec(reissued.stdout)![1]!;
    expect(adminCode).not.toBe(firstCode);

    // Signed out: the workspace sends you to sign in; the page is neutral, unindexed, uncached.
    const admin = await newContext(h.browser, DESKTOP);
    const page = await admin.newPage();
    const problems = watchForProblems(page, new URL(base()).origin, { allowBlob: true });
    const response = await page.goto(`${base()}/staff/audit`);
    expect(page.url()).toBe(`${base()}/staff/sign-in?next=%2Fstaff%2Faudit`);
    expect(response!.headers()['cache-control']).toBe('no-store');
    expect(await page.title()).toBe('Sign in – Casebook workspace');
    await check(page, 'sign-in');

    await page.goto(`${base()}/staff/set-up`);
    await check(page, 'set-up-code');
    const adminSecret = await setUp(page, adminCode, ADMIN_PASSWORD);
    await saveScreenshot(page, 'staff-set-up-details-desktop');
    expect(await axeViolations(page)).toEqual([]);
    await finishSetUp(page, adminSecret, ADMIN_PASSWORD);
    expect(await page.locator('h1').textContent()).toBe('Hello, Alex Admin');
    await check(page, 'home');

    // A passkey, registered with a real (virtual) authenticator.
    await addVirtualAuthenticator(admin, page);
    await page.getByRole('link', { name: 'Your account', exact: true }).click();
    await page.getByLabel('Name for a new passkey').fill('Work laptop');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await expect
      .poll(
        async () =>
          `${await page.locator('[data-account-status]').textContent()} ${await page
            .locator('.govuk-error-summary')
            .textContent()
            .catch(() => '')}`,
        { timeout: 20_000 },
      )
      .toContain('Passkey “Work laptop” added');
    await check(page, 'account');

    // A new caseworker.
    await page.getByRole('link', { name: 'Team', exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill('Casey Worker');
    await page.getByLabel('Sign-in name').fill('casey');
    await page.getByRole('button', { name: 'Add and make a set-up code' }).click();
    const caseyCode = (await page.locator('[data-setup-code]').textContent())!;
    await check(page, 'team');

    const casey = await newContext(h.browser, DESKTOP);
    const cPage = await casey.newPage();
    const cProblems = watchForProblems(cPage, new URL(base()).origin, { allowBlob: true });
    const caseySecret = await setUp(cPage, caseyCode, WORKER_PASSWORD);
    await finishSetUp(cPage, caseySecret, WORKER_PASSWORD);
    // Roles are enforced: no Team or Audit link, and the pages refuse.
    expect(await cPage.getByRole('link', { name: 'Team', exact: true }).count()).toBe(0);
    const forbidden = await cPage.goto(`${base()}/staff/team`);
    expect(forbidden!.status()).toBe(403);
    expect(await cPage.locator('h1').textContent()).toBe('You cannot open this page');
    await check(cPage, 'forbidden');
    expect(await cPage.evaluate(() => fetch('/api/staff/members').then((r) => r.status))).toBe(403);
    expect(
      await cPage.evaluate(() =>
        fetch('/api/staff/keys')
          .then((r) => r.json())
          .then((b: { grant: unknown }) => b.grant),
      ),
    ).toBeNull();

    // The administrator opens the team key in their browser and gives it to Casey.
    await page.reload();
    await page.getByLabel('Enter your password to manage the team key').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('button', { name: /Give the team key to Casey Worker/ }).click();
    await expect.poll(() => page.locator('[data-team-status]').textContent(), { timeout: 20_000 }).toContain('given to 1 person');
    const grant = await cPage.evaluate(() =>
      fetch('/api/staff/keys')
        .then((r) => r.json())
        .then((b: { grant: { version: number } | null }) => b.grant),
    );
    expect(grant?.version).toBe(1);

    // Someone leaves: they are turned off, and the administrator's browser rotates the team key.
    await page.getByLabel('Name', { exact: true }).fill('Lee Leaver');
    await page.getByLabel('Sign-in name').fill('lee');
    await page.getByRole('button', { name: 'Add and make a set-up code' }).click();
    const leeCode = (await page.locator('[data-setup-code]').textContent())!;
    const lee = await newContext(h.browser, DESKTOP);
    const lPage = await lee.newPage();
    await finishSetUp(lPage, await setUp(lPage, leeCode, WORKER_PASSWORD), WORKER_PASSWORD);
    await page.reload();
    await page.getByLabel('Enter your password to manage the team key').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('button', { name: /Give the team key to Lee Leaver/ }).click();
    await expect.poll(() => page.locator('[data-team-status]').textContent(), { timeout: 20_000 }).toContain('given to 1 person');
    await page.getByRole('button', { name: 'Turn off account of Lee Leaver' }).click();
    await expect.poll(() => page.locator('[data-team-status]').textContent(), { timeout: 20_000 }).toContain('Now make a new team key');
    expect(await lPage.evaluate(() => fetch('/api/staff/keys').then((r) => r.status))).toBe(401);
    await page.getByRole('button', { name: 'Make a new team key' }).click();
    await expect.poll(() => page.locator('[data-team-status]').textContent(), { timeout: 20_000 }).toContain('version 2');
    await lee.close();

    // Casey changes her password: her browser opens her key with the old one and wraps it with the new one.
    await cPage.goto(`${base()}/staff/account`);
    await cPage.getByLabel('Current password').fill(WORKER_PASSWORD);
    await cPage.getByLabel('New password', { exact: true }).fill('password123456');
    await cPage.getByLabel('New password again').fill('password123456');
    await cPage.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => cPage.locator('.govuk-error-summary').textContent(), { timeout: 20_000 }).toContain('easy to guess');
    await cPage.getByLabel('New password', { exact: true }).fill(CASEY_NEW_PASSWORD);
    await cPage.getByLabel('New password again').fill(CASEY_NEW_PASSWORD);
    await cPage.getByRole('button', { name: 'Change password' }).click();
    await cPage.locator('[data-password-changed]').waitFor({ timeout: 30_000 });

    // What Casey's browser would unlock, opened here with the real primitives: her password opens her key, her
    // grant opens team key 2, and key 2 opens key 1, so older conversations stay readable.
    const keysAnswer = (await cPage.evaluate(() => fetch('/api/staff/keys').then((r) => r.json()))) as KeysAnswer;
    const { wrappingKey } = await deriveKeys(
      CASEY_NEW_PASSWORD,
      base64urlDecode(keysAnswer.member!.kdf.salt),
      keysAnswer.member!.kdf.version,
    );
    const memberKey = await unwrapMemberPrivateKey(keysAnswer.member!.wrappedPrivateKey, wrappingKey);
    const team = await openTeamKeys(memberKey, keysAnswer.grant!, keysAnswer.team);
    expect(team.version).toBe(2);
    expect([...team.privateKeys.keys()].sort()).toEqual([1, 2]);
    expect(x25519PublicKeyOf(team.privateKeys.get(2)!)).toEqual(team.publicKey);

    // Sign out, then back in with the passkey alone.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/staff\/sign-in/);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.waitForURL(`${base()}/staff`, { timeout: 20_000 });

    // Casey signs in afresh with password + the next TOTP code (the set-up code's step cannot be replayed).
    const fresh = await newContext(h.browser, DESKTOP);
    const fPage = await fresh.newPage();
    await fPage.goto(`${base()}/staff/sign-in`);
    await fPage.getByLabel('Sign-in name').fill('casey');
    await fPage.getByLabel('Password', { exact: true }).fill('not the password');
    await fPage.getByLabel('Code from your authenticator app').fill(code(caseySecret, 30_000));
    await fPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect
      .poll(() => fPage.locator('.govuk-error-summary').textContent(), { timeout: 20_000 })
      .toContain('Those details do not match');
    await check(fPage, 'sign-in-error');
    await fPage.getByLabel('Password', { exact: true }).fill(CASEY_NEW_PASSWORD);
    await fPage.getByLabel('Code from your authenticator app').fill(code(caseySecret, 30_000));
    await fPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await fPage.waitForURL(`${base()}/staff`, { timeout: 30_000 });

    // The audit log shows what happened, filterable, chain intact.
    await page.goto(`${base()}/staff/audit`);
    expect(await page.locator('[data-audit-chain]').getAttribute('data-audit-chain')).toBe('page-ok');
    await page.getByRole('link', { name: 'Check the whole log' }).click();
    expect(await page.locator('[data-audit-chain]').getAttribute('data-audit-chain')).toBe('ok');
    const text = await page.locator('table').textContent();
    for (const action of [
      'staff.account_create',
      'staff.setup_complete',
      'staff.passkey_add',
      'staff.team_key_create',
      'staff.team_key_grant',
      'staff.account_disable',
      'staff.team_key_rotate',
      'staff.password_change',
      'staff.sign_out',
      'staff.sign_in',
      'staff.sign_in_failed',
    ]) {
      expect(text, action).toContain(action);
    }
    await check(page, 'audit');
    await page.getByText('Filter the log').click();
    await page.getByLabel('Action').fill('staff.sign_in');
    await page.getByRole('button', { name: 'Show entries' }).click();
    const rows = await page.locator('tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row).toMatch(/staff\.sign_in(?!_failed)/);
    expect(rows.join(' ')).toContain('method: passkey');
    await page.goto(`${base()}/staff/audit?from=yesterday`);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the “from” date');
    await check(page, 'audit-filter-error');

    // Nothing off-origin, no CSP violations, no script errors; the page never stored anything.
    expect([...problems, ...cProblems]).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
    await Promise.all([admin.close(), casey.close(), fresh.close()]);
  });
});

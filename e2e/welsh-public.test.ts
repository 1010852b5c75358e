import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { QUESTIONS } from '../src/domain/risk-screen/index.ts';
import { loadMessages } from '../src/server/setup/messages.ts';
import { axeViolations } from './support/axe.ts';
import { DESKTOP, newContext, PHONE, recordOffOrigin } from './support/browser.ts';
import { useHarness } from './support/harness.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { createAdminSetupCode, createTeamKeyOverHttp, type HttpMember, STAFF_PASSWORD, setUpMember } from './support/talk.ts';

// The public pages new in Welsh (directory, risk screen) in Chromium at 390 px: found by a Welsh postcode,
// switching language keeps the place, the risk screen with and without JavaScript, axe on each page, and
// nothing left on the device.
const h = useHarness();
let caseworker: HttpMember;
beforeAll(async () => {
  caseworker = await setUpMember(h.server.url, createAdminSetupCode({ DATA_DIR: h.server.dataDir }));
  await createTeamKeyOverHttp(h.server.url, caseworker);
}, 120_000);
const cy = loadMessages('risk-screen').cy as unknown as { questions: Record<string, { text: string; statement: string }> };

async function checkWelshPage(page: Page, name: string, failures: string[]): Promise<void> {
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('cy');
  for (const violation of await axeViolations(page)) failures.push(`${name}: ${violation}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, name).toBeLessThanOrEqual(0);
  await saveScreenshot(page, `phone_cy_${name}`);
}

async function nothingStored(page: Page): Promise<void> {
  const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
  expect(stored).toEqual({ local: 0, session: 0 });
  expect(await page.context().cookies()).toEqual([]);
}

describe('the Welsh directory and risk screen in Chromium at 390 px', () => {
  it('finds support by a Welsh postcode, keeps the place across languages, and checks risk in Welsh with JavaScript', async () => {
    const context = await newContext(h.browser, PHONE);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const offOrigin = recordOffOrigin(page, h.server.origin);
    const failures: string[] = [];

    // From the Welsh get-help page to the Welsh directory, then a Swansea postcode.
    await page.goto(h.server.url + '/cy/get-help');
    await page.getByRole('link', { name: 'Dod o hyd i gymorth', exact: true }).first().click();
    await page.waitForURL(h.server.url + '/cy/get-help/support-directory');
    await page.getByLabel('Cod post').fill('SA1 1AA');
    await page.getByRole('button', { name: 'Dod o hyd i gymorth' }).click();
    await page.waitForURL(/\/cy\/get-help\/support-directory\?postcode=SA1/);
    await expect(page.getByRole('link', { name: 'Live Fear Free' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'South Wales Police' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Dyfed-Powys Police' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('main').textContent()).resolves.toContain("Yn dangos gwasanaethau ar gyfer codau post sy'n dechrau SA");
    await checkWelshPage(page, 'support-directory_postcode', failures);

    // A filter, then English and back: the same filter and area, never the full postcode.
    const stalking = page.locator('input[name="need"][value="stalking"]');
    await expect(page.locator('label[for="need"]').textContent()).resolves.toMatch(/^\s*Stelcian \(\d+\)\s*$/);
    await stalking.check();
    await page.getByRole('button', { name: 'Dangos gwasanaethau' }).click();
    await page.waitForURL(/need=stalking/);
    await page.getByRole('link', { name: /English/ }).click();
    await page.waitForURL(h.server.url + '/get-help/support-directory?need=stalking&postcode=SA1');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('label[for="need"]').textContent()).resolves.toMatch(/^\s*Stalking \(\d+\)\s*$/);
    await expect(stalking.isChecked()).resolves.toBe(true);
    await page.getByRole('link', { name: /Cymraeg/ }).click();
    await page.waitForURL(h.server.url + '/cy/get-help/support-directory?need=stalking&postcode=SA1');
    await expect(page.getByLabel('Cod post').inputValue()).resolves.toBe('SA1');

    // A service page in Welsh around English data, its "open now" line in Welsh (Live Fear Free is filed
    // under domestic abuse, not stalking).
    await page.goto(h.server.url + '/cy/get-help/support-directory?postcode=SA1');
    await page.getByRole('link', { name: 'Live Fear Free' }).click();
    await page.waitForURL(h.server.url + '/cy/get-help/support-directory/live-fear-free');
    await expect(page.locator('h1[lang="en"]').textContent()).resolves.toBe('Live Fear Free');
    await expect(page.locator('[data-live-status="live-fear-free"]').first().textContent()).resolves.toMatch(/^Ar agor/);
    await checkWelshPage(page, 'support-directory_live-fear-free', failures);
    await page.setViewportSize(DESKTOP);
    await saveScreenshot(page, 'desktop_cy_support-directory_live-fear-free');
    await page.setViewportSize(PHONE);

    // The risk screen with JavaScript: one page, errors and result in Welsh, worked out in the browser.
    await page.goto(h.server.url + '/cy/get-help/risk-screen');
    await page.waitForLoadState('networkidle');
    await expect(page.locator('[data-risk-screen-form] fieldset').count()).resolves.toBe(QUESTIONS.length);
    await checkWelshPage(page, 'risk-screen_one-page', failures);
    await page.getByRole('button', { name: 'Gweld eich canlyniad' }).click();
    await expect(page.locator('.govuk-error-summary li').first().textContent()).resolves.toBe(
      'Cwestiwn 1: dewiswch ie, na neu ddim yn siŵr',
    );
    await expect(page.locator('#frightened-error').textContent()).resolves.toBe('Gwall: Dewiswch ie, na neu ddim yn siŵr');
    await expect(page.title()).resolves.toMatch(/^Gwall: Gwirio eich risg/);
    await checkWelshPage(page, 'risk-screen_one-page-errors', failures);
    const posted: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET') posted.push(request.url());
    });
    for (const question of QUESTIONS) await page.locator(`#${question.id}${question.id === 'threats' ? '' : '-2'}`).check();
    await page.getByRole('button', { name: 'Gweld eich canlyniad' }).click();
    await expect(page.locator('[data-risk-screen-result] h1').textContent()).resolves.toBe(
      'Gallech chi fod mewn risg uchel o niwed difrifol',
    );
    await expect(page.locator('[data-risk-screen-list="yes"]').textContent()).resolves.toBe(cy.questions.threats!.statement);
    await expect(page.locator('[data-risk-screen-result] [data-risk-screen-wales]').textContent()).resolves.toContain('Byw Heb Ofn');
    await expect(page.title()).resolves.toBe('Gwirio eich risg – eich canlyniad – Casebook');
    expect(posted).toEqual([]);
    await checkWelshPage(page, 'risk-screen_result-high', failures);
    await page.setViewportSize(DESKTOP);
    await saveScreenshot(page, 'desktop_cy_risk-screen_result-high');

    expect(failures).toEqual([]);
    expect(offOrigin).toEqual([]);
    await nothingStored(page);
    await context.close();
  });

  it('checks risk in Welsh without JavaScript, one question per page', async () => {
    const context = await newContext(h.browser, PHONE, false);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(h.server.url + '/cy/get-help/risk-screen');
    await page.getByRole('button', { name: 'Dechrau nawr' }).click();
    for (const [index, question] of QUESTIONS.entries()) {
      await expect(page.locator('legend').textContent()).resolves.toContain(`Cwestiwn ${index + 1} o ${QUESTIONS.length}`);
      if (index === 0) {
        await page.getByRole('button', { name: 'Parhau' }).click();
        await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Dewiswch ie, na neu ddim yn siŵr');
      }
      await page.getByLabel('Na', { exact: true }).check();
      await page.getByRole('button', { name: 'Parhau' }).click();
      expect(question.id).toBeTruthy();
    }
    await expect(page.locator('h1').textContent()).resolves.toBe('Mae unrhyw stelcian yn ddifrifol');
    await expect(page.locator('main').textContent()).resolves.toContain('Byw Heb Ofn');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('cy');
    await saveScreenshot(page, 'phone_cy_risk-screen_no-js_result');
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it('talks to the helpline in Welsh, and the caseworker sees the person wrote in Welsh', async () => {
    const context = await newContext(h.browser, PHONE);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const offOrigin = recordOffOrigin(page, h.server.origin);
    const failures: string[] = [];

    await page.goto(h.server.url + '/talk/helpline');
    await page.getByRole('link', { name: /Cymraeg/ }).click();
    await page.waitForURL(h.server.url + '/cy/talk/helpline');
    expect(await page.title()).toBe('Casebook');
    await page.getByRole('button', { name: 'Dechrau sgwrs newydd' }).waitFor();
    await checkWelshPage(page, 'talk_choose', failures);
    await page.getByRole('button', { name: 'Dechrau sgwrs newydd' }).click();
    // The code not written down yet: the error summary in Welsh.
    await page.getByRole('button', { name: "Dechrau'r sgwrs" }).click();
    await page.getByRole('heading', { name: 'Mae problem' }).waitFor();
    await expect(page.locator('.govuk-error-summary li').last().textContent()).resolves.toBe(
      'Cadarnhewch eich bod wedi ysgrifennu eich cod',
    );
    await checkWelshPage(page, 'talk_code_errors', failures);
    const words = await page.locator('[data-talk-code] li').allTextContents();
    expect(words).toHaveLength(9);
    for (const label of ['talk-check-1', 'talk-check-2']) {
      const text = await page.locator(`label[for="${label}"]`).textContent();
      const n = Number(/^Gair (\d+)$/.exec(text?.trim() ?? '')![1]);
      await page.locator(`#${label}`).fill(words[n - 1]!);
    }
    await page.getByLabel(/Rydw i wedi ysgrifennu fy nghod/).check();
    await page.getByRole('button', { name: "Dechrau'r sgwrs" }).click();
    await page.getByRole('heading', { name: 'Eich sgwrs' }).waitFor();
    await page.getByLabel('Eich neges').fill("Mae rhywun yn aros y tu allan i'r gwaith bob dydd.");
    await page.getByRole('button', { name: 'Anfon y neges' }).click();
    await page.locator('[data-author="person"]', { hasText: 'aros y tu allan' }).waitFor();
    await expect(page.locator('[data-author="person"] .casebook-talk__meta').textContent()).resolves.toMatch(/^Chi, /);
    await checkWelshPage(page, 'talk_conversation', failures);
    await nothingStored(page);

    // The caseworker's workspace stays English and says the person wrote in Welsh.
    const staffContext = await newContext(h.browser, DESKTOP);
    const staff = await staffContext.newPage();
    const [name, value] = caseworker.cookie.split('=') as [string, string];
    await staffContext.addCookies([{ name, value, url: h.server.url }]);
    await staff.goto(`${h.server.url}/staff/queue`);
    await staff.getByLabel(/Enter your password/).fill(STAFF_PASSWORD);
    await staff.getByRole('button', { name: 'Open' }).click();
    await staff.getByRole('heading', { name: 'Queue' }).waitFor({ timeout: 30_000 });
    await expect(staff.locator('[data-queue-language]').first().textContent()).resolves.toBe('Welsh (Cymraeg)');
    await staff.locator('[data-queue-list] button').first().click();
    await staff.getByText("Mae rhywun yn aros y tu allan i'r gwaith").waitFor();
    await expect(staff.locator('[data-conversation-language]').textContent()).resolves.toBe('Welsh (Cymraeg)');
    await saveScreenshot(staff, 'desktop_staff_conversation_welsh');

    expect(failures).toEqual([]);
    expect(offOrigin).toEqual([]);
    await staffContext.close();
    await context.close();
  }, 90_000);
});

// The private record in Welsh at /cy/diary, in real Chromium at 390 px: create an account, the recovery key,
// a guided entry, a quick note, the timeline, the evidence pack's choices, patterns and "what the law needs", locking and unlocking, with
// axe on each screen. The language is only in the address: nothing on the device says it (T1).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { DESKTOP, newContext, PHONE, watchForProblems } from './support/browser.ts';
import { useHarness } from './support/harness.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { deviceStorage, PASSPHRASE } from './vault-flows.ts';

const h = useHarness();
const MARKER = `crychydd-${Date.now().toString(36)}`;

/** axe, no sideways scrolling, a screenshot, and none of the English words the app used to show unless marked as English. */
async function check(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(150);
  expect(await axeViolations(page), name).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  // Words still in English are marked lang="en" (the legal findings' and the charts' sentences, for now).
  const text = await page.evaluate(() => {
    const app = document.getElementById('vault-app')!.cloneNode(true) as HTMLElement;
    for (const english of app.querySelectorAll('[lang="en"]')) english.remove();
    return app.textContent ?? '';
  });
  for (const english of ['Your record', 'Continue', 'Passphrase', 'There is a problem', 'Back', 'Check your'])
    expect(text, `${name} says "${english}"`).not.toContain(english);
  await saveScreenshot(page, `diary-cy-${page.viewportSize()!.width}-${name}`);
}

const menu = (page: Page, name: string) => page.locator('.casebook-diary-menu').getByRole('button', { name, exact: true }).click();

describe('the private record in Welsh', { timeout: 240_000 }, () => {
  it('creates an account, writes a guided entry and reads its patterns and the law, all in Welsh, leaving nothing on the device', async () => {
    const context = await newContext(h.browser, PHONE);
    const page = await context.newPage();
    const problems = watchForProblems(page, h.server.url);

    await page.goto(`${h.server.url}/cy/diary`);
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('cy');
    await expect(page.title()).resolves.toBe('Casebook');
    await page.getByRole('heading', { name: 'Agor eich cofnod' }).waitFor();
    await check(page, 'unlock');

    // Create an account: username, passphrase, recovery key written down and typed back.
    await page.getByRole('button', { name: 'Dechrau cofnod preifat newydd' }).click();
    await page.getByRole('heading', { name: /Dewis enw defnyddiwr/ }).waitFor();
    await page.getByTestId('suggested-username').waitFor();
    await page.getByRole('button', { name: 'Parhau' }).click();
    await page.locator('.govuk-error-summary').getByText('Rhowch enw defnyddiwr').waitFor();
    await check(page, 'username-error');
    await page.getByRole('button', { name: "Defnyddio'r enw defnyddiwr hwn" }).click();
    const username = await page.getByLabel('Enw defnyddiwr').inputValue();
    await page.getByRole('button', { name: 'Parhau' }).click();
    await page.getByRole('heading', { name: /Dewis cyfrinymadrodd/ }).waitFor();
    await page.getByLabel('Cyfrinymadrodd', { exact: true }).fill(PASSPHRASE);
    await page.getByText("Mae'r cyfrinymadrodd hwn yn ddigon cryf.").waitFor();
    await check(page, 'passphrase');
    await page.getByRole('button', { name: 'Parhau' }).click();
    await page.getByRole('heading', { name: 'Ysgrifennwch eich allwedd adfer' }).waitFor({ timeout: 30_000 });
    await page.getByText('Allwedd adfer, 9 grŵp o 4').waitFor();
    const groups = await page.locator('.casebook-vault-recovery-key__group .casebook-vault__code').allTextContents();
    await check(page, 'recovery-key');
    await page.getByRole('button', { name: "Rydw i wedi'i hysgrifennu" }).click();
    await page.getByRole('heading', { name: 'Gwirio eich allwedd adfer' }).waitFor();
    await expect(page.locator('#confirm-hint').textContent()).resolves.toMatch(/^Teipiwch grwpiau \d, \d ac? \d o'r allwedd adfer/);
    for (const label of await page.locator('.govuk-date-input__label').allTextContents()) {
      const number = Number(/Grŵp (\d+)/.exec(label)![1]);
      await page.getByLabel(label).fill(groups[number - 1]!.toLowerCase());
    }
    await check(page, 'recovery-key-check');
    await page.getByRole('button', { name: 'Creu fy nghofnod' }).click();
    await page.getByRole('heading', { name: 'Eich cofnod' }).waitFor({ timeout: 30_000 });
    await check(page, 'timeline-empty');

    // A guided entry, step by step, then straight to the check page.
    await page.getByRole('button', { name: 'Cofnod newydd' }).click();
    await page.getByRole('heading', { name: 'Pryd digwyddodd e?' }).waitFor();
    await page.getByLabel('Dyddiad', { exact: true }).fill('2026-03-03');
    await page.getByLabel('Amser', { exact: true }).fill('18:30');
    await check(page, 'entry-when');
    await page.getByRole('button', { name: 'Parhau' }).click();
    await page.getByRole('heading', { name: 'Ble digwyddodd e?' }).waitFor();
    await page.getByLabel('Ble oeddech chi, neu ble digwyddodd e?').fill('Y tu allan i’r gampfa');
    await page.getByRole('button', { name: 'Parhau' }).click();
    await page.getByRole('button', { name: 'Parhau' }).click();
    await page.locator('.govuk-error-summary').getByText('Beth ddigwyddodd: rhaid iddo beidio â bod yn wag').waitFor();
    await check(page, 'entry-what-error');
    await page.getByLabel('Beth ddigwyddodd, yn eich geiriau eich hun').fill(`Fe wnaeth e fy nilyn i o'r gwaith i'r orsaf. ${MARKER}`);
    await page.getByRole('button', { name: 'Parhau' }).click();
    await page.getByLabel('Eich dilyn').check();
    await page.getByLabel('Bygwth eich brifo').check();
    await check(page, 'entry-behaviours');
    await page.getByRole('button', { name: 'Parhau' }).click();
    await page.getByLabel('Wyneb yn wyneb').check();
    await page.getByRole('button', { name: 'Parhau' }).click();
    await page.getByRole('heading', { name: "Pwy oedd yn rhan ohono, a phwy a'i gwelodd?" }).waitFor();
    await page.getByRole('button', { name: 'Parhau' }).click();
    await page.getByLabel("Roeddwn i'n ofni y bydden nhw'n defnyddio trais yn fy erbyn").check();
    await page.getByLabel('Newidiais fy llwybr neu fy nhrefn').check();
    await check(page, 'entry-effects');
    await page.getByRole('button', { name: 'Neidio i wirio eich cofnod' }).click();
    await page.getByRole('heading', { name: 'Gwirio eich cofnod' }).waitFor();
    await page.getByText('Dydd Mawrth 3 Mawrth 2026 am 18:30').waitFor();
    await check(page, 'entry-check');
    await page.getByRole('button', { name: "Cadw'r cofnod" }).click();
    await page.getByRole('heading', { name: 'Dydd Mawrth 3 Mawrth 2026 am 18:30' }).waitFor({ timeout: 60_000 });
    await page.getByText('Gweld ei hanes (1 fersiwn)').waitFor();
    await check(page, 'entry');

    // A quick note, then the timeline with both.
    await menu(page, 'Eich cofnod');
    await page.getByRole('button', { name: 'Nodyn cyflym' }).click();
    await page.getByLabel('Beth ddigwyddodd?').fill('Roedd e wrth yr arhosfan bws eto.');
    await page.getByRole('button', { name: "Cadw'r nodyn cyflym" }).click();
    await page.getByText('2 gofnod, y diweddaraf yn gyntaf.').waitFor({ timeout: 30_000 });
    await page.getByText('Mae 1 nodyn cyflym yn aros i gael ei gwblhau.').waitFor();
    await check(page, 'timeline');
    await page.getByLabel('Chwilio').fill(MARKER);
    await page.getByText('1 o 2 gofnod yn cyfateb.').waitFor();
    await page.getByText('Hidlo a threfnu').click();
    await check(page, 'timeline-filtered');
    await page.getByRole('button', { name: "Clirio'r hidlwyr" }).click();

    // The evidence pack's choices, in Welsh (the pack's own words are the PDF's and README's).
    await page.getByRole('button', { name: 'Gwneud pecyn tystiolaeth' }).click();
    await page.getByRole('heading', { name: 'Gwneud pecyn tystiolaeth' }).waitFor();
    await page.getByText('Bydd 2 gofnod o 2 rhwng y dyddiadau hyn yn mynd yn y pecyn', { exact: false }).waitFor({ timeout: 30_000 });
    await check(page, 'evidence-pack');
    await page.getByRole('button', { name: "Yn ôl i'ch cofnod" }).click();

    // People, with the person form's error in Welsh.
    await menu(page, 'Pobl');
    await page.getByRole('button', { name: 'Ychwanegu person' }).click();
    await page.getByRole('button', { name: 'Cadw', exact: true }).click();
    await page.locator('.govuk-error-summary').getByText('Enw: rhaid iddo beidio â bod yn wag').waitFor();
    await check(page, 'person-form-error');

    // Patterns and what the law needs.
    await menu(page, 'Patrymau');
    await page.getByRole('heading', { name: 'Patrymau', level: 1 }).waitFor();
    await page.getByRole('heading', { name: "Ydy e'n digwydd yn amlach?" }).waitFor({ timeout: 30_000 });
    await check(page, 'patterns');
    await menu(page, "Beth mae'r gyfraith ei angen");
    await page.getByText('Canllawiau, nid cyngor cyfreithiol').first().waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Stelcian (adran 2A)' }).waitFor();
    await expect(page.getByRole('link', { name: 'Darllen am stelcian (adran 2A)' }).first().getAttribute('href')).resolves.toBe(
      '/cy/understand/the-law',
    );
    await check(page, 'legal');
    await page.setViewportSize(DESKTOP);
    await saveScreenshot(page, 'diary-cy-1280-legal');
    await menu(page, 'Patrymau');
    await page.getByRole('heading', { name: "Ydy e'n digwydd yn amlach?" }).waitFor({ timeout: 30_000 });
    await saveScreenshot(page, 'diary-cy-1280-patterns');
    await page.setViewportSize(PHONE);

    // Lock, and open it again, in Welsh.
    await page.getByRole('button', { name: 'Cloi', exact: true }).click();
    await page.getByText("Mae eich cofnod wedi'i gloi.").waitFor();
    expect(await page.content()).not.toContain(MARKER);
    await page.getByRole('button', { name: 'Agor fy nghofnod' }).click();
    await page.locator('.govuk-error-summary').getByText('Rhowch eich enw defnyddiwr').waitFor();
    await check(page, 'unlock-error');
    await page.getByLabel('Enw defnyddiwr').fill(username);
    await page.getByLabel('Cyfrinymadrodd', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Agor fy nghofnod' }).click();
    await page.getByText('2 gofnod, y diweddaraf yn gyntaf.').waitFor({ timeout: 30_000 });

    // Nothing on the device says which language, or what was read; no CSP refusal, error or other origin.
    // Only the open record's session cookie, the same as in English (path /, not /cy): none says the language.
    expect((await context.cookies()).map((cookie) => `${cookie.name} ${cookie.path}`)).toEqual(['casebook_vault /']);
    expect(await deviceStorage(page)).toBe('');
    expect(problems).toEqual([]);
    await context.close();
  });
});

import { describe, expect, it } from 'vitest';
import { newContext, PHONE } from './support/browser.ts';
import { useHarness } from './support/harness.ts';

const h = useHarness();

// The history before Casebook: a neutral page, so "back" has somewhere harmless to go.
async function openAfterNeutralPage(path: string) {
  const context = await newContext(h.browser, PHONE);
  const page = await context.newPage();
  await page.goto(h.neutral.url + '?before');
  await page.goto(h.server.url + path);
  return { context, page };
}

describe('Exit this page', () => {
  it('leaves for the neutral site on click, and back does not return to Casebook', async () => {
    const { context, page } = await openAfterNeutralPage('/stay-safe/covering-your-tracks');
    await page.getByRole('button', { name: /exit this page/i }).click();
    await page.waitForURL(h.neutral.url);
    await expect(page.title()).resolves.toBe('Weather forecast');
    await page.goBack();
    expect(page.url()).not.toContain(h.server.origin);
    expect(page.url()).toBe(h.neutral.url + '?before');
    await context.close();
  });

  it('leaves when Shift is pressed three times, and back does not return', async () => {
    const { context, page } = await openAfterNeutralPage('/understand/what-is-stalking');
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForURL(h.neutral.url);
    await page.goBack();
    expect(page.url()).not.toContain(h.server.origin);
    await context.close();
  });

  it('does not leave on one or two presses of Shift', async () => {
    const { context, page } = await openAfterNeutralPage('/');
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForTimeout(300);
    expect(page.url()).toContain(h.server.origin);
    await context.close();
  });
});

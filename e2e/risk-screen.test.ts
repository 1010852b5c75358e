import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Answer, QUESTIONS, type QuestionId } from '../src/domain/risk-screen/index.ts';
import { axeViolations } from './support/axe.ts';
import { DESKTOP, newContext, PHONE } from './support/browser.ts';
import { useHarness } from './support/harness.ts';
import { saveScreenshot } from './support/screenshots.ts';

const PATH = '/get-help/risk-screen';
/** govukRadios ids: the first option is the question id, then -2, -3. */
const RADIO_ID: Record<Answer, string> = { yes: '', no: '-2', 'not-sure': '-3' };

const h = useHarness();

const answersWith = (changes: Partial<Record<QuestionId, Answer>>): Answer[] => QUESTIONS.map((q) => changes[q.id] ?? 'no');

async function choose(page: Page, id: QuestionId, answer: Answer): Promise<void> {
  await page.locator(`#${id}${RADIO_ID[answer]}`).check();
}

async function noSidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * axe needs JavaScript, so a page shown with JavaScript off is checked as a copy, scripts removed, served at
 * the same origin in a page that has JavaScript: exactly what a person without JavaScript gets.
 */
async function axeViolationsWithoutJs(page: Page): Promise<string[]> {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
  const context = await newContext(h.browser, PHONE);
  const checker = await context.newPage();
  await checker.route(`${h.server.url}/axe-copy`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await checker.goto(`${h.server.url}/axe-copy`);
  const violations = await axeViolations(checker);
  await context.close();
  return violations;
}

function watchConsoleForCsp(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) errors.push(message.text());
  });
  return errors;
}

describe('risk screen with JavaScript (one page, assessed in the h.browser)', () => {
  it('answers every question on one page at 390 px, shows the result, and sends no answers anywhere', async () => {
    const context = await newContext(h.browser, PHONE);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const cspErrors = watchConsoleForCsp(page);
    await page.goto(h.server.url + PATH);
    await page.waitForLoadState('networkidle');

    // From here on, nothing may leave the page but (at most) requests for our own static assets.
    const afterLoad: Request[] = [];
    page.on('request', (request) => afterLoad.push(request));

    await expect(page.getByRole('button', { name: 'Start now' }).count()).resolves.toBe(0);
    await expect(page.locator('[data-risk-screen-form] fieldset').count()).resolves.toBe(QUESTIONS.length);
    expect(await axeViolations(page)).toEqual([]);
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'phone_risk-screen_one-page');

    // Nothing answered: the design system's error summary, focused, listing every question.
    await page.getByRole('button', { name: 'See your result' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect(summary.locator('li').count()).resolves.toBe(QUESTIONS.length);
    await expect(page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).resolves.toBe(true);
    await expect(page.title()).resolves.toMatch(/^Error: /);
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'phone_risk-screen_one-page-errors');

    const answers = answersWith({ frightened: 'yes', threats: 'yes', drugsOrAlcohol: 'not-sure' });
    for (const [index, question] of QUESTIONS.entries()) await choose(page, question.id, answers[index]!);
    await page.getByRole('button', { name: 'See your result' }).click();

    // The questions stay in the page, hidden, so "Change your answers" keeps them: only one h1 is visible.
    const heading = page.locator('h1:visible');
    await expect(heading.textContent()).resolves.toContain('You could be at high risk of serious harm');
    await expect(heading.count()).resolves.toBe(1);
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H1');
    await expect(page.locator('[data-risk-screen-list="yes"] li').allTextContents()).resolves.toEqual([
      'You are very frightened of what they might do.',
      'They have threatened to hurt you or someone close to you.',
    ]);
    await expect(page.locator('[data-risk-screen-list="not-sure"] li').allTextContents()).resolves.toEqual([
      'They have a problem with drugs or alcohol.',
    ]);
    await expect(page.locator('a[href="tel:02038664107"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('.govuk-error-summary').count()).resolves.toBe(0);
    expect(page.url()).toBe(h.server.url + PATH);
    expect(await axeViolations(page)).toEqual([]);
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'phone_risk-screen_result-high');

    // Change your answers: the form comes back as it was; all "No" gives the standard result.
    await page.getByRole('button', { name: 'Change your answers' }).click();
    await expect(page.locator('#frightened').isChecked()).resolves.toBe(true);
    await choose(page, 'frightened', 'no');
    await choose(page, 'threats', 'no');
    await choose(page, 'drugsOrAlcohol', 'no');
    await page.getByRole('button', { name: 'See your result' }).click();
    await expect(page.locator('h1:visible').textContent()).resolves.toContain('Any stalking is serious');
    await expect(page.locator('[data-risk-screen-section="yes"]:visible').count()).resolves.toBe(0);
    await expect(page.locator('main').textContent()).resolves.not.toMatch(/\bsafe|\bsafety/i);
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'phone_risk-screen_result-standard');

    const leaks = afterLoad.filter(
      (r) =>
        r.method() !== 'GET' ||
        new URL(r.url()).origin !== h.server.origin ||
        !new URL(r.url()).pathname.startsWith('/assets/') ||
        new URL(r.url()).search !== '',
    );
    expect(leaks.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
    expect(afterLoad.every((r) => r.postData() === null)).toBe(true);
    expect(cspErrors).toEqual([]);
    await context.close();
  });

  it('lays out on a desktop (screenshots saved)', async () => {
    const context = await newContext(h.browser, DESKTOP);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(h.server.url + PATH);
    await page.locator('[data-risk-screen-form]').waitFor();
    await saveScreenshot(page, 'desktop_risk-screen_one-page');
    for (const question of QUESTIONS) await choose(page, question.id, question.id === 'visits' ? 'yes' : 'no');
    await page.getByRole('button', { name: 'See your result' }).click();
    await expect(page.locator('h1:visible').textContent()).resolves.toContain('high risk');
    await saveScreenshot(page, 'desktop_risk-screen_result-high');
    await context.close();
  });
});

describe('risk screen without JavaScript (one question per page)', () => {
  it('walks the questions with Continue and Back to a result, with no answers in any URL', async () => {
    const context = await newContext(h.browser, PHONE, false);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const cspErrors = watchConsoleForCsp(page);
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await page.goto(h.server.url + PATH);
    expect(await axeViolationsWithoutJs(page)).toEqual([]);
    await saveScreenshot(page, 'phone_risk-screen_intro-no-js');
    await page.getByRole('button', { name: 'Start now' }).click();
    await expect(page.locator('h1').textContent()).resolves.toContain('Question 1 of 11');
    expect(await axeViolationsWithoutJs(page)).toEqual([]);
    await saveScreenshot(page, 'phone_risk-screen_question-1');

    // Continue without choosing: the error is shown on the same question.
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Select yes, no or not sure');
    expect(await axeViolationsWithoutJs(page)).toEqual([]);
    await saveScreenshot(page, 'phone_risk-screen_question-error');

    const answers = answersWith({ loitering: 'yes', pastViolence: 'not-sure' });
    for (const [index, question] of QUESTIONS.entries()) {
      await expect(page.locator('h1').textContent()).resolves.toContain(`Question ${index + 1} of 11`);
      await choose(page, question.id, answers[index]!);
      await page.getByRole('button', { name: 'Continue' }).click();
      if (index === 2) {
        // Back once, from question 4: question 3 shows the answer already given.
        await page.getByRole('button', { name: 'Back' }).click();
        await expect(page.locator('h1').textContent()).resolves.toContain('Question 3 of 11');
        await expect(page.locator(`#${question.id}-2`).isChecked()).resolves.toBe(true);
        await page.getByRole('button', { name: 'Continue' }).click();
      }
      if (index === 4) {
        expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
        await saveScreenshot(page, 'phone_risk-screen_question-6');
      }
    }
    await expect(page.locator('h1').textContent()).resolves.toContain('Any stalking is serious');
    await expect(page.locator('[data-risk-screen-list="yes"] li').allTextContents()).resolves.toEqual([
      'They hang around near your home or work.',
    ]);
    expect(await axeViolationsWithoutJs(page)).toEqual([]);
    await saveScreenshot(page, 'phone_risk-screen_result-standard-no-js');

    // Change your answers goes back to the last question with everything kept; a serious "yes" makes it high.
    await page.getByRole('button', { name: 'Change your answers' }).click();
    await expect(page.locator('h1').textContent()).resolves.toContain('Question 11 of 11');
    await choose(page, 'pastViolence', 'yes');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('h1').textContent()).resolves.toContain('You could be at high risk of serious harm');
    expect(await axeViolationsWithoutJs(page)).toEqual([]);
    await saveScreenshot(page, 'phone_risk-screen_result-high-no-js');

    for (const url of urls) expect(url, url).not.toMatch(/\?|frightened|loitering|=yes|not-sure/);
    // The server logs the path of each POST, never its body.
    expect(h.server.logs()).toContain('/get-help/risk-screen');
    expect(h.server.logs()).not.toMatch(/frightened|loitering|pastViolence|not-sure/);
    expect(cspErrors).toEqual([]);
    await context.close();
  });

  it('shows a question step on a desktop (screenshot saved)', async () => {
    const context = await newContext(h.browser, DESKTOP, false);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(h.server.url + PATH);
    await page.getByRole('button', { name: 'Start now' }).click();
    await choose(page, 'frightened', 'not-sure');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('h1').textContent()).resolves.toContain('Question 2 of 11');
    await saveScreenshot(page, 'desktop_risk-screen_question-2-no-js');
    await context.close();
  });
});

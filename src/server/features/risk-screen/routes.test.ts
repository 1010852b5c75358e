import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { type Answer, QUESTION_IDS, QUESTIONS, type QuestionId } from '../../../domain/risk-screen/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const PATH = '/get-help/risk-screen';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const get = () => t.app.inject({ method: 'GET', url: PATH });
const post = (payload: string, headers: Record<string, string> = FORM) => t.app.inject({ method: 'POST', url: PATH, payload, headers });
const encode = (fields: [string, string][]) => fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const text = (html: string) =>
  main(html)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,])/g, '$1');

/** The fields a browser would send from the form containing the button `go=<value>`: its hidden inputs. */
function formFields(html: string, go: string): [string, string][] {
  const form = [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)].find(
    (m) => m[1]!.includes(`name="go"`) && new RegExp(`value="${go}"[^>]*name="go"|name="go"[^>]*value="${go}"`).test(m[1]!),
  );
  if (!form) throw new Error(`no form with go=${go}`);
  return [...form[1]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]);
}

/** Like a person without JavaScript: Start, then one answer per page with Continue, following each page's form. */
async function walk(answers: readonly Answer[]): Promise<LightMyRequestResponse[]> {
  const pages = [await post('go=start')];
  for (const [index, answer] of answers.entries()) {
    const page = pages.at(-1)!;
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Question ${index + 1} of ${QUESTIONS.length}`);
    const question = QUESTIONS[index]!;
    pages.push(await post(encode([...formFields(page.body, 'next'), [question.id, answer], ['go', 'next']])));
  }
  return pages;
}

const allAnswers = (answer: Answer, changes: Partial<Record<QuestionId, Answer>> = {}) => QUESTION_IDS.map((id) => changes[id] ?? answer);

describe('risk screen: the start page', () => {
  it('explains, cites the S-DASH, and starts with a POST form; never cached, never indexed', async () => {
    const res = await get();
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(res.body).toMatch(/<form method="post" action="\/get-help\/risk-screen" novalidate data-risk-screen-start>/);
    expect(res.body).toMatch(/name="go"[^>]*>\s*Start now/);
    expect(text(res.body)).toContain(
      'S-DASH (2009) stalking and harassment risk checklist by Lorraine Sheridan and Karl Roberts with Laura Richards, written for ACPO with CAADA',
    );
    expect(text(res.body)).toContain('not a full risk assessment');
    expect(res.body).toContain('href="tel:999"');
  });

  it('sits in Get help, with breadcrumbs, and loads its script only here', async () => {
    const res = await get();
    expect(res.body).toMatch(/govuk-breadcrumbs__link" href="\/">Home<\/a>[\s\S]*href="\/get-help">Get help<\/a>/);
    expect(res.body).toMatch(/aria-current="true"[^>]*>[\s\S]{0,200}Get help/);
    expect(res.body).toMatch(/<script type="module" src="\/assets\/risk-screen-[0-9a-f]+\.js"><\/script>/);
    expect((await t.app.inject({ method: 'GET', url: '/get-help' })).body).not.toContain('risk-screen-');
  });

  it('carries every question and both results as templates for the one-page version', async () => {
    const res = await get();
    expect(res.body).toContain('<template data-risk-screen-template="questions">');
    for (const q of QUESTIONS) expect(res.body).toContain(`name="${q.id}" type="radio" value="not-sure"`);
    expect(res.body).toContain('data-risk-screen-template="result-high"');
    expect(res.body).toContain('data-risk-screen-template="result-standard"');
  });
});

describe('risk screen without JavaScript', () => {
  it('walks one question per page to a standard result, carrying earlier answers in hidden fields', async () => {
    const pages = await walk(allAnswers('no'));
    expect(pages).toHaveLength(QUESTIONS.length + 1);
    for (const [index, page] of pages.slice(0, -1).entries()) {
      expect(formFields(page.body, 'next')).toEqual([...QUESTION_IDS.slice(0, index).map((id) => [id, 'no']), ['at', QUESTION_IDS[index]]]);
    }
    const result = pages.at(-1)!;
    expect(result.statusCode).toBe(200);
    expect(result.headers['cache-control']).toBe('no-store');
    expect(result.body).toContain('noindex');
    const words = text(result.body);
    expect(words).toContain('Any stalking is serious');
    expect(words).toContain('risk can change quickly');
    expect(result.body).toContain('href="tel:08088020300"');
    expect(result.body).toContain('href="/record/keeping-a-record"');
    expect(words).toContain('not a full risk assessment');
    expect(words).toContain('S-DASH (2009)');
    expect(words).not.toMatch(/\bsafe|\bsafety|low risk|no risk/i);
    expect(result.body).not.toContain('Paladin');
  });

  it('walks to a high result that says what to do and lists the yes answers for the police', async () => {
    const pages = await walk(allAnswers('no', { threats: 'yes', loitering: 'yes', pastViolence: 'not-sure' }));
    const result = pages.at(-1)!;
    expect(result.statusCode).toBe(200);
    const words = text(result.body);
    expect(words).toContain('You could be at high risk of serious harm');
    expect(words).toMatch(/If you are in danger now, call 999\. If you cannot speak, call 999 from a mobile, listen, then press 55/);
    expect(result.body).toContain('href="tel:999"');
    expect(result.body).toContain('href="tel:02038664107"');
    expect(result.body).toContain('href="tel:08088020300"');
    expect(result.body).toContain('href="tel:08088010800"');
    expect(result.body).toContain('href="sms:07860077333"');
    expect(words).toContain('Paladin');
    expect(words).toContain('National Stalking Helpline');
    expect(words).toMatch(/Tell the police about your answers/);
    expect(result.body).toMatch(
      /data-risk-screen-list="yes">\s*<li>They hang around near your home or work\.<\/li><li>They have threatened to hurt you or someone close to you\.<\/li>\s*<\/ul>/,
    );
    expect(result.body).toMatch(/data-risk-screen-list="not-sure">\s*<li>They have been violent in the past\.<\/li>\s*<\/ul>/);
    expect(words).toContain('not a full risk assessment');
    expect(words).not.toMatch(/\bsafe|\bsafety/i);
  });

  it('gives a high result from many factors alone, and hides empty lists', async () => {
    const result = (await walk(allAnswers('no', { loitering: 'yes', thirdParties: 'yes', gotOthersToHelp: 'yes' }))).at(-1)!;
    expect(text(result.body)).toContain('high risk of serious harm');
    expect(result.body).toContain('<div data-risk-screen-section="not-sure" hidden>');
    const standard = (await walk(allAnswers('no'))).at(-1)!;
    expect(standard.body).toContain('<div data-risk-screen-section="yes" hidden>');
  });

  it('uses the same phone numbers as the support directory', async () => {
    const phone = (id: string) =>
      t.services.directory
        .get(id)
        ?.contact.find((c) => c.kind === 'phone')
        ?.value.replace(/\s/g, '');
    const high = (await walk(allAnswers('yes'))).at(-1)!;
    expect(high.body).toContain(`href="tel:${phone('paladin')}"`);
    expect(high.body).toContain(`href="tel:${phone('national-stalking-helpline')}"`);
  });

  it('asks again, with a clear error, when a question is not answered (answers kept)', async () => {
    const res = await post('frightened=yes&pastHarassment=no&at=propertyDamage&go=next');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<title>Error: Check your risk');
    expect(res.body).toMatch(/govuk-error-summary[\s\S]*<a href="#propertyDamage">Select yes, no or not sure<\/a>/);
    expect(res.body).toContain('Question 3 of 11');
    expect(formFields(res.body, 'next')).toEqual([
      ['frightened', 'yes'],
      ['pastHarassment', 'no'],
      ['at', 'propertyDamage'],
    ]);
  });

  it('goes Back with a button that posts the answers, and shows the earlier answer chosen', async () => {
    const third = await post('frightened=yes&pastHarassment=not-sure&at=pastHarassment&go=next');
    expect(third.body).toContain('Question 3 of 11');
    const back = await post(encode([...formFields(third.body, 'back'), ['go', 'back']]));
    expect(back.statusCode).toBe(200);
    expect(back.body).toContain('Question 2 of 11');
    expect(back.body).toMatch(/id="pastHarassment-3" name="pastHarassment" type="radio" value="not-sure" checked/);
    // The first question's Back is a plain link to the start page.
    const first = await post('go=start');
    expect(first.body).toMatch(/<a href="\/get-help\/risk-screen" class="govuk-back-link">Back<\/a>/);
    expect((await post('frightened=no&at=frightened&go=back')).body).toContain('Start now');
  });

  it('lets you change your answers from the result, keeping them all', async () => {
    const result = (await walk(allAnswers('no', { visits: 'yes' }))).at(-1)!;
    const change = await post(encode([...formFields(result.body, 'back'), ['go', 'back']]));
    expect(change.body).toContain('Question 11 of 11');
    expect(change.body).toMatch(/name="pastViolence" type="radio" value="no" checked/);
    expect(formFields(change.body, 'next')).toContainEqual(['visits', 'yes']);
  });

  it('checks a whole set of answers at once (the one-page form, if its script fails)', async () => {
    const all = encode([...QUESTION_IDS.map((id): [string, string] => [id, 'no']), ['go', 'check']]);
    expect(text((await post(all)).body)).toContain('Any stalking is serious');
    const missing = await post('frightened=yes&go=check');
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Question 2 of 11');
  });

  it('never puts answers in a URL or a redirect', async () => {
    const pages = [
      await get(),
      ...(await walk(allAnswers('yes'))),
      await post('frightened=yes&at=pastHarassment&go=next'),
      await post('bogus=1&go=start'),
    ];
    for (const page of pages) {
      expect(page.headers.location).toBeUndefined();
      const urls = [...page.body.matchAll(/\b(?:href|action|src)="([^"]*)"/g)].map((m) => m[1]!);
      for (const url of urls) expect(url, url).not.toMatch(/\?|frightened|not-sure|=yes/);
    }
  });
});

describe('risk screen: bodies no form of ours sends', () => {
  it.each([
    ['an unknown field', 'go=start&bogus=1'],
    ['an unknown question', 'go=next&at=frightened&frightend=yes'],
    ['an answer that is not yes, no or not sure', 'go=next&at=frightened&frightened=maybe'],
    ['an answer in another case', 'go=next&at=frightened&frightened=Yes'],
    ['a repeated answer', 'go=next&at=frightened&frightened=yes&frightened=no'],
    ['no button', 'frightened=yes&at=frightened'],
    ['an unknown button', 'go=delete&at=frightened'],
    ['an unknown step', 'go=next&at=somewhere'],
    ['Continue with no step', 'go=next&frightened=yes'],
    ['Continue from the result', 'go=next&at=result'],
    ['Back with no step', 'go=back'],
    ['skipped earlier questions', 'go=next&at=threats&threats=yes'],
    ['a prototype key', 'go=start&__proto__=yes'],
    ['a constructor key', 'go=start&constructor=yes'],
    ['an empty body', ''],
  ])('refuses %s with a 400 page that says what to do', async (_label, payload) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(400);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(text(res.body)).toContain('We could not read your answers');
    expect(text(res.body)).toContain('Please start the questions again');
    expect(res.body).toContain('class="govuk-breadcrumbs');
  });

  it('refuses a JSON body with unknown fields, and other content types, without a 500', async () => {
    const json = await post(JSON.stringify({ go: 'start', bogus: 1 }), { 'content-type': 'application/json' });
    expect(json.statusCode).toBe(400);
    expect(text(json.body)).toContain('We could not read your answers');
    const plain = await post('go=start', { 'content-type': 'text/plain' });
    expect(plain.statusCode).toBeGreaterThanOrEqual(400);
    expect(plain.statusCode).toBeLessThan(500);
  });

  it('refuses a huge body without reading it all', async () => {
    const res = await post(`go=start&frightened=${'y'.repeat(10_000)}`);
    expect(res.statusCode).toBe(413);
  });
});

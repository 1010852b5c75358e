import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { ANSWER_LABELS, QUESTION_IDS, QUESTIONS } from '../../../domain/risk-screen/index.ts';
import { loadMessages } from '../../setup/messages.ts';

// The risk screen in Welsh at /cy/get-help/risk-screen, without JavaScript (one question per POST). The
// browser version's words come from the same page (data-i18n-* and the statements template): checked here
// on the markup, and in e2e/welsh-public.test.ts in Chromium.
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const PATH = '/cy/get-help/risk-screen';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const post = (fields: [string, string][]) =>
  t.app.inject({ method: 'POST', url: PATH, headers: FORM, payload: fields.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&') });
const text = (html: string) =>
  html
    .slice(html.indexOf('<main'), html.indexOf('</main>'))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
const cy = loadMessages('risk-screen').cy as unknown as { questions: Record<string, { text: string; statement: string }> };

describe('risk screen in Welsh', () => {
  it('starts in Welsh, with the script words on the page and links to the English twin', async () => {
    const res = await t.app.inject({ method: 'GET', url: PATH });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="cy" class="govuk-template">');
    expect(res.body).toContain('<link rel="alternate" hreflang="en" href="/get-help/risk-screen">');
    expect(res.body).toMatch(/<form method="post" action="\/cy\/get-help\/risk-screen" novalidate data-risk-screen-start>/);
    expect(text(res.body)).toContain('Atebwch 11 cwestiwn byr');
    expect(res.body).toContain('data-i18n-answer-error="Dewiswch ie, na neu ddim yn siŵr"');
    expect(res.body).toContain('data-i18n-result-title="Gwirio eich risg – eich canlyniad"');
    for (const q of QUESTIONS) expect(res.body).toContain(`<li data-question="${q.id}">`);
    expect(res.body).not.toMatch(/>\s*(Start now|See your result|Change your answers|Yes|Not sure)\s*</);
  });

  it('walks to a result for Wales naming Live Fear Free, the statements in Welsh', async () => {
    let page = await post([['go', 'start']]);
    const answers: [string, string][] = [];
    for (const [index, id] of QUESTION_IDS.entries()) {
      expect(text(page.body)).toContain(`Cwestiwn ${index + 1} o 11`);
      expect(text(page.body)).toContain(cy.questions[id]!.text);
      const answer = id === 'threats' ? 'yes' : id === 'pastViolence' ? 'not-sure' : 'no';
      page = await post([...answers, ['at', id], [id, answer], ['go', 'next']]);
      answers.push([id, answer]);
    }
    const words = text(page.body);
    expect(page.statusCode).toBe(200);
    expect(words).toContain('Gallech chi fod mewn risg uchel o niwed difrifol');
    expect(words).toContain('Byw Heb Ofn');
    expect(page.body).toContain('href="tel:08088010800"');
    expect(page.body).toContain('href="/cy/get-help/national-stalking-helpline"');
    expect(words).toContain(cy.questions.threats!.statement);
    expect(words).toContain(cy.questions.pastViolence!.statement);
    expect(page.body).toContain('<title>Gwirio eich risg – eich canlyniad – Casebook</title>');
  });

  it('asks again in Welsh when a question is not answered', async () => {
    const res = await post([
      ['at', 'frightened'],
      ['go', 'next'],
    ]);
    expect(res.statusCode).toBe(400);
    expect(text(res.body)).toContain('Mae problem');
    expect(text(res.body)).toContain('Dewiswch ie, na neu ddim yn siŵr');
    expect(res.body).toContain('<title>Gwall: Gwirio eich risg – cwestiwn 1 o 11 – Casebook</title>');
  });

  it('answers a forged form with the Welsh problem page', async () => {
    const res = await post([
      ['go', 'next'],
      ['at', 'result'],
      ['magic', 'yes'],
    ]);
    expect(res.statusCode).toBe(400);
    expect(text(res.body)).toContain('Doedd dim modd i ni ddarllen eich atebion');
  });

  it("keeps the English catalogue's questions the same as the domain's, their reference", () => {
    const en = loadMessages('risk-screen').en as unknown as {
      questions: Record<string, { text: string; hint: string; statement: string }>;
      answers: Record<string, string>;
    };
    for (const q of QUESTIONS) expect(en.questions[q.id], q.id).toEqual({ text: q.text, hint: q.hint, statement: q.statement });
    expect(en.answers).toEqual(ANSWER_LABELS);
    expect(Object.keys(cy.questions).sort()).toEqual([...QUESTION_IDS].sort());
  });
});

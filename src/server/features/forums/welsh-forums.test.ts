import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { VaultClient } from '../../../../test/support/vault.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const hrefs = (html: string) => [...html.matchAll(/<(?:a|form)[^>]* (?:href|action)="([^"]+)"/g)].map((m) => m[1]!);

describe('the forums in Welsh (/cy/forums)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect: 'sqlite' });
  }, 60_000);
  afterAll(async () => t?.close());

  it('a signed-out visitor reads, in Welsh, how to join, with the Welsh house rules and hreflang both ways', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/cy/forums' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="cy"');
    expect(res.body).toContain('<title>Fforymau');
    expect(res.body).toContain('Fforymau cymorth gan gymheiriaid');
    expect(res.body).toContain('href="/cy/talk/forum-house-rules"');
    expect(res.body).toContain('hreflang="en" href="/forums"');
    const en = await t.app.inject({ method: 'GET', url: '/forums' });
    expect(en.body).toContain('hreflang="cy" href="/cy/forums"');
    expect(en.body).toContain('Peer-support forums');
  });

  it('joining in Welsh: the form posts under /cy, a bad form comes back with a Welsh error, and it redirects to /cy/forums', async () => {
    const member = new VaultClient(t.app);
    await member.signUp();
    const join = await member.request('GET', '/cy/forums');
    expect(join.body).toContain('Dewiswch enw fforwm');
    expect(join.body).toContain('action="/cy/forums/join"');
    const form = (fields: Record<string, string>) =>
      member.request('POST', '/cy/forums/join', {
        payload: new URLSearchParams({ _csrf: member.csrfToken ?? '', ...fields }).toString(),
        headers: FORM,
        csrf: false,
      });
    const bad = await form({ name: 'Calm Heron 7' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Mae problem');
    expect(bad.body).toContain('Cadarnhewch eich bod wedi darllen rheolau&#39;r fforymau');
    const ok = await form({ name: 'Calm Heron 7', agree: 'yes' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/cy/forums');
    const index = await member.request('GET', '/cy/forums');
    expect(index.body).toContain('Dioddefwyr a goroeswyr');
    expect(index.body).toMatch(/\d+ (?:pwnc|bwnc|phwnc)/);
    // Every link stays under /cy, except the pages not in Welsh yet, which say so (hreflang="en", "(Saesneg)").
    const outside = hrefs(index.body).filter(
      (h) => h.startsWith('/') && !h.startsWith('/cy') && !h.startsWith('/assets') && !h.startsWith('/static'),
    );
    for (const h of outside)
      expect(index.body).toMatch(new RegExp(`href="${h.replace(/[?]/g, '\\?')}" hreflang="en"|hreflang="en" href="${h}"`));
    const board = hrefs(index.body).find((h) => h.startsWith('/cy/forums/boards/'))!;
    const boardPage = await member.request('GET', board);
    expect(boardPage.body).toContain('Dechrau pwnc newydd');
    const compose = await member.request('GET', `${board}/new`);
    expect(compose.body).toContain('Eich neges');
    // govuk-frontend's character count in Welsh: the no-script line and the script's messages (data-i18n).
    expect(compose.body).toContain('Gallwch roi hyd at 10000 nod');
    expect(compose.body).toContain('data-i18n.characters-under-limit.two="Mae gennych %{count} nod ar ôl"');
    expect(compose.body).not.toContain('characters remaining');
    const draft = await member.request('POST', `${board}/topics`, {
      payload: new URLSearchParams({ _csrf: member.csrfToken ?? '', title: 'Hi', body: 'x' }).toString(),
      headers: FORM,
      csrf: false,
    });
    expect(draft.statusCode).toBe(400);
    expect(draft.body).toContain('Rhowch deitl rhwng 5 a 120 nod');
    const gone = await member.request('GET', '/cy/forums/topics/999999');
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toContain('Heb ddod o hyd i&#39;r dudalen');
  });

  it('a Welsh address for a forum page not in Welsh yet says so in Welsh', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/cy/forums/search?q=x' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Dydy&#39;r dudalen hon ddim yn Gymraeg eto');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const search = (q: string) => t.services.search.search(q);
const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('site search', () => {
  it('ranks a page whose title matches above pages that only mention the words', () => {
    expect(search('stalkerware')[0]?.path).toBe('/stay-safe/phones-and-stalkerware');
    expect(search('harassment')[0]?.path).toBe('/understand/what-is-harassment');
  });

  it('tolerates typos', () => {
    expect(search('stalkerwear').map((h) => h.path)).toContain('/stay-safe/phones-and-stalkerware');
    expect(search('harasment').map((h) => h.path)).toContain('/understand/what-is-harassment');
  });

  it('matches plurals and other forms of a word', () => {
    expect(search('restraining orders').map((h) => h.path)).toContain('/understand/the-law');
    expect(search('stalkers').length).toBeGreaterThan(3);
  });

  it('highlights matched words in an escaped snippet', () => {
    const [hit] = search('stalkerware');
    expect(hit?.snippet).toMatch(/<mark>[^<]*[Ss]talkerware[^<]*<\/mark>/);
    expect(hit?.snippet).not.toMatch(/<(?!\/?mark>)/);
  });

  it('renders results as a plain GET form that works without JavaScript', async () => {
    const res = await get('/search?q=emergency+sms');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<form class="casebook-search__form" action="/search" method="get"');
    expect(res.body).toMatch(/\d+ results? for <strong>emergency sms<\/strong>/);
    expect(res.body).toContain('noindex');
  });

  it('escapes the query it shows back', async () => {
    const res = await get(`/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).toContain('&lt;script&gt;');
  });

  it('says so kindly when nothing matches', async () => {
    const res = await get('/search?q=xylophonequartz');
    expect(res.body).toContain('No pages matched');
  });

  it.each([
    ['/search?q=' + 'a'.repeat(201), 400, 'characters or fewer'],
    ['/search?q=a&q=b', 400, 'Enter one search'],
    ['/search?q=%00%01', 200, 'Search'],
    ['/search?q=', 200, 'Search'],
    ['/search?q=%E0%A4%A', undefined, ''],
  ])('handles %s without a 500', async (url, status, text) => {
    const res = await get(url);
    if (status) expect(res.statusCode).toBe(status);
    else expect(res.statusCode).toBeLessThan(500);
    expect(res.body).toContain(text);
  });
});

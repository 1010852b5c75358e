import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createApp } from '../../app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock: () => Date.parse('2026-11-23T10:00:00Z') });
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

describe('guidance pages', () => {
  it('has the pages the brief asks for', () => {
    const keys = t.services.content.pages.map((p) => p.key);
    for (const key of [
      'understand/what-is-stalking',
      'understand/what-is-harassment',
      'understand/stalking-behaviours',
      'understand/is-this-stalking',
      'understand/the-law',
      'understand/law-in-scotland-and-northern-ireland',
      'understand/statistics',
      'record/keeping-a-record',
      'get-help/what-to-do-now',
      'get-help/report-to-the-police',
      'get-help/helping-someone',
      'get-help/national-stalking-helpline',
      'stay-safe/at-home',
      'stay-safe/at-work',
      'stay-safe/out-and-about',
      'stay-safe/phones-and-stalkerware',
      'stay-safe/online-accounts',
      'stay-safe/covering-your-tracks',
      'about/for-professionals',
      'about/supporting-the-helpline',
      'about/press-enquiries',
      'about/accessibility',
      'about/privacy',
      'about/cookies',
    ]) {
      expect(keys).toContain(key);
    }
  });

  it('serves the home page, every section and every page with 200 and exactly one h1', async () => {
    const paths = ['/', ...t.services.content.pages.map((p) => p.path)];
    for (const path of paths) {
      const res = await get(path);
      expect(res.statusCode, path).toBe(200);
      expect(res.body.match(/<h1[\s>]/g)?.length, `${path} h1 count`).toBe(1);
      expect(res.body, path).toContain('Exit this page');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('has no broken internal links on any page', async () => {
    const paths = ['/', '/search', ...t.services.content.pages.map((p) => p.path)];
    const targets = new Set<string>();
    for (const path of paths) {
      for (const href of hrefs((await get(path)).body)) {
        if (href.startsWith('/') && !href.startsWith('//')) targets.add(href.split('#')[0]!);
      }
    }
    const broken: string[] = [];
    for (const target of targets) {
      const res = await get(target);
      if (res.statusCode !== 200) broken.push(`${target} → ${res.statusCode}`);
    }
    expect(broken).toEqual([]);
    expect(targets.size).toBeGreaterThan(30);
  });

  it('links every page to related pages that exist', () => {
    for (const page of t.services.content.pages) {
      for (const key of page.related) expect(t.services.content.get(key), `${page.key} → ${key}`).toBeDefined();
    }
  });

  it('gives every phone number as a tel: link without spaces', async () => {
    for (const page of t.services.content.pages) {
      for (const href of hrefs(page.html)) {
        if (href.startsWith('tel:')) expect(href, page.key).toMatch(/^tel:\+?\d+$/);
      }
      expect(page.text, page.key).not.toContain('0300 636 0300');
    }
  });

  it('sends the security headers on pages, errors and assets', async () => {
    for (const res of [await get('/'), await get('/no-such-page'), await get(t.services.assets.url('casebook.css'))]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['permissions-policy']).toContain('geolocation=()');
    }
  });

  it('serves pages compressed when the browser accepts it', async () => {
    const res = await get('/understand/what-is-stalking', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.rawPayload).toString()).toContain('<h1');
  });

  it('serves fingerprinted assets for a year, pre-compressed', async () => {
    const res = await get(t.services.assets.url('casebook.css'), { 'accept-encoding': 'br' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers['content-encoding']).toBe('br');
  });
});

describe('bad requests', () => {
  it('answers an unknown page with a friendly 404 in the layout', async () => {
    const res = await get('/understand/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Page not found');
    expect(res.body).toContain('Exit this page');
  });

  it.each([
    '/UNDERSTAND',
    '/understand/WHAT',
    '/understand/what%00is',
    '/understand/%E0%A4%A',
    '/understand/' + 'a'.repeat(300),
    '/understand/what-is-stalking?x=%E0%A4%A',
    '/?q[]=1&q[]=2',
    '/../../etc/passwd',
    '/assets/../package.json',
    '/assets/nope.css',
  ])('never answers %s with a 5xx or a stack trace', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.statusCode).toBeGreaterThanOrEqual(200);
    expect(res.body).not.toMatch(/at .*\.ts:\d+|node_modules/);
  });

  it('answers an unexpected failure with a 500 page that shows no stack trace', async () => {
    const app = await createApp(t.services);
    app.get('/__boom', async () => {
      throw new Error('secret internal detail');
    });
    const res = await app.inject({ method: 'GET', url: '/__boom' });
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain('Sorry, there is a problem');
    expect(res.body).not.toContain('secret internal detail');
    const api = await app.inject({ method: 'GET', url: '/__boom', headers: { accept: 'application/json' } });
    expect(api.json()).toEqual({ error: 'error', message: 'Something went wrong. Please try again.' });
  });
});

describe('health', () => {
  it('reports liveness and readiness', async () => {
    expect((await get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await get('/readyz')).json()).toEqual({ status: 'ready', database: 'sqlite' });
  });
});

describe('on PostgreSQL', async () => {
  const { postgresAvailable } = await import('../../../../test/support/postgres.ts');
  it.runIf(await postgresAvailable())('serves pages and reports the database ready', async () => {
    const pgApp = await buildTestApp({ dialect: 'postgres' });
    try {
      expect((await pgApp.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready', database: 'postgres' });
      expect((await pgApp.app.inject({ method: 'GET', url: '/understand/the-law' })).statusCode).toBe(200);
    } finally {
      await pgApp.close();
    }
  });
});

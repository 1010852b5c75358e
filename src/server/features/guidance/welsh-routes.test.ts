import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';

// The Welsh guidance at /cy/..., on SQLite, as the browser gets it.
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock: () => Date.parse('2026-11-23T10:00:00Z') });
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

describe('Welsh guidance pages', () => {
  it('serves every Welsh page and section in Welsh, with one h1 and Exit this page in Welsh, and sets no cookie', async () => {
    const pages = t.services.welshContent.pages;
    expect(pages).toHaveLength(t.services.content.pages.length);
    for (const page of pages) {
      const res = await get(page.path);
      expect(res.statusCode, page.path).toBe(200);
      expect(res.body, page.path).toContain('<html lang="cy" class="govuk-template">');
      expect(res.body.match(/<h1[\s>]/g)?.length, `${page.path} h1 count`).toBe(1);
      expect(res.body, page.path).toContain('Gadael y dudalen hon');
      expect(res.body, page.path).toContain('data-i18n.press-two-more-times="Shift, pwyswch 2 waith eto i adael."');
      expect(res.headers['set-cookie'], page.path).toBeUndefined();
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('links each page to its twin both ways: hreflang alternates and the Language navigation', async () => {
    for (const [welshPath, englishPath] of [
      ['/cy/understand/the-law', '/understand/the-law'],
      ['/cy/get-help', '/get-help'],
    ] as const) {
      const welsh = (await get(welshPath)).body;
      const english = (await get(englishPath)).body;
      for (const body of [welsh, english]) {
        expect(body).toContain(`<link rel="alternate" hreflang="en" href="${englishPath}">`);
        expect(body).toContain(`<link rel="alternate" hreflang="cy" href="${welshPath}">`);
        expect(body).toContain(`<link rel="alternate" hreflang="x-default" href="${englishPath}">`);
      }
      expect(welsh).toContain(
        `<a class="govuk-language-navigation__link" href="${englishPath}" rel="alternate" lang="en" hreflang="en">English`,
      );
      expect(welsh).toMatch(/aria-current="true" lang="cy">Cymraeg<\/span>/);
      expect(english).toContain(
        `<a class="govuk-language-navigation__link" href="${welshPath}" rel="alternate" lang="cy" hreflang="cy">Cymraeg`,
      );
      expect(english).toContain('<html lang="en" class="govuk-template">');
    }
  });

  it('puts its chrome in Welsh, and marks what is still English with lang="en"', async () => {
    const body = (await get('/cy/get-help/national-stalking-helpline')).body;
    expect(body).toContain('<span class="govuk-caption-l">Cael help</span>');
    expect(body).toContain('>Neidio i&#39;r prif gynnwys</a>');
    expect(body).toContain('href="/cy/understand"');
    expect(body).toContain('<h2 class="govuk-heading-s govuk-!-margin-top-8">Ffynonellau</h2>');
    expect(body).toContain('Adolygwyd ddiwethaf 4 Rhagfyr 2026');
    expect(body).toContain('<footer class="govuk-footer">');
    expect(body).toContain('<a class="govuk-footer__link" href="/cy/about/privacy">Preifatrwydd</a>');
    expect(body).toContain('<a class="govuk-footer__link" href="/training" hreflang="en">Hyfforddiant (Saesneg)</a>');
    // The service's name is directory data, in English; the phone line and "open now" are Welsh.
    expect(body).toContain('<div class="casebook-service-box" lang="en">');
    expect(body).toMatch(
      /<p class="govuk-body govuk-!-margin-bottom-1" lang="cy">Ffoniwch <a class="govuk-link" href="tel:08088020300">0808 802 0300<\/a> \(am ddim\)<\/p>/,
    );
    expect(body).toContain('<a class="govuk-breadcrumbs__link" href="/cy">Hafan</a>');
    expect(body).toContain('href="https://www.llyw.cymru/byw-heb-ofn"');
  });

  it('has no broken internal links on any Welsh page', async () => {
    const targets = new Set<string>();
    for (const page of t.services.welshContent.pages) {
      for (const href of hrefs((await get(page.path)).body))
        if (href.startsWith('/') && !href.startsWith('//')) targets.add(href.split('#')[0]!);
    }
    const broken: string[] = [];
    for (const target of targets) {
      const res = await get(target);
      if (res.statusCode !== 200) broken.push(`${target} → ${res.statusCode}`);
    }
    expect(broken).toEqual([]);
    expect([...targets].filter((p) => p.startsWith('/cy/')).length).toBeGreaterThan(25);
  });

  it.each(['/cy/nothing-here', '/cy/understand/no-such-page', '/cy/a/b/c', '/cy/understand/the-law/extra', '/cy/xx/understand'])(
    'answers %s with the Welsh 404 page, never a 5xx',
    async (url) => {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('<html lang="cy" class="govuk-template">');
      expect(res.body).toContain('Heb ddod o hyd i&#39;r dudalen');
      expect(res.body).toContain('<a class="govuk-link" href="/cy">Mynd i hafan Casebook</a>');
    },
  );

  it.each(['/cy/training', '/cy/training/certificates'])(
    'answers %s, a page that is English only, in Welsh with a link to the English page',
    async (url) => {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('<html lang="cy" class="govuk-template">');
      expect(res.body).toContain('Dydy&#39;r dudalen hon ddim yn Gymraeg eto');
      expect(res.body).toContain(`<a class="govuk-link" href="${url.slice(3)}" hreflang="en">Darllen y dudalen yn Saesneg</a>`);
    },
  );

  it('answers a malformed Welsh address with a 4xx page', async () => {
    const res = await get('/cy/UNDERSTAND/%00');
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { createApp } from '../app.ts';
import { languageOfUrl } from './errors.ts';

// The Welsh home page, search and error pages at /cy, on SQLite, as the browser gets them. Wednesday
// 25 November 2026, 13:30 (GMT): the helpline is open until 4pm.
const now = Date.parse('2026-11-25T13:30:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock: () => now });
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const hasHreflang = (body: string, en: string, cy: string) => {
  expect(body).toContain(`<link rel="alternate" hreflang="en" href="${en}">`);
  expect(body).toContain(`<link rel="alternate" hreflang="cy" href="${cy}">`);
  expect(body).toContain(`<link rel="alternate" hreflang="x-default" href="${en}">`);
};

describe('the Welsh home page', () => {
  it('is at /cy, in Welsh, with the helpline open now in Welsh and links to the Welsh sections', async () => {
    const res = await get('/cy');
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('<html lang="cy" class="govuk-template">');
    expect(body).toContain('<title>Hafan – Casebook</title>');
    expect(body).toContain('<h1 class="govuk-heading-xl">Help os ydych chi&#39;n cael eich stelcian neu&#39;ch aflonyddu</h1>');
    expect(body).toContain('data-live-status="national-stalking-helpline" lang="cy">Ar agor nawr tan 16:00</span>');
    expect(body).toContain('<h2 class="govuk-heading-m" id="emergency-heading">Os ydych chi mewn perygl nawr</h2>');
    expect(body).toContain('href="/cy/get-help/report-to-the-police">gweld pob ffordd o roi gwybod</a>');
    for (const section of ['understand', 'record', 'get-help', 'stay-safe'])
      expect(body).toContain(`<a class="govuk-link" href="/cy/${section}">`);
    expect(body).toContain('<form class="casebook-search__form" action="/cy/search" method="get" role="search" aria-label="Y wefan">');
    expect(body).toContain('<a href="/cy" class="casebook-header__logo">');
    hasHreflang(body, '/', '/cy');
    expect(body).toContain('<a class="govuk-language-navigation__link" href="/" rel="alternate" lang="en" hreflang="en">English');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('the English home page links to it and keeps its English words', async () => {
    const body = (await get('/')).body;
    expect(body).toContain('<html lang="en" class="govuk-template">');
    expect(body).toContain('<h1 class="govuk-heading-xl">Help if you are being stalked or harassed</h1>');
    expect(body).toContain('data-live-status="national-stalking-helpline">Open now until 4pm</span>');
    expect(body).toContain('<a class="govuk-language-navigation__link" href="/cy" rel="alternate" lang="cy" hreflang="cy">Cymraeg');
    expect(body).toContain('<a class="govuk-footer__link" href="/about/privacy">Privacy</a>');
    hasHreflang(body, '/', '/cy');
  });

  it('marks a campaign written in English as English', async () => {
    const { training } = t.services;
    await training.repo.saveCampaign(
      undefined,
      {
        title: 'Awareness week',
        message: 'Learn the signs.',
        linkUrl: '/understand',
        startsOn: '2026-11-25',
        endsOn: '2026-11-26',
        startsAt: now - 3_600_000,
        endsAt: now + 86_400_000,
      },
      now,
    );
    await training.campaigns.refresh();
    const body = (await get('/cy')).body;
    expect(body).toContain('data-campaign lang="en">');
    expect(body).toContain(
      'lang="cy">Rhagor o wybodaeth<span class="govuk-visually-hidden"> am <span lang="en">Awareness week</span></span></a>',
    );
    expect((await get('/')).body).toContain(
      '>Find out more<span class="govuk-visually-hidden"> about <span lang="en">Awareness week</span></span></a>',
    );
  });
});

describe('Welsh search at /cy/search', () => {
  it('finds Welsh pages from a mutated word, names their sections in Welsh and counts in Welsh', async () => {
    const res = await get('/cy/search?q=stelcian');
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('<html lang="cy" class="govuk-template">');
    expect(body).toContain('<title>Canlyniadau chwilio – Casebook</title>');
    const links = [...body.matchAll(/<h2 class="govuk-heading-m govuk-!-margin-bottom-1"><a class="govuk-link" href="([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(links.length).toBeGreaterThan(2);
    for (const href of links) expect(href).toMatch(/^\/cy\//);
    expect(body).toContain('<p class="govuk-body-s govuk-!-margin-bottom-1 casebook-meta">Deall</p>');
    const count = new Intl.PluralRules('cy').select(links.length);
    const forms = {
      zero: 'canlyniad',
      one: 'canlyniad',
      two: 'ganlyniad',
      few: 'chanlyniad',
      many: 'chanlyniad',
      other: 'canlyniad',
    } as const;
    expect(body).toContain(`role="status">${links.length} ${forms[count]} ar gyfer <strong>stelcian</strong></p>`);
    hasHreflang(body, '/search?q=stelcian', '/cy/search?q=stelcian');
    expect(body).toContain(
      '<a class="govuk-language-navigation__link" href="/search?q=stelcian" rel="alternate" lang="en" hreflang="en">English',
    );
  });

  it('says when nothing matched, and rejects bad input with a Welsh message and a 400', async () => {
    const none = (await get('/cy/search?q=qqqqzzzz')).body;
    expect(none).toContain('Does dim tudalen yn cyfateb i <strong>qqqqzzzz</strong>.');
    expect(none).toContain('<a class="govuk-link" href="/cy/get-help">Cael help</a>');
    const twice = await get('/cy/search?q=a&q=b');
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('Rhowch un chwiliad, yn y blwch chwilio');
    const long = await get(`/cy/search?q=${'a'.repeat(201)}`);
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('Rhaid i&#39;r chwiliad fod yn 200 nod neu lai');
    expect((await get('/search?q=stalking')).body).toMatch(/role="status">\d+ results? for <strong>stalking<\/strong>/);
  });
});

describe('error pages in the language of the address', () => {
  it('knows the language of an address', () => {
    expect(['/cy', '/cy/', '/cy/x?q=1', '/cy?q=1'].map(languageOfUrl)).toEqual(['cy', 'cy', 'cy', 'cy']);
    expect(['/', '/cyber', '/understand', '/search?q=/cy/'].map(languageOfUrl)).toEqual(['en', 'en', 'en', 'en']);
  });

  it('answers 429, 500 and 503 in Welsh under /cy and in English elsewhere, with no stack trace', async () => {
    const app = await createApp(t.services);
    for (const prefix of ['', '/cy']) {
      app.get(`${prefix}/__busy`, async () => {
        throw Object.assign(new Error('slow down'), { statusCode: 429 });
      });
      app.get(`${prefix}/__boom`, async () => {
        throw new Error('secret internal detail');
      });
      app.get(`${prefix}/__down`, async () => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      });
    }
    const page = async (url: string) => {
      const res = await app.inject({ method: 'GET', url });
      expect(res.body, url).not.toContain('secret internal detail');
      return res;
    };
    const cases = [
      ['/cy/__busy', 429, 'Arhoswch funud', 'lang="cy"'],
      ['/cy/__boom', 500, 'Mae&#39;n ddrwg gennym, mae problem gyda&#39;r gwasanaeth', 'lang="cy"'],
      ['/cy/__down', 503, 'dydy&#39;r gwasanaeth ddim ar gael ar hyn o bryd', 'lang="cy"'],
      ['/__busy', 429, 'Please wait a moment', 'lang="en"'],
      ['/__boom', 500, 'Sorry, there is a problem with the service', 'lang="en"'],
      ['/__down', 503, 'Sorry, the service is not available just now', 'lang="en"'],
    ] as const;
    for (const [url, status, heading, lang] of cases) {
      const res = await page(url);
      expect(res.statusCode, url).toBe(status);
      expect(res.body, url).toContain(`<html ${lang} class="govuk-template">`);
      expect(res.body, url).toContain(heading);
    }
    expect((await page('/cy/__down')).headers['retry-after']).toBe('5');
    await app.close();
  });

  it.each([
    '/cy/',
    '/CY',
    '/cy//',
    '/cy/search?q=%FF',
    '/cy/search?q[a]=1',
    '/en/understand',
    '/xx/understand',
    '/cy/cy/understand',
    '/cy?lang=en',
  ])('answers %s with a page, never a 5xx', async (url) => {
    const res = await get(url);
    expect(res.statusCode, url).toBeLessThan(500);
    expect(res.headers['content-type'], url).toMatch(/^text\/html/);
  });

  it('a Welsh 400 is in Welsh too', async () => {
    const res = await get('/cy/UNDERSTAND/%00');
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.body).toContain('<html lang="cy" class="govuk-template">');
  });
});

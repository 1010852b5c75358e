import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { loadMessages } from '../../setup/messages.ts';
import { placeQuery } from './routes.ts';

// The directory in Welsh at /cy/get-help/support-directory: Welsh words around English directory data
// (marked lang="en"), the Welsh services for a Welsh postcode, and language links that keep the place.
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock: () => Date.parse('2026-11-25T10:00:00Z') });
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const names = (html: string) =>
  [
    ...html.matchAll(
      /<h3 class="govuk-heading-m[^"]*"><a class="govuk-link" href="\/cy\/get-help\/support-directory\/([a-z0-9-]+)" lang="en">/g,
    ),
  ].map((m) => m[1]);
const PATH = '/cy/get-help/support-directory';

describe('the support directory in Welsh', () => {
  it('lists every service in Welsh, the entries themselves marked as English', async () => {
    const res = await get(PATH);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="cy" class="govuk-template">');
    expect(res.body).toContain('<h1 class="govuk-heading-xl">Dod o hyd i gymorth</h1>');
    expect(res.body).toMatch(/Stelcian \(\d+\)/);
    expect(res.body).toContain(`${t.services.directory.entries.length} o ${t.services.directory.entries.length} gwasanaeth`);
    expect(names(res.body)).toHaveLength(t.services.directory.entries.length);
    expect(res.body).toContain('<form action="/cy/get-help/support-directory"');
    expect(res.body).not.toMatch(/>(Helps with|Where|Phone|Website|Filter services|Show services)</);
  });

  it('finds Live Fear Free and the Welsh forces from a Welsh postcode, in Welsh', async () => {
    const res = await get(`${PATH}?postcode=CF24%204HQ`);
    const found = names(res.body);
    expect(found).toEqual(expect.arrayContaining(['live-fear-free', 'south-wales-police', 'gwent-police', 'national-stalking-helpline']));
    expect(found).not.toContain('warwickshire-against-domestic-abuse');
    expect(res.body).toContain('Yn dangos gwasanaethau ar gyfer codau post sy&#39;n dechrau CF');
    expect(res.body).toContain('Ardal Heddlu De Cymru');
    expect(res.body).not.toMatch(/CF24 ?4HQ/);
  });

  it('finds them from a Welsh county, named in Welsh', async () => {
    const res = await get(`${PATH}?county=West%20Glamorgan`);
    expect(names(res.body)).toEqual(expect.arrayContaining(['live-fear-free', 'south-wales-police']));
    expect(res.body).toContain('Yn dangos gwasanaethau ar gyfer Gorllewin Morgannwg (Heddlu De Cymru)');
    expect(res.body).toContain('<option value="West Glamorgan" selected>Gorllewin Morgannwg</option>');
  });

  it('links the same view in the other language, filters and the outward code kept', async () => {
    const res = await get(`${PATH}?need=stalking&open=now&postcode=SA1%201AA`);
    expect(res.body).toContain(
      '<link rel="alternate" hreflang="en" href="/get-help/support-directory?need=stalking&amp;open=now&amp;postcode=SA1">',
    );
    expect(res.body).toContain(
      'href="/get-help/support-directory?need=stalking&amp;open=now&amp;postcode=SA1" rel="alternate" lang="en" hreflang="en"',
    );
    const english = await get('/get-help/support-directory?county=Gwent');
    expect(english.body).toContain('href="/cy/get-help/support-directory?county=Gwent" rel="alternate" lang="cy" hreflang="cy"');
  });

  it.each([
    ['?postcode=NOTAPOSTCODE', 'postcode', 'Rhowch god post llawn'],
    ['?postcode=CV34&county=Warwickshire', 'postcode', 'Rhowch god post neu dewiswch sir, nid y ddau'],
    ['?need=magic', 'need', 'Dewiswch o&#39;r rhestr'],
  ])('answers %s with a 400 in Welsh', async (query, field, message) => {
    const res = await get(`${PATH}${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Mae problem');
    expect(res.body).toContain(message);
    expect(res.body).toContain(`href="#${field}`);
    expect(res.body).toContain('<title>Gwall: Dod o hyd i gymorth – Casebook</title>');
    expect(res.body).toContain('<span class="govuk-visually-hidden">Gwall:</span>');
    expect(res.body).not.toContain('<span class="govuk-visually-hidden">Error:</span>');
  });

  it('has a Welsh page for every service, its data marked as English', async () => {
    for (const entry of t.services.directory.entries) {
      const res = await get(`${PATH}/${entry.id}`);
      expect(res.statusCode, entry.id).toBe(200);
      expect(res.body, entry.id).toContain(`<link rel="alternate" hreflang="en" href="/get-help/support-directory/${entry.id}">`);
    }
    const lff = await get(`${PATH}/live-fear-free`);
    expect(lff.body).toContain('<h1 class="govuk-heading-xl" lang="en">Live Fear Free</h1>');
    expect(lff.body).toContain('Sut i gysylltu');
    expect(lff.body).toContain('(am ddim)');
    expect(lff.body).toContain('Ar agor 24 awr, bob dydd');
    expect((await get(`${PATH}/nope`)).statusCode).toBe(404);
  });

  it('keeps the same catalogue keys in both languages', () => {
    expect(() => loadMessages('directory')).not.toThrow();
  });

  it('builds the kept query from the filters, never from more than the outward code', () => {
    expect(placeQuery({ needs: ['stalking', 'legal'], openNow: true }, { outward: 'CF10' })).toBe(
      '?need=stalking&need=legal&open=now&postcode=CF10',
    );
    expect(placeQuery({}, { county: 'Gwent', outward: 'NP20' })).toBe('?county=Gwent');
    expect(placeQuery({}, {})).toBe('');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';

// Wednesday 25 November 2026, 10:00 in London: the helpline is closed until 1pm; 24/7 services are open.
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock: () => Date.parse('2026-11-25T10:00:00Z') });
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const names = (html: string) =>
  [...html.matchAll(/<h3 class="govuk-heading-m[^"]*"><a class="govuk-link" href="\/get-help\/support-directory\/([a-z0-9-]+)">/g)].map(
    (m) => m[1],
  );

describe('support directory', () => {
  it('lists every service with counts, without filters', async () => {
    const res = await get('/get-help/support-directory');
    expect(res.statusCode).toBe(200);
    expect(names(res.body)).toHaveLength(t.services.directory.entries.length);
    expect(res.body).toMatch(/Stalking \(\d+\)/);
    expect(res.body).toContain(`${t.services.directory.entries.length} of ${t.services.directory.entries.length} services`);
  });

  it('filters by need, by who it serves and by way of contact', async () => {
    const res = await get('/get-help/support-directory?need=advocacy');
    expect(names(res.body)).toContain('paladin');
    expect(names(res.body)).not.toContain('samaritans');
    const lgbt = names((await get('/get-help/support-directory?serves=lgbt&need=domestic-abuse')).body);
    expect(lgbt).toContain('galop');
    const text = names((await get('/get-help/support-directory?contact=textphone')).body);
    expect(text).toEqual(['police']);
  });

  it('filters to services open now, using the hours engine', async () => {
    const open = names((await get('/get-help/support-directory?open=now')).body);
    expect(open).toContain('samaritans');
    expect(open).not.toContain('national-stalking-helpline');
  });

  it('finds support by postcode: national services plus those for the area', async () => {
    const warwick = names((await get('/get-help/support-directory?postcode=cv34%204ab')).body);
    expect(warwick).toContain('warwickshire-against-domestic-abuse');
    expect(warwick).toContain('national-stalking-helpline');
    const london = names((await get('/get-help/support-directory?postcode=SW1A1AA')).body);
    expect(london).not.toContain('warwickshire-against-domestic-abuse');
    expect(london).toContain('national-stalking-helpline');
  });

  it('finds support by county', async () => {
    const res = await get('/get-help/support-directory?county=Warwickshire');
    expect(res.statusCode).toBe(200);
    expect(names(res.body)).toContain('warwickshire-against-domestic-abuse');
  });

  it('never shows the full postcode back, nor caches it', async () => {
    const res = await get('/get-help/support-directory?postcode=CV34%204AB');
    expect(res.body).not.toMatch(/CV34 ?4AB/i);
    expect(res.body).toContain('value="CV34"');
  });

  it('shows a kind empty state', async () => {
    const res = await get('/get-help/support-directory?need=legal&serves=people-worried-about-their-own-behaviour&contact=app');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('No service matches all of these choices');
    expect(res.body).toContain('tel:08088020300');
  });

  it.each([
    ['?postcode=NOTAPOSTCODE', 'postcode'],
    ['?postcode=' + 'A'.repeat(100), 'postcode'],
    ['?need=magic', 'need'],
    ['?county=Atlantis', 'county'],
    ['?postcode=CV34&county=Warwickshire', 'postcode'],
    ['?need=' + Array.from({ length: 30 }, () => 'stalking').join('&need='), 'need'],
  ])('rejects %s with a 400, an error summary and the form', async (query, field) => {
    const res = await get(`/get-help/support-directory${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('There is a problem');
    expect(res.body).toContain(`href="#${field}`);
    expect(res.body).toContain('<form action="/get-help/support-directory"');
  });

  it('has a page for every service, with weekly hours where known', async () => {
    for (const entry of t.services.directory.entries) {
      const res = await get(`/get-help/support-directory/${entry.id}`);
      expect(res.statusCode, entry.id).toBe(200);
      expect(res.body.match(/<h1[\s>]/g)).toHaveLength(1);
    }
    const helpline = await get('/get-help/support-directory/national-stalking-helpline');
    expect(helpline.body).toContain('Wednesday: 1pm to 4pm');
    expect(helpline.body).toContain('Closed — opens today at 1pm');
    expect((await get('/get-help/support-directory/nope')).statusCode).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { countiesOf } from '../../../domain/directory/counties.ts';
import { POSTCODE_AREAS } from '../../../domain/directory/postcode-areas.ts';

// Live Fear Free, the Welsh Government's helpline, is found from every postcode area and county in Wales
// (the areas that cross the border, CH and SY, included), and from nowhere else.
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
const welshCounties = countiesOf('wales').map((c) => c.name as string);
const welshAreas = Object.entries(POSTCODE_AREAS)
  .filter(([, area]) => area.counties.some((c) => welshCounties.includes(c)))
  .map(([code]) => code);

describe('Live Fear Free in the directory', () => {
  it('is an entry with its numbers, open 24 hours, and its sources', () => {
    const entry = t.services.directory.get('live-fear-free');
    expect(entry?.contact.map((c) => [c.kind, c.value])).toEqual([
      ['phone', '0808 80 10 800'],
      ['text', '07860 077333'],
      ['website', 'https://www.gov.wales/live-fear-free'],
    ]);
    expect(entry?.hours).toEqual({ alwaysOpen: true });
    expect(entry?.sources.map((s) => s.url)).toEqual(['https://www.gov.wales/live-fear-free', 'https://www.llyw.cymru/byw-heb-ofn']);
  });

  it('is found from every Welsh postcode area', async () => {
    expect(welshAreas).toEqual(expect.arrayContaining(['CF', 'CH', 'LD', 'LL', 'NP', 'SA', 'SY']));
    for (const area of welshAreas) {
      const res = await get(`/get-help/support-directory?postcode=${area}1`);
      expect(res.statusCode, area).toBe(200);
      expect(names(res.body), area).toContain('live-fear-free');
    }
    expect(names((await get('/get-help/support-directory?postcode=CF10%201EP')).body)).toContain('live-fear-free');
  });

  it('is found from every Welsh county, and not from England', async () => {
    expect(welshCounties).toHaveLength(8);
    for (const county of welshCounties) {
      expect(names((await get(`/get-help/support-directory?county=${encodeURIComponent(county)}`)).body), county).toContain(
        'live-fear-free',
      );
    }
    expect(names((await get('/get-help/support-directory?postcode=CV34%204AB')).body)).not.toContain('live-fear-free');
    expect(names((await get('/get-help/support-directory?county=Warwickshire')).body)).not.toContain('live-fear-free');
  });

  it('has its own page, with its free number and the text number', async () => {
    const res = await get('/get-help/support-directory/live-fear-free');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="tel:08088010800"');
    expect(res.body).toContain('07860 077333');
  });
});

describe('the four Welsh police forces', () => {
  it.each([
    ['LL57', ['north-wales-police']],
    ['CH5', ['north-wales-police']],
    ['LD1', ['dyfed-powys-police']],
    ['CF10', ['south-wales-police', 'gwent-police']],
    ['NP20', ['gwent-police', 'dyfed-powys-police']],
    ['SA1', ['south-wales-police', 'dyfed-powys-police']],
  ])('%s finds its force, with 101 and its website', async (postcode, forces) => {
    const found = names((await get(`/get-help/support-directory?postcode=${postcode}`)).body);
    for (const force of forces) expect(found, postcode).toContain(force);
    const welsh = ['dyfed-powys-police', 'gwent-police', 'north-wales-police', 'south-wales-police'];
    expect(found.filter((id) => welsh.includes(id!)).sort(), postcode).toEqual([...forces].sort());
  });

  it('each has 101 and its own website, and none is found from England', async () => {
    for (const [id, site] of [
      ['dyfed-powys-police', 'https://www.dyfed-powys.police.uk'],
      ['gwent-police', 'https://www.gwent.police.uk'],
      ['north-wales-police', 'https://www.northwales.police.uk'],
      ['south-wales-police', 'https://www.south-wales.police.uk'],
    ] as const) {
      const entry = t.services.directory.get(id);
      expect(
        entry?.contact.map((c) => c.value),
        id,
      ).toEqual(['101', site]);
      expect(entry?.sources[0]?.url, id).toBe(site);
    }
    const england = names((await get('/get-help/support-directory?postcode=CV34%204AB')).body);
    expect(england.filter((id) => id!.endsWith('-police') && id !== 'police')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { locationForCounty, locationForNation } from './area.ts';
import type { IsOpen } from './filters.ts';
import { countFilterValues, filterEntries, MAX_VALUES_PER_KEY, parseDirectoryQuery, servesArea } from './filters.ts';
import type { ServiceEntry } from './schema.ts';
import { parseServiceEntry } from './schema.ts';

function makeEntry(id: string, fields: Partial<Record<keyof ServiceEntry, unknown>>): ServiceEntry {
  return parseServiceEntry(
    {
      id,
      name: id,
      summary: 'A test service.',
      description: 'It helps. It is a test.',
      serves: ['everyone'],
      needs: ['stalking'],
      contact: [{ kind: 'website', value: 'https://example.org' }],
      area: { kind: 'uk' },
      sources: [{ title: 'Example', url: 'https://example.org' }],
      lastChecked: '2026-11-23',
      ...fields,
    },
    `${id}.yaml`,
  );
}

const helpline = makeEntry('helpline', {
  needs: ['stalking', 'harassment'],
  contact: [{ kind: 'phone', value: '0808 802 0300' }],
});
const advocacy = makeEntry('advocacy', {
  needs: ['stalking', 'advocacy'],
  area: { kind: 'nations', nations: ['england', 'wales'] },
});
const local = makeEntry('local', {
  serves: ['everyone', 'young-people', 'people-worried-about-their-own-behaviour'],
  needs: ['domestic-abuse'],
  area: { kind: 'counties', counties: ['Warwickshire'] },
});
const forWomen = makeEntry('for-women', {
  serves: ['women'],
  needs: ['domestic-abuse'],
  contact: [{ kind: 'phone', value: '0808 2000 247' }],
});
const forPerpetrators = makeEntry('for-perpetrators', { serves: ['people-worried-about-their-own-behaviour'], needs: ['domestic-abuse'] });
const hampshire = makeEntry('hampshire', { area: { kind: 'police-force-areas', forces: ['Hampshire and Isle of Wight Constabulary'] } });

const all = [helpline, advocacy, local, forWomen, forPerpetrators, hampshire];
const ids = (entries: readonly ServiceEntry[]) => entries.map((entry) => entry.id);

describe('filterEntries', () => {
  it('returns everything, in order, with no filters', () => {
    expect(ids(filterEntries(all, {}))).toEqual(ids(all));
    expect(ids(filterEntries(all, { needs: [], serves: [], contactKinds: [] }))).toEqual(ids(all));
  });

  it('matches any of the chosen needs', () => {
    expect(ids(filterEntries(all, { needs: ['advocacy', 'harassment'] }))).toEqual(['helpline', 'advocacy']);
  });

  it('lets services for everyone serve each group, except people worried about their own behaviour', () => {
    expect(ids(filterEntries(all, { serves: ['women'] }))).toEqual(['helpline', 'advocacy', 'local', 'for-women', 'hampshire']);
    expect(ids(filterEntries(all, { serves: ['people-worried-about-their-own-behaviour'] }))).toEqual(['local', 'for-perpetrators']);
  });

  it('matches by way of getting in touch', () => {
    expect(ids(filterEntries(all, { contactKinds: ['phone'] }))).toEqual(['helpline', 'for-women']);
  });

  it('matches UK-wide services everywhere, and local ones only in their area', () => {
    const warwick = locationForCounty('Warwickshire');
    expect(ids(filterEntries(all, { location: warwick }))).toEqual(['helpline', 'advocacy', 'local', 'for-women', 'for-perpetrators']);
    const scotland = locationForNation('scotland');
    expect(ids(filterEntries(all, { location: scotland }))).toEqual(['helpline', 'for-women', 'for-perpetrators']);
    const portsmouth = {
      nations: ['england'] as const,
      forces: ['Hampshire and Isle of Wight Constabulary'] as const,
      counties: ['Hampshire'] as const,
    };
    expect(ids(filterEntries(all, { location: portsmouth }))).toContain('hampshire');
  });

  it('combines filters: all dimensions must match', () => {
    expect(ids(filterEntries(all, { needs: ['domestic-abuse'], serves: ['young-people'], location: locationForCounty('Kent') }))).toEqual(
      [],
    );
    expect(
      ids(filterEntries(all, { needs: ['domestic-abuse'], serves: ['young-people'], location: locationForCounty('Warwickshire') })),
    ).toEqual(['local']);
  });

  it('asks the caller whether each service is open, at the instant given', () => {
    const at = new Date('2026-11-25T12:00:00Z');
    const seen: Date[] = [];
    const isOpen: IsOpen = (entry, instant) => {
      seen.push(instant);
      return entry.id === 'helpline';
    };
    expect(ids(filterEntries(all, { openNow: true }, { at, isOpen }))).toEqual(['helpline']);
    expect(seen.every((instant) => instant === at)).toBe(true);
    expect(() => filterEntries(all, { openNow: true })).toThrow(/OpenCheck/);
  });
});

describe('servesArea', () => {
  it('matches nation-level services anywhere in that nation', () => {
    expect(servesArea({ kind: 'nations', nations: ['wales'] }, locationForCounty('Powys'))).toBe(true);
    expect(servesArea({ kind: 'nations', nations: ['wales'] }, locationForCounty('Warwickshire'))).toBe(false);
    expect(servesArea({ kind: 'uk' }, { nations: [], forces: [], counties: [] })).toBe(true);
  });
});

describe('countFilterValues', () => {
  it('counts each value as if it were chosen, keeping the other filters', () => {
    const counts = countFilterValues(all, {});
    expect(counts.total).toBe(6);
    expect(counts.needs.stalking).toBe(3);
    expect(counts.needs['domestic-abuse']).toBe(3);
    expect(counts.needs.legal).toBe(0);
    expect(counts.serves.women).toBe(5);
    expect(counts.serves['people-worried-about-their-own-behaviour']).toBe(2);
    expect(counts.contactKinds.phone).toBe(2);
    expect(counts.openNow).toBeUndefined();
  });

  it("does not let a dimension's own choice shrink its counts", () => {
    const counts = countFilterValues(all, { needs: ['advocacy'], location: locationForNation('scotland') });
    expect(counts.total).toBe(0);
    expect(counts.needs.stalking).toBe(1);
    expect(counts.needs.advocacy).toBe(0);
    expect(counts.contactKinds.website).toBe(0);
  });

  it('counts services open now when given an OpenCheck', () => {
    const counts = countFilterValues(all, { needs: ['stalking'] }, { at: new Date(), isOpen: (entry) => entry.id !== 'advocacy' });
    expect(counts.openNow).toBe(2);
  });
});

describe('parseDirectoryQuery', () => {
  it('accepts an empty query', () => {
    expect(parseDirectoryQuery({})).toEqual({ ok: true, filters: { needs: [], serves: [], contactKinds: [], openNow: false } });
  });

  it('reads single and repeated keys, dropping blanks and repeats', () => {
    const result = parseDirectoryQuery({
      need: ['stalking', 'harassment', 'stalking', ''],
      serves: 'women',
      contact: 'phone',
      open: 'now',
    });
    expect(result).toEqual({
      ok: true,
      filters: { needs: ['stalking', 'harassment'], serves: ['women'], contactKinds: ['phone'], openNow: true },
    });
  });

  it('rejects unknown values with a message listing the allowed ones', () => {
    const result = parseDirectoryQuery({ need: ['stalking', 'gardening'], contact: 'pigeon' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        key: 'need',
        message:
          'need: "gardening" is not allowed. Choose from: stalking, harassment, domestic-abuse, online-safety, advocacy, emotional-support, legal, personal-safety, practical-support',
      },
      { key: 'contact', message: expect.stringMatching(/^contact: "pigeon" is not allowed\. Choose from: phone, text, email/) },
    ]);
    expect(result.filters.needs).toEqual(['stalking']);
    expect(parseDirectoryQuery({ open: 'yes' })).toMatchObject({
      ok: false,
      errors: [{ key: 'open', message: 'open: "yes" is not allowed. Choose from: now' }],
    });
    expect(parseDirectoryQuery({ county: 'Narnia' })).toMatchObject({
      ok: false,
      errors: [{ key: 'county', message: 'county: "Narnia" is not allowed. Choose a county from the list' }],
    });
  });

  it('bounds the number and length of values, and rejects values that are not text', () => {
    const many = Array.from({ length: MAX_VALUES_PER_KEY + 1 }, () => 'stalking');
    expect(parseDirectoryQuery({ need: many })).toMatchObject({
      ok: false,
      errors: [{ key: 'need', message: 'need: give at most 20 values' }],
    });
    expect(parseDirectoryQuery({ need: 'x'.repeat(65) })).toMatchObject({
      ok: false,
      errors: [{ key: 'need', message: 'need: a value is longer than 64 characters' }],
    });
    expect(parseDirectoryQuery({ serves: { nested: 'women' } })).toMatchObject({
      ok: false,
      errors: [{ key: 'serves', message: 'serves: must be text' }],
    });
  });

  it('ignores keys it does not know', () => {
    expect(parseDirectoryQuery({ utm_source: 'x', submit: '' }).ok).toBe(true);
  });

  it('turns a postcode into a place and a location filter', () => {
    const result = parseDirectoryQuery({ postcode: 'cv34 4ab' });
    expect(result).toMatchObject({ ok: true, place: { kind: 'postcode', postcode: 'CV34 4AB', postTown: 'Coventry' } });
    expect(result.filters.location?.forces).toContain('Warwickshire Police');
  });

  it('turns a county into a place and a location filter', () => {
    const result = parseDirectoryQuery({ county: 'Warwickshire', postcode: '' });
    expect(result).toMatchObject({ ok: true, place: { kind: 'county', county: 'Warwickshire' } });
    expect(result.filters.location).toEqual(locationForCounty('Warwickshire'));
  });

  it('explains a bad postcode, or a postcode and a county together', () => {
    expect(parseDirectoryQuery({ postcode: 'nonsense' })).toMatchObject({
      ok: false,
      errors: [{ key: 'postcode', message: expect.stringMatching(/^That is not a postcode/) }],
    });
    expect(parseDirectoryQuery({ postcode: 'B1', county: 'Kent' })).toMatchObject({
      ok: false,
      errors: [{ key: 'postcode', message: 'Enter a postcode or choose a county, not both' }],
    });
    expect(parseDirectoryQuery({ postcode: ['B1', 'B2'] })).toMatchObject({
      ok: false,
      errors: [{ key: 'postcode', message: 'postcode: give only one value' }],
    });
  });

  it('keeps a Crown Dependency postcode, with a note and no local services', () => {
    const result = parseDirectoryQuery({ postcode: 'JE2 3AB' });
    expect(result).toMatchObject({ ok: true, place: { kind: 'postcode', postcode: 'JE2 3AB', note: expect.stringMatching(/Jersey/) } });
    expect(result.filters.location).toEqual({ nations: [], forces: [], counties: [] });
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { lookupPostcode } from './area.ts';
import { phoneDigits } from './contact-values.ts';
import { filterEntries } from './filters.ts';
import type { ServiceEntry } from './schema.ts';
import { parseServiceEntry } from './schema.ts';

const DIRECTORY = join(import.meta.dirname, '../../server/content/directory');

const files = readdirSync(DIRECTORY)
  .filter((name) => name.endsWith('.yaml'))
  .sort();
const entries: ServiceEntry[] = files.map((name) => parseServiceEntry(parseYaml(readFileSync(join(DIRECTORY, name), 'utf8')), name));
const byId = new Map(entries.map((entry) => [entry.id, entry]));

function entry(id: string): ServiceEntry {
  const found = byId.get(id);
  if (found === undefined) throw new Error(`no directory entry ${id}`);
  return found;
}

const phones = (id: string) =>
  entry(id)
    .contact.filter((way) => way.kind === 'phone')
    .map((way) => phoneDigits(way.value));

describe('directory data files', () => {
  it('holds only .yaml files, each one a valid entry', () => {
    expect(readdirSync(DIRECTORY).filter((name) => !name.endsWith('.yaml'))).toEqual([]);
    expect(entries.length).toBe(files.length);
  });

  it('has unique ids that equal the file names', () => {
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    entries.forEach((e, index) => expect(`${e.id}.yaml`).toBe(files[index]));
  });

  it('covers every service named in the seeds and FACTS.md', () => {
    expect([...byId.keys()].sort()).toEqual(
      [
        'aurora-new-dawn',
        // The four Welsh police forces (issue 14), each found from the postcodes of its area.
        'dyfed-powys-police',
        'galop',
        'gwent-police',
        'get-safe-online',
        'hollie-guard',
        // Issue 14; checked on gov.wales and llyw.cymru, not yet a row in FACTS.md (docs/welsh.md).
        'live-fear-free',
        'mens-advice-line',
        'national-centre-for-domestic-violence',
        'national-domestic-abuse-helpline',
        'national-stalking-helpline',
        'north-wales-police',
        'paladin',
        'police',
        'protection-against-stalking',
        'respect-phoneline',
        'samaritans',
        'south-wales-police',
        'suzy-lamplugh-trust',
        'victim-support',
        'warwickshire-against-domestic-abuse',
      ].sort(),
    );
  });

  it('gives the numbers in FACTS.md', () => {
    expect(phones('national-stalking-helpline')).toEqual(['08088020300']);
    expect(phones('paladin')).toEqual(['02038664107']);
    expect(phones('samaritans')).toEqual(['116123']);
    expect(phones('victim-support')).toEqual(['08081689111']);
    expect(phones('national-domestic-abuse-helpline')).toEqual(['08082000247']);
    expect(phones('galop')).toEqual(['08009995428']);
    expect(phones('mens-advice-line')).toEqual(['08088010327']);
    expect(phones('respect-phoneline')).toEqual(['08088024040']);
    expect(phones('police')).toEqual(['999', '101']);
    expect(entry('police').contact.find((way) => way.kind === 'textphone')?.value).toBe('18000');
    expect(entry('police').contact.find((way) => way.kind === 'text')?.value).toBe('999');
  });

  it('never lists the retired helpline number, the press office line or an email address', () => {
    const allValues = entries.flatMap((e) => e.contact.map((way) => phoneDigits(way.value)));
    expect(allValues).not.toContain('03006360300');
    expect(allValues).not.toContain('07747611308');
    expect(entries.flatMap((e) => e.contact).filter((way) => way.kind === 'email')).toEqual([]);
  });

  it('gives the helpline hours in FACTS.md: 09:30-16:00 weekdays, Wednesday 13:00-16:00, closed on bank holidays', () => {
    const weekday = [{ opens: '09:30', closes: '16:00' }];
    expect(entry('national-stalking-helpline').hours).toEqual({
      weekly: { mon: weekday, tue: weekday, wed: [{ opens: '13:00', closes: '16:00' }], thu: weekday, fri: weekday },
      closedOnBankHolidaysOf: 'england-and-wales',
    });
  });

  it('marks as always open only the services FACTS.md gives as 24/7', () => {
    const alwaysOpen = entries
      .filter((e) => e.hours?.alwaysOpen === true)
      .map((e) => e.id)
      .sort();
    // Live Fear Free: "Ar gael 24 awr y dydd, 7 diwrnod yr wythnos" (llyw.cymru/byw-heb-ofn); FACTS.md row pending.
    expect(alwaysOpen).toEqual(['live-fear-free', 'national-domestic-abuse-helpline', 'samaritans', 'victim-support']);
  });

  it('says to check the website wherever hours are not given', () => {
    for (const e of entries) {
      const hasHours = e.hours !== undefined || e.contact.some((way) => way.hours !== undefined);
      const needsNoHours = e.contact.every((way) => ['website', 'app'].includes(way.kind));
      if (!hasHours && !needsNoHours && e.id !== 'police') expect(e.notes, e.id).toMatch(/check their website for opening times/i);
    }
  });

  it('marks as unconfirmed the details FACTS.md says to check', () => {
    expect(entry('respect-phoneline').notes).toMatch(/phone number is unconfirmed/);
    expect(entry('galop').hours).toBeUndefined();
    expect(entry('mens-advice-line').hours).toBeUndefined();
  });

  it('places local services in their areas', () => {
    expect(entry('warwickshire-against-domestic-abuse').area).toEqual({ kind: 'counties', counties: ['Warwickshire'] });
    expect(entry('paladin').area).toEqual({ kind: 'nations', nations: ['england', 'wales'] });
    expect(entry('paladin').notes).toMatch(/England and Wales/);
  });

  it('shows local services to people in their area only', () => {
    const near = (postcode: string) => {
      const lookup = lookupPostcode(postcode);
      if (lookup.kind !== 'found') throw new Error(postcode);
      return filterEntries(entries, { location: lookup.location }).map((e) => e.id);
    };
    expect(near('CV34 4AB')).toContain('warwickshire-against-domestic-abuse');
    expect(near('SW1A 1AA')).not.toContain('warwickshire-against-domestic-abuse');
    expect(near('CF10 1AA')).toEqual(expect.arrayContaining(['paladin', 'victim-support', 'national-stalking-helpline']));
    expect(near('EH1 1AA')).not.toContain('paladin');
    expect(near('PO1 1AA')).toContain('aurora-new-dawn');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PostcodeLookup } from './area.ts';
import { locationForCounty, lookupPostcode, MAX_POSTCODE_INPUT_LENGTH, normalisePostcode } from './area.ts';

function found(input: string): Extract<PostcodeLookup, { kind: 'found' }> {
  const result = lookupPostcode(input);
  if (result.kind !== 'found') throw new Error(`${input}: expected a UK area, got ${JSON.stringify(result)}`);
  return result;
}

function invalidMessage(input: unknown): string {
  const result = lookupPostcode(input);
  if (result.kind !== 'invalid') throw new Error(`${String(input)}: expected it to be rejected`);
  return result.message;
}

describe('lookupPostcode', () => {
  it('finds the Metropolitan Police, Greater London and England for SW1A 1AA', () => {
    const result = found('SW1A 1AA');
    expect(result).toMatchObject({ postcode: 'SW1A 1AA', area: 'SW', postTown: 'London', isOutcodeOnly: false });
    expect(result.location).toEqual({ nations: ['england'], forces: ['Metropolitan Police Service'], counties: ['Greater London'] });
  });

  it('finds Warwickshire Police and Warwickshire for CV34 4AB', () => {
    const { location } = found('CV34 4AB');
    expect(location.forces).toContain('Warwickshire Police');
    expect(location.counties).toContain('Warwickshire');
    expect(location.nations).toEqual(['england']);
  });

  it('finds the Police Service of Northern Ireland for BT1 1AA', () => {
    expect(found('BT1 1AA').location).toMatchObject({ nations: ['northern-ireland'], forces: ['Police Service of Northern Ireland'] });
  });

  it('finds Police Scotland for EH1 1AA', () => {
    expect(found('EH1 1AA').location).toMatchObject({ nations: ['scotland'], forces: ['Police Scotland'] });
  });

  it('lists both nations for areas that cross the border', () => {
    expect(found('CH5 1AA').location.nations).toEqual(['england', 'wales']);
    expect(found('TD15 1AA').location.nations).toEqual(['scotland', 'england']);
    expect(found('CF10 1AA').location).toMatchObject({ nations: ['wales'], forces: ['South Wales Police', 'Gwent Police'] });
  });

  it('normalises case and spacing', () => {
    for (const input of ['sw1a1aa', ' sw1a 1aa ', 'SW1A   1AA', 'Sw1A\t1aA']) expect(found(input).postcode).toBe('SW1A 1AA');
    expect(found('cv344ab').postcode).toBe('CV34 4AB');
  });

  it('accepts the first part of a postcode on its own', () => {
    expect(found('sw1a')).toMatchObject({ postcode: 'SW1A', isOutcodeOnly: true, area: 'SW' });
    expect(found('B1')).toMatchObject({ postcode: 'B1', isOutcodeOnly: true, area: 'B' });
    expect(found('b1').location.forces[0]).toBe('West Midlands Police');
  });

  it('rejects empty, garbage, partial and over-long input with a message', () => {
    expect(invalidMessage('')).toBe('Enter a postcode');
    expect(invalidMessage('   ')).toBe('Enter a postcode');
    expect(invalidMessage('hello world')).toMatch(/^That is not a postcode\. Enter a full postcode, like SW1A 1AA/);
    expect(invalidMessage('SW1A 1')).toMatch(/^That is not a postcode/);
    expect(invalidMessage('CV34 4')).toMatch(/^That is not a postcode/);
    expect(invalidMessage('SW1A-1AA')).toBe('A postcode can only contain letters, numbers and a space');
    expect(invalidMessage('<script>')).toBe('A postcode can only contain letters, numbers and a space');
    expect(invalidMessage('SW1A 1AA'.repeat(100))).toMatch(/^That is too long to be a postcode/);
    expect(invalidMessage(42)).toMatch(/^Enter a full postcode/);
  });

  it('rejects well-formed postcodes in areas that do not exist or do not show where someone lives', () => {
    expect(invalidMessage('QQ1 1AA')).toBe('QQ1 1AA is not a UK postcode. Check it, or choose your county');
    expect(invalidMessage('BX1 1LT')).toMatch(/^Postcodes starting BX are non-geographic/);
    expect(invalidMessage('BF1 3AA')).toMatch(/British Forces Post Office/);
  });

  it('explains that the Crown Dependencies are outside the UK police forces', () => {
    const result = lookupPostcode('je2 3ab');
    expect(result).toMatchObject({ kind: 'outside-uk-police', postcode: 'JE2 3AB', place: 'Jersey' });
    if (result.kind !== 'outside-uk-police') throw new Error('unreachable');
    expect(result.message).toMatch(/Jersey, which has its own police force outside the UK's police forces/);
    expect(result.location).toEqual({ nations: [], forces: [], counties: [] });
    expect(lookupPostcode('GY1 1AA')).toMatchObject({ place: 'Guernsey' });
    expect(lookupPostcode('IM1 1AA')).toMatchObject({ place: 'the Isle of Man' });
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.anything()), (input) => {
        const result = lookupPostcode(input);
        expect(['found', 'invalid', 'outside-uk-police']).toContain(result.kind);
      }),
    );
  });

  it('accepts only what is at most 16 characters, and normalises to at most 8', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        const result = normalisePostcode(input);
        if (result.ok) {
          expect(input.length).toBeLessThanOrEqual(MAX_POSTCODE_INPUT_LENGTH);
          expect(result.postcode.length).toBeLessThanOrEqual(8);
          expect(result.postcode).toMatch(/^[A-Z0-9 ]+$/);
        }
      }),
    );
  });
});

describe('locationForCounty', () => {
  it('gives the county, its nation and its forces', () => {
    expect(locationForCounty('Warwickshire')).toEqual({
      nations: ['england'],
      forces: ['Warwickshire Police'],
      counties: ['Warwickshire'],
    });
    expect(locationForCounty('Powys')).toEqual({ nations: ['wales'], forces: ['Dyfed-Powys Police'], counties: ['Powys'] });
  });
});

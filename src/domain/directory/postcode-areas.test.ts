import { describe, expect, it } from 'vitest';
import { COUNTIES, countiesOf, findCounty } from './counties.ts';
import { ENGLAND_AND_WALES_FORCES, nationOfForce, POLICE_FORCES } from './police-forces.ts';
import { CROWN_DEPENDENCY_AREAS, NON_GEOGRAPHIC_AREAS, POSTCODE_AREAS } from './postcode-areas.ts';

const areas = Object.entries(POSTCODE_AREAS);

describe('police forces', () => {
  it('lists the 43 territorial forces of England and Wales, plus Scotland and Northern Ireland', () => {
    expect(ENGLAND_AND_WALES_FORCES).toHaveLength(43);
    expect(POLICE_FORCES).toHaveLength(45);
    expect(new Set(POLICE_FORCES).size).toBe(45);
    expect(POLICE_FORCES.filter((force) => nationOfForce(force) === 'wales')).toHaveLength(4);
  });
});

describe('counties', () => {
  it('lists 48 English ceremonial counties, 8 Welsh preserved counties, 32 Scottish council areas and 6 Northern Irish counties', () => {
    expect(countiesOf('england')).toHaveLength(48);
    expect(countiesOf('wales')).toHaveLength(8);
    expect(countiesOf('scotland')).toHaveLength(32);
    expect(countiesOf('northern-ireland')).toHaveLength(6);
    expect(new Set(COUNTIES.map((county) => county.name)).size).toBe(COUNTIES.length);
  });

  it('gives each county only forces of its own nation', () => {
    for (const county of COUNTIES) for (const force of county.forces) expect(nationOfForce(force), county.name).toBe(county.nation);
  });
});

describe('postcode areas', () => {
  it('covers the 121 UK postcode areas, keeping Crown Dependencies and non-geographic areas apart', () => {
    expect(areas).toHaveLength(121);
    for (const code of [...Object.keys(CROWN_DEPENDENCY_AREAS), ...Object.keys(NON_GEOGRAPHIC_AREAS)]) {
      expect(POSTCODE_AREAS[code]).toBeUndefined();
    }
    for (const code of Object.keys(POSTCODE_AREAS)) expect(code).toMatch(/^[A-Z]{1,2}$/);
  });

  it('lists each force and county once per area', () => {
    for (const [code, area] of areas) {
      expect(new Set(area.forces).size, code).toBe(area.forces.length);
      expect(new Set(area.counties).size, code).toBe(area.counties.length);
      expect(area.forces.length, code).toBeGreaterThan(0);
    }
  });

  it('names only forces that police one of the counties the area touches', () => {
    for (const [code, area] of areas) {
      const countyForces = new Set(area.counties.flatMap((name) => findCounty(name)?.forces ?? []));
      for (const force of area.forces) expect(countyForces.has(force), `${code}: ${force}`).toBe(true);
    }
  });

  it('reaches every force and every county from some postcode area', () => {
    const forces = new Set(areas.flatMap(([, area]) => area.forces));
    const counties = new Set(areas.flatMap(([, area]) => area.counties));
    expect(POLICE_FORCES.filter((force) => !forces.has(force))).toEqual([]);
    expect(COUNTIES.map((county) => county.name).filter((name) => !counties.has(name))).toEqual([]);
  });
});

import { isValid, parse, validOutcode } from 'postcode';
import type { CountyName } from './counties.ts';
import { findCounty } from './counties.ts';
import type { PoliceForce, UkNation } from './police-forces.ts';
import { CROWN_DEPENDENCY_AREAS, NON_GEOGRAPHIC_AREAS, POSTCODE_AREAS } from './postcode-areas.ts';

/** Where a person is, as precisely as we know it: every nation, force and county their area touches. */
export interface PersonLocation {
  nations: readonly UkNation[];
  forces: readonly PoliceForce[];
  counties: readonly CountyName[];
}

// The longest postcode is 8 characters with its space; the rest allows for stray spaces, and anything
// longer is rejected before any parsing so a huge query string costs nothing.
export const MAX_POSTCODE_INPUT_LENGTH = 16;

const EXAMPLE = 'Enter a full postcode, like SW1A 1AA, or the first part, like SW1A';

export type NormalisedPostcode = { ok: true; postcode: string; area: string; isOutcodeOnly: boolean } | { ok: false; message: string };

/**
 * Accepts a full postcode ("sw1a1aa" → "SW1A 1AA") or an outward code on its own ("sw1a" → "SW1A"),
 * because people wary of giving their exact address may only want to give the first part.
 */
export function normalisePostcode(input: unknown): NormalisedPostcode {
  if (typeof input !== 'string') return { ok: false, message: EXAMPLE };
  if (input.length > MAX_POSTCODE_INPUT_LENGTH) {
    return { ok: false, message: `That is too long to be a postcode. ${EXAMPLE}` };
  }
  const compact = input.trim().replace(/\s+/g, ' ').toUpperCase();
  if (compact === '') return { ok: false, message: 'Enter a postcode' };
  if (/[^A-Z0-9 ]/.test(compact)) {
    return { ok: false, message: 'A postcode can only contain letters, numbers and a space' };
  }
  if (isValid(compact)) {
    const parsed = parse(compact);
    if (parsed.valid) return { ok: true, postcode: parsed.postcode, area: parsed.area, isOutcodeOnly: false };
  }
  if (!compact.includes(' ') && validOutcode(compact)) {
    const area = /^[A-Z]{1,2}/.exec(compact)?.[0];
    if (area !== undefined) return { ok: true, postcode: compact, area, isOutcodeOnly: true };
  }
  return { ok: false, message: `That is not a postcode. ${EXAMPLE}` };
}

export type PostcodeLookup =
  | { kind: 'found'; postcode: string; isOutcodeOnly: boolean; area: string; postTown: string; location: PersonLocation }
  | {
      kind: 'outside-uk-police';
      postcode: string;
      area: string;
      place: string;
      message: string;
      /** Empty: only UK-wide services can match, and the message says we cannot show local ones. */
      location: PersonLocation;
    }
  | { kind: 'invalid'; message: string };

export function lookupPostcode(input: unknown): PostcodeLookup {
  const normalised = normalisePostcode(input);
  if (!normalised.ok) return { kind: 'invalid', message: normalised.message };
  const { postcode, area, isOutcodeOnly } = normalised;

  const known = POSTCODE_AREAS[area];
  if (known !== undefined) {
    return {
      kind: 'found',
      postcode,
      isOutcodeOnly,
      area,
      postTown: known.postTown,
      location: { nations: nationsOf(known.counties), forces: known.forces, counties: known.counties },
    };
  }
  const dependency = CROWN_DEPENDENCY_AREAS[area];
  if (dependency !== undefined) {
    return {
      kind: 'outside-uk-police',
      postcode,
      area,
      place: dependency,
      message:
        `Postcodes starting ${area} are in ${dependency}, which has its own police force outside the UK's ` +
        'police forces, so we cannot show services local to you. In an emergency, call 999.',
      location: { nations: [], forces: [], counties: [] },
    };
  }
  const nonGeographic = NON_GEOGRAPHIC_AREAS[area];
  if (nonGeographic !== undefined) {
    return {
      kind: 'invalid',
      message: `Postcodes starting ${area} are ${nonGeographic}, so they do not show where you are. Enter the postcode where you live, or choose your county`,
    };
  }
  return { kind: 'invalid', message: `${postcode} is not a UK postcode. Check it, or choose your county` };
}

export function locationForCounty(name: CountyName): PersonLocation {
  const county = findCounty(name);
  if (county === undefined) throw new Error(`Unknown county: ${name}`);
  return { nations: [county.nation], forces: county.forces, counties: [name] };
}

export function locationForNation(nation: UkNation): PersonLocation {
  return { nations: [nation], forces: [], counties: [] };
}

function nationsOf(counties: readonly CountyName[]): UkNation[] {
  const nations = new Set<UkNation>();
  for (const name of counties) {
    const county = findCounty(name);
    if (county !== undefined) nations.add(county.nation);
  }
  return [...nations];
}

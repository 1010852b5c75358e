import { findPhoneNumbersInText } from 'libphonenumber-js';
import { isValid as isValidPostcode } from 'postcode';

/**
 * Details that could identify a person (the poster, the stalker, a child, a neighbour) if they appeared in a
 * forum post that a stalker may read (T3). The forum asks the member to remove each one before publishing;
 * it never silently rewrites what they wrote. Over-catching costs a member one edit; under-catching can
 * cost someone their safety, so the rules lean towards catching.
 */
export type DetailKind = 'phone' | 'email' | 'postcode' | 'address' | 'vehicle' | 'social';

export interface Finding {
  kind: DetailKind;
  /** UTF-16 offsets into the text, end exclusive. */
  start: number;
  end: number;
  text: string;
}

export const DETAIL_LABELS: Record<DetailKind, string> = {
  phone: 'a phone number',
  email: 'an email address',
  postcode: 'a postcode',
  address: 'a street address',
  vehicle: 'a car registration',
  social: 'a social media profile',
};

/**
 * Public numbers a member may well pass on to someone else (FACTS.md: emergency, police, Samaritans, the
 * National Stalking Helpline, the National Domestic Abuse Helpline, Victim Support, Paladin, Galop, Men's
 * Advice Line, Respect Phoneline), as national significant numbers.
 */
const PUBLIC_SERVICE_NUMBERS = new Set([
  '999',
  '112',
  '101',
  '111',
  '116123',
  '8088020300',
  '8082000247',
  '8081689111',
  '2038664107',
  '8009995428',
  '8088010327',
  '8088024040',
]);

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

const POSTCODE_CANDIDATE = /\b[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b/gi;

// A house number (optionally "Flat 2," first), then one to four capitalised words, then a street type. Lower-case
// street names are not caught: "walked 3 miles down the road" would be, and moderators read every first post.
const STREET_TYPES =
  'road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|crescent|cres|court|ct|place|pl|gardens|gdns|terrace|grove|hill|mews|row|square|sq|walk|parade|rise|park|view|green|vale|boulevard|wharf|yard';
const ADDRESS = new RegExp(
  String.raw`\b(?:(?i:flat|apartment|apt|unit)\s+\d+[a-zA-Z]?,?\s+)?\d{1,4}[a-zA-Z]?,?\s+(?:\p{Lu}[\p{L}'’-]*\s+){1,4}(?i:${STREET_TYPES})\b\.?`,
  'gu',
);

// UK registrations: current (AB12 CDE), suffix (ABC 123D), prefix (A123 BCD). Dateless marks ("ABC 123") are
// too like ordinary text to catch reliably and are left to moderators.
const VEHICLE = [/\b[a-z]{2}[0-9]{2}\s?[a-z]{3}\b/gi, /\b[a-z]{3}\s?[0-9]{1,3}[a-z]\b/gi, /\b[a-z][0-9]{1,3}\s?[a-z]{3}\b/gi];

const SOCIAL_SITES =
  'facebook\\.com|fb\\.com|fb\\.me|m\\.facebook\\.com|instagram\\.com|instagr\\.am|twitter\\.com|x\\.com|tiktok\\.com|vm\\.tiktok\\.com|linkedin\\.com|snapchat\\.com|youtube\\.com|youtu\\.be|threads\\.net|reddit\\.com|bsky\\.app|mastodon\\.social|pinterest\\.com|onlyfans\\.com|t\\.me|wa\\.me|telegram\\.me|discord\\.gg|discord\\.com|twitch\\.tv|tumblr\\.com|strava\\.com|vinted\\.co\\.uk|nextdoor\\.co\\.uk';
const SOCIAL_LINK = new RegExp(String.raw`\b(?:https?:\/\/)?(?:www\.)?(?:${SOCIAL_SITES})\/[^\s)\]>]*`, 'gi');
// "@name" handles, but not the middle of an email address.
const HANDLE = /(?<![\p{L}\p{N}._%+-])@[A-Za-z0-9_.]{2,30}\b/gu;

// Words that look like a registration but are everyday text ("at 10 am" never matches; these do).
const NOT_VEHICLES = new Set(['covid19']);

function collect(text: string, pattern: RegExp, kind: DetailKind, accept: (match: string) => boolean = () => true): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(pattern)) {
    const value = match[0].replace(/[.,]$/, '');
    if (!accept(value)) continue;
    found.push({ kind, start: match.index, end: match.index + value.length, text: value });
  }
  return found;
}

function phones(text: string): Finding[] {
  return findPhoneNumbersInText(text, { defaultCountry: 'GB', leniency: 'POSSIBLE' } as never)
    .filter((m) => !PUBLIC_SERVICE_NUMBERS.has(m.number.nationalNumber))
    .map((m) => ({ kind: 'phone' as const, start: m.startsAt, end: m.endsAt, text: text.slice(m.startsAt, m.endsAt) }));
}

/** Every identifying detail in a post (its title and body together), in order, without overlaps. */
export function findIdentifyingDetails(text: string): Finding[] {
  const all = [
    ...collect(text, EMAIL, 'email'),
    ...collect(text, SOCIAL_LINK, 'social'),
    ...collect(text, HANDLE, 'social'),
    ...phones(text),
    ...collect(text, POSTCODE_CANDIDATE, 'postcode', (value) => isValidPostcode(value)),
    ...collect(text, ADDRESS, 'address'),
    ...VEHICLE.flatMap((pattern) =>
      collect(text, pattern, 'vehicle', (value) => /\d/.test(value) && /[a-z]{2}/i.test(value) && !NOT_VEHICLES.has(value.toLowerCase())),
    ),
  ];
  // Earlier kinds win a tie (an email beats the handle inside it); a longer match beats one it contains.
  all.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Finding[] = [];
  for (const finding of all) {
    const last = kept.at(-1);
    if (last && finding.start < last.end) continue;
    kept.push(finding);
  }
  return kept;
}

export interface Segment {
  text: string;
  finding?: Finding;
}

/** The text cut into plain runs and found details, for showing the member what to remove. */
export function highlightSegments(text: string, findings: readonly Finding[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const finding of findings) {
    if (finding.start > at) segments.push({ text: text.slice(at, finding.start) });
    segments.push({ text: text.slice(finding.start, finding.end), finding });
    at = finding.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}

/** "a phone number and an email address": what was found, in words, each kind once. */
export function describeFindings(findings: readonly Finding[]): string {
  const kinds = [...new Set(findings.map((f) => f.kind))].map((kind) => DETAIL_LABELS[kind]);
  if (kinds.length <= 1) return kinds[0] ?? '';
  return `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}`;
}

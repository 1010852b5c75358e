import { randomInt } from 'node:crypto';

// Suggested usernames read easily and say nothing about the person: "quiet-heron-4821".
const ADJECTIVES = [
  'quiet',
  'bright',
  'calm',
  'gentle',
  'steady',
  'brave',
  'clear',
  'kind',
  'swift',
  'warm',
  'amber',
  'silver',
  'misty',
  'sunny',
  'mossy',
  'velvet',
  'hidden',
  'little',
  'patient',
  'golden',
];
const NOUNS = [
  'heron',
  'otter',
  'willow',
  'harbour',
  'meadow',
  'robin',
  'badger',
  'maple',
  'river',
  'lantern',
  'pebble',
  'fern',
  'sparrow',
  'orchard',
  'beacon',
  'thistle',
  'kestrel',
  'cedar',
  'brook',
  'hazel',
];

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,32}$/;

export function normalizeUsername(raw: string): string | undefined {
  const name = raw.trim().toLowerCase();
  return USERNAME_PATTERN.test(name) ? name : undefined;
}

export function suggestUsername(): string {
  const pick = (list: readonly string[]) => list[randomInt(list.length)]!;
  return `${pick(ADJECTIVES)}-${pick(NOUNS)}-${randomInt(1000, 10000)}`;
}

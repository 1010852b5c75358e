/**
 * Forum names: how members appear to each other. Never the vault username (which would let a reader try it
 * at the sign-in page) and, we ask, never a real name. A name is unique ignoring case, spaces and punctuation,
 * so "Quiet Heron" cannot be imitated as "quiet_heron".
 */
export const FORUM_NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{1,22}[\p{L}\p{N}]$/u;

const ADJECTIVES = [
  'Quiet',
  'Bright',
  'Calm',
  'Gentle',
  'Steady',
  'Brave',
  'Kind',
  'Warm',
  'Amber',
  'Silver',
  'Misty',
  'Mossy',
  'Patient',
  'Golden',
  'Hopeful',
  'Sunlit',
];
const NOUNS = [
  'Heron',
  'Otter',
  'Willow',
  'Harbour',
  'Meadow',
  'Robin',
  'Badger',
  'Maple',
  'River',
  'Lantern',
  'Pebble',
  'Fern',
  'Sparrow',
  'Orchard',
  'Kestrel',
  'Thistle',
];

export type NameCheck = { ok: true; name: string; key: string } | { ok: false; message: string };

/** The comparison key: lower case, letters and digits only. */
export function forumNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export function checkForumName(raw: string, vaultUsername: string): NameCheck {
  const name = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (!name) return { ok: false, message: 'Enter a forum name, or use the suggested one' };
  if (name.length < 3 || name.length > 24) return { ok: false, message: 'Forum name must be between 3 and 24 characters' };
  if (!FORUM_NAME_PATTERN.test(name)) {
    return { ok: false, message: 'Forum name can only use letters, numbers, spaces, full stops, hyphens and underscores' };
  }
  const key = forumNameKey(name);
  if (key === forumNameKey(vaultUsername)) {
    return {
      ok: false,
      message: 'Choose a forum name that is different from your Casebook username, so nobody can use it to find your record',
    };
  }
  if (/^(?:moderator|mod|admin|casebook|helpline|staff)/.test(key))
    return { ok: false, message: 'That name is kept for the forum team. Choose another' };
  return { ok: true, name, key };
}

/** A readable suggestion such as "Calm Otter 42"; random is supplied so the module stays pure. */
export function suggestForumName(random: (n: number) => number): string {
  return `${ADJECTIVES[random(ADJECTIVES.length)]} ${NOUNS[random(NOUNS.length)]} ${10 + random(90)}`;
}

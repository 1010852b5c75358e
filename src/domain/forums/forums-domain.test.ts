import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectCrisis } from './crisis.ts';
import { applyFilters, countLinks } from './filters.ts';
import { checkForumName, forumNameKey, suggestForumName } from './forum-names.ts';
import { type DetailKind, describeFindings, findIdentifyingDetails, highlightSegments } from './identifying-details.ts';
import { stripImageMetadata } from './image-metadata.ts';
import { checkPostLimits, isNewMember, LIMITS, mustHoldForApproval, postingWait } from './limits.ts';

const kinds = (text: string) => findIdentifyingDetails(text).map((f) => [f.kind, f.text]);

describe('identifying details', () => {
  const caught: [DetailKind, string, string][] = [
    ['phone', 'Text me on 07911 123456 tonight', '07911 123456'],
    ['phone', 'his number is 07911123456', '07911123456'],
    ['phone', 'ring +44 7911 123456', '+44 7911 123456'],
    ['phone', 'her landline (0161) 496 0000.', '(0161) 496 0000'],
    ['phone', 'an Ofcom drama number 07700 900123', '07700 900123'],
    ['email', 'write to jo.bloggs+x@example.co.uk please', 'jo.bloggs+x@example.co.uk'],
    ['postcode', 'near LS6 2AB yesterday', 'LS6 2AB'],
    ['postcode', 'lowercase m1 1ae too', 'm1 1ae'],
    ['postcode', 'no space SW1A1AA', 'SW1A1AA'],
    ['address', 'He waits at 14 Acacia Avenue every day', '14 Acacia Avenue'],
    ['address', 'Flat 3, 22 High St. is mine', 'Flat 3, 22 High St'],
    ['address', 'moved to 7b Upper Church Road', '7b Upper Church Road'],
    ['vehicle', 'a silver car, AB12 CDE', 'AB12 CDE'],
    ['vehicle', 'reg ab12cde', 'ab12cde'],
    ['vehicle', 'an old one, P123 ABC', 'P123 ABC'],
    ['vehicle', 'suffix plate ABC 123D', 'ABC 123D'],
    ['social', 'see facebook.com/john.smith.5', 'facebook.com/john.smith.5'],
    ['social', 'https://www.instagram.com/jo_b/ is him', 'https://www.instagram.com/jo_b/'],
    ['social', 'x.com/someone posts about me', 'x.com/someone'],
    ['social', 'he is @jo_bloggs99 on there', '@jo_bloggs99'],
  ];
  it.each(caught)('catches %s in %j', (kind, text, found) => {
    expect(kinds(text)).toContainEqual([kind, found]);
  });

  it.each([
    'Call Samaritans on 116 123 or 999 in an emergency',
    'The National Stalking Helpline is 0808 802 0300',
    'I was at junction 14 of the M1 at 10:30 on 12/03/2024; it cost £150',
    'I waited 2 hours at the park',
    'I have 2 kids aged 5 and 7, and it has been 18 months',
    'Section 2A of the Protection from Harassment Act 1997',
    'He walked 3 miles down the road',
    'read https://www.gov.uk/report-stalking for help',
  ])('leaves ordinary text alone: %j', (text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('an email address is one finding, not an email and a handle', () => {
    expect(kinds('mail a.b@c.com')).toEqual([['email', 'a.b@c.com']]);
  });

  it('highlights what it found and says what it was', () => {
    const text = 'Ring 07911 123456 or mail a@b.com';
    const findings = findIdentifyingDetails(text);
    const segments = highlightSegments(text, findings);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.finding).map((s) => s.text)).toEqual(['07911 123456', 'a@b.com']);
    expect(describeFindings(findings)).toBe('a phone number and an email address');
  });
});

describe('crisis wording', () => {
  it.each([
    ['suicide', 'I keep thinking about suicide'],
    ['suicide', 'honestly I want to die'],
    ['suicide', 'everyone would be better off without me'],
    ['suicide', 'I’m going to end my life'],
    ['self-harm', 'I started self-harming again'],
    ['self-harm', 'I have been cutting myself'],
    ['danger', "he's outside my house right now"],
    ['danger', 'my ex is at my door'],
    ['danger', 'he said he will kill me'],
    ['danger', 'someone is trying to break in'],
    ['danger', 'I am not safe'],
  ])('finds %s in %j', (kind, text) => {
    expect(detectCrisis(text).map((s) => s.kind)).toContain(kind);
  });

  it.each(['The police officer was kind', 'I died laughing at that film', 'He lives outside the town'])('leaves %j alone', (text) => {
    expect(detectCrisis(text)).toEqual([]);
  });
});

describe('limits', () => {
  const now = Date.UTC(2026, 10, 23);
  const fresh = { joinedAt: now - 60_000, approvedPosts: 0 };
  const established = { joinedAt: now - 30 * 86_400_000, approvedPosts: 10 };

  it('holds the first posts and treats the member as new for a week', () => {
    expect(mustHoldForApproval(fresh)).toBe(true);
    expect(mustHoldForApproval({ ...fresh, approvedPosts: LIMITS.heldUntilApproved })).toBe(false);
    expect(isNewMember({ joinedAt: now - 86_400_000, approvedPosts: 5 }, now)).toBe(true);
    expect(isNewMember(established, now)).toBe(false);
  });

  it('rate-limits new members more tightly', () => {
    expect(postingWait(fresh, { lastTenMinutes: 3, lastDay: 3 }, now).allowed).toBe(false);
    expect(postingWait(established, { lastTenMinutes: 3, lastDay: 3 }, now).allowed).toBe(true);
    expect(postingWait(established, { lastTenMinutes: 0, lastDay: 200 }, now).reason).toMatch(/tomorrow/);
  });

  it('bounds title, body, links and images', () => {
    const fields = (input: Parameters<typeof checkPostLimits>[0], who = fresh) => checkPostLimits(input, who, now).map((e) => e.field);
    expect(fields({ title: 'Hi', body: 'ok then', linkCount: 0, imageCount: 0 })).toEqual(['title']);
    expect(fields({ body: 'x'.repeat(LIMITS.bodyMax + 1), linkCount: 0, imageCount: 0 })).toEqual(['body']);
    expect(fields({ body: 'two links', linkCount: 2, imageCount: 0 })).toEqual(['body']);
    expect(fields({ body: 'two links', linkCount: 2, imageCount: 1 }, established)).toEqual([]);
    expect(fields({ body: 'a picture', linkCount: 0, imageCount: 1 })).toEqual(['images']);
  });
});

describe('forum names', () => {
  it('accepts a pseudonym and refuses the vault username, team names and odd characters', () => {
    expect(checkForumName('  Calm   Otter 42 ', 'quiet-heron-4821')).toMatchObject({ ok: true, name: 'Calm Otter 42', key: 'calmotter42' });
    expect(checkForumName('Quiet_Heron-4821', 'quiet-heron-4821').ok).toBe(false);
    expect(checkForumName('Moderator Sam', 'x').ok).toBe(false);
    expect(checkForumName('<script>', 'x').ok).toBe(false);
    expect(checkForumName('ab', 'x').ok).toBe(false);
    expect(forumNameKey('Calm.Otter')).toBe(forumNameKey('calm otter'));
  });

  it('suggests names that pass its own check', () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 31 + 11) % 9973) % n;
    for (let i = 0; i < 50; i++) expect(checkForumName(suggestForumName(random), 'someone').ok).toBe(true);
  });
});

describe('moderators’ filters', () => {
  it('holds for words (whole words, any case) and refuses blocked sites and their subdomains', () => {
    const filters = [
      { kind: 'word' as const, pattern: 'kill yourself' },
      { kind: 'word' as const, pattern: 'scam' },
      { kind: 'link' as const, pattern: 'https://www.bad.example/' },
    ];
    expect(applyFilters('Kill   yourself', filters).heldFor).toEqual(['kill yourself']);
    expect(applyFilters('scampi for tea', filters).heldFor).toEqual([]);
    expect(applyFilters('see http://forum.bad.example/x and bad.example', filters).blockedLinks).toEqual(['bad.example']);
    expect(applyFilters('notbad.example.org', filters).blockedLinks).toEqual([]);
    expect(countLinks('a https://gov.uk/x and www.citizensadvice.org.uk, not me@mail.com')).toBe(2);
  });
});

describe('image metadata', () => {
  const bounds = { maxBytes: LIMITS.imageBytes, maxSide: LIMITS.imagePixels };
  const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../../test/fixtures/forums', name)));
  const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

  it('takes GPS, camera serial, XMP, IPTC and comments out of a real phone-style JPEG, keeping its pixels and orientation', () => {
    const original = fixture('photo-with-gps.jpg');
    // The fixture really carries them (written by exiftool): the test would prove nothing otherwise.
    expect(text(original)).toContain('SN123456789');
    expect(text(original)).toContain('Jo Bloggs');
    const result = stripImageMetadata(original, bounds);
    if (!result.ok) throw new Error(result.message);
    const clean = text(result.image.bytes);
    expect(result.image).toMatchObject({ type: 'image/jpeg', width: 64, height: 48 });
    expect(result.image.removed).toEqual(expect.arrayContaining(['EXIF', 'XMP', 'IPTC', 'COM']));
    for (const secret of ['SN123456789', 'Jo Bloggs', 'TestPhone', 'Casebook Fixture', 'home', '2026:01:02', 'http://ns.adobe.com'])
      expect(clean).not.toContain(secret);
    // The compressed picture itself is unchanged: the same scan data, start to end.
    const scan = (s: string) => s.slice(s.indexOf('\xff\xda'));
    expect(scan(clean)).toBe(scan(text(original)));
    // Read back by exiftool where it is installed: no GPS at all, orientation still "Rotate 90 CW".
    if (existsSync('/usr/bin/exiftool')) {
      const file = join(mkdtempSync(join(tmpdir(), 'forum-image-')), 'clean.jpg');
      writeFileSync(file, result.image.bytes);
      const tags = execFileSync('exiftool', ['-a', '-G1', '-s', file], { encoding: 'utf8' });
      expect(tags).not.toMatch(/GPS|Serial|Creator|By-line|Comment|Make|Model/);
      expect(tags).toMatch(/Orientation\s+: Rotate 90 CW/);
    }
  });

  it('takes text and XMP chunks out of a PNG', () => {
    const original = fixture('screenshot-with-text.png');
    expect(text(original)).toContain('Acacia Avenue');
    const result = stripImageMetadata(original, bounds);
    if (!result.ok) throw new Error(result.message);
    expect(text(result.image.bytes)).not.toMatch(/Acacia|Jo Bloggs/);
    expect(result.image.removed.length).toBeGreaterThan(0);
    expect(result.image).toMatchObject({ type: 'image/png', width: 64, height: 48 });
  });

  it('refuses other files, truncated pictures, and pictures over the size bounds', () => {
    expect(stripImageMetadata(new TextEncoder().encode('<svg onload=alert(1)>'), bounds).ok).toBe(false);
    expect(stripImageMetadata(fixture('photo-with-gps.jpg').subarray(0, 200), bounds).ok).toBe(false);
    expect(stripImageMetadata(fixture('photo-with-gps.jpg'), { maxBytes: 100, maxSide: 4096 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/MB or smaller/),
    });
    expect(stripImageMetadata(fixture('photo-with-gps.jpg'), { maxBytes: 1e7, maxSide: 32 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/64 × 48/),
    });
  });
});

// The pack screen's pure parts, with real crypto: choosing (dates, entries, files), checking an item's history
// the way a verifier will, proofs against a tree head, files against their hashes, and the fetch limiter.
import { describe, expect, it } from 'vitest';
import type { TestLog } from '../../../crypto/evidence-pack/test-support.ts';
import { logVersion, newTestLog, signHead } from '../../../crypto/evidence-pack/test-support.ts';
import type { Receipt } from '../../../crypto/index.ts';
import { base64urlEncode, encryptItem, randomBytes } from '../../../crypto/index.ts';
import { newPerson, newPlace } from '../../../domain/incidents/index.ts';
import { attachment, sketch } from '../../../domain/incidents/test-support.ts';
import type { StoredItem } from '../items/item-store.ts';
import { candidatesFrom, inDateRange } from './candidates.ts';
import type { PackChoices } from './choices.ts';
import { DEFAULT_CHOICES, NO_DATE, packFileNames, packTitle, readDate, resolveChoices } from './choices.ts';
import type { VersionRecord } from './entry-history.ts';
import { openHistory } from './entry-history.ts';
import { mapWithLimit } from './limit.ts';
import { logKeysFrom, proofLeadsToHead } from './log-proofs.ts';
import { checkFile } from './pack-files.ts';

const RECEIPT: Receipt = { v: 1, logId: 'x', leafIndex: 0, leafHash: 'x', timestamp: Date.UTC(2026, 2, 10), signature: 'x' };

function stored(id: string, content: unknown, timestamp = RECEIPT.timestamp): StoredItem {
  return { id, version: 1, content, receipt: { ...RECEIPT, timestamp }, receiptChecked: true };
}

const PHOTO = { ...attachment('photo-1'), name: 'door.jpg' };
const AUDIO = { id: 'voicemail', name: 'voicemail.m4a', type: 'audio/mp4', size: 40_000, sha256: 'cd'.repeat(32) };

function record() {
  return candidatesFrom([
    stored('late', {
      ...sketch({ id: 'late', on: '2026-03-20', at: '23:30', what: 'He rang the doorbell at half eleven and ran off.' }),
      attachments: [AUDIO],
    }),
    stored('early', {
      ...sketch({ id: 'early', on: '2026-03-01', what: 'Flowers left on the car.', witnesses: ['p1'] }),
      placeId: 'place-1',
      attachments: [PHOTO],
    }),
    stored('note', {
      type: 'note',
      v: 1,
      text: 'Saw the car again.',
      writtenAt: '2026-03-05T09:15:00.000Z',
      attachments: [{ id: 'old-file', name: 'scan.pdf', type: 'application/pdf', size: 5 }],
    }),
    stored('p1', newPerson('p1', 'Jo Bloggs', 'witness')),
    stored('place-1', newPlace('place-1', 'The car park')),
    stored('future', { kind: 'incident', schemaVersion: 99, id: 'future' }),
    stored('other', { type: 'something-else' }),
  ]);
}

const choose = (patch: Partial<PackChoices> = {}): PackChoices => ({ ...DEFAULT_CHOICES, ...patch });

describe('what a pack can hold', () => {
  it('offers incidents and notes, oldest first, and looks up the people and places they name', () => {
    const candidates = record();
    expect(candidates.entries.map((e) => [e.id, e.kind])).toEqual([
      ['early', 'incident'],
      ['note', 'note'],
      ['late', 'incident'],
    ]);
    expect(candidates.entries[0]).toMatchObject({
      when: 'Around Sunday 1 March 2026',
      title: 'Flowers left on the car.',
      linked: ['p1', 'place-1'],
    });
    expect(candidates.entries[1]).toMatchObject({
      when: 'Note written Thursday 5 March 2026 at 9:15am',
      files: [{ id: 'old-file', name: 'scan.pdf', type: 'application/pdf', size: 5 }],
    });
    expect(candidates.entries[2]!.files).toEqual([AUDIO]);
    expect([...candidates.linked.keys()]).toEqual(['p1', 'place-1']);
    expect(candidates.unreadable).toBe(1);
  });

  it('cuts long text at a word', () => {
    const long = candidatesFrom([stored('a', sketch({ what: `${'word '.repeat(40)}end` }))]);
    expect(long.entries[0]!.title.length).toBeLessThanOrEqual(91);
    expect(long.entries[0]!.title).toMatch(/word…$/);
  });

  it('takes an incident when any part of it falls in the dates (London days)', () => {
    const { entries } = candidatesFrom([
      stored('range', sketch({ when: { precision: 'range', from: '2026-02-27', to: '2026-03-02' } })),
      // 00:30 on 1 April in London is still 31 March in UTC (summer time).
      stored('bst', sketch({ on: '2026-04-01', at: '00:30' })),
    ]);
    expect(inDateRange(entries, '2026-03-01', '2026-03-01').map((e) => e.id)).toEqual(['range']);
    expect(inDateRange(entries, '2026-04-01', undefined).map((e) => e.id)).toEqual(['bst']);
    expect(inDateRange(entries, undefined, '2026-03-31').map((e) => e.id)).toEqual(['range']);
    expect(inDateRange(entries, undefined, undefined)).toHaveLength(2);
  });
});

describe('the choices', () => {
  it('reads dates as the design system asks for them, with errors on the right box', () => {
    expect(readDate(NO_DATE, 'pack-from', 'From')).toEqual({ ok: true, date: undefined });
    expect(readDate({ day: '3', month: '3', year: '2026' }, 'pack-from', 'From')).toEqual({ ok: true, date: '2026-03-03' });
    expect(readDate({ day: '', month: '3', year: '2026' }, 'pack-from', 'From')).toEqual({
      ok: false,
      error: { href: '#pack-from-day', text: 'From must include a day' },
    });
    expect(readDate({ day: '3', month: 'March', year: '2026' }, 'pack-to', 'To')).toMatchObject({
      ok: false,
      error: { href: '#pack-to-month' },
    });
    expect(readDate({ day: '3', month: '3', year: '26' }, 'pack-to', 'To')).toMatchObject({ ok: false, error: { href: '#pack-to-year' } });
    expect(readDate({ day: '30', month: '2', year: '2026' }, 'pack-to', 'To')).toMatchObject({
      ok: false,
      error: { text: 'To must be a real date' },
    });
  });

  it('takes everything by default, with the files and the people and places the entries name', () => {
    const { errors, selection } = resolveChoices(record(), choose());
    expect(errors).toEqual([]);
    expect(selection!.entries.map((e) => e.id)).toEqual(['early', 'note', 'late']);
    expect(selection!.files.map((f) => f.id)).toEqual(['photo-1', 'old-file', 'voicemail']);
    expect(selection!.linked.map((r) => [r.id, r.kind])).toEqual([
      ['p1', 'person'],
      ['place-1', 'place'],
    ]);
  });

  it('leaves out unticked entries and their files, and files by kind or one by one', () => {
    const candidates = record();
    expect(resolveChoices(candidates, choose({ excluded: new Set(['early']) })).selection!.files.map((f) => f.id)).toEqual([
      'old-file',
      'voicemail',
    ]);
    expect(resolveChoices(candidates, choose({ excluded: new Set(['early']) })).selection!.linked).toEqual([]);
    expect(resolveChoices(candidates, choose({ files: 'images' })).selection!.files.map((f) => f.id)).toEqual(['photo-1']);
    expect(resolveChoices(candidates, choose({ files: 'none' })).selection!.files).toEqual([]);
    expect(
      resolveChoices(candidates, choose({ files: 'some', excludedFiles: new Set(['voicemail']) })).selection!.files.map((f) => f.id),
    ).toEqual(['photo-1', 'old-file']);
  });

  it('explains what is wrong instead of making an empty or impossible pack', () => {
    const candidates = record();
    const date = (day: string) => ({ day, month: '3', year: '2026' });
    expect(resolveChoices(candidates, choose({ from: date('10'), to: date('2') })).errors).toEqual([
      { href: '#pack-to-day', text: 'To must be the same as or after From' },
    ]);
    expect(resolveChoices(candidates, choose({ from: date('21'), to: date('22') })).errors[0]!.text).toMatch(
      /^Nothing in your record falls between these dates/,
    );
    expect(resolveChoices(candidates, choose({ excluded: new Set(['early', 'note', 'late']) })).errors).toEqual([
      { href: '#pack-entries', text: 'Choose at least one entry to put in the pack' },
    ]);
    expect(resolveChoices(candidatesFrom([]), choose()).errors).toEqual([
      { href: '#pack-entries', text: 'There is nothing in your record to put in a pack yet' },
    ]);
    expect(resolveChoices(candidates, choose({ name: 'x'.repeat(81) })).errors[0]!.href).toBe('#pack-name');
    expect(resolveChoices(candidates, choose({ name: 'Sam\nTaylor' })).errors[0]!.href).toBe('#pack-name');
  });

  it('titles the pack with the period and, if given, the name; names the files neutrally', () => {
    const candidates = record();
    expect(packTitle(resolveChoices(candidates, choose()).selection!, '')).toBe('Record of incidents from 1 March 2026 to 20 March 2026');
    const march = resolveChoices(
      candidates,
      choose({ from: { day: '1', month: '3', year: '2026' }, to: { day: '31', month: '3', year: '2026' } }),
    ).selection!;
    expect(packTitle(march, '  Sam Taylor ')).toBe('Record kept by Sam Taylor, from 1 March 2026 to 31 March 2026');
    const oneDay = resolveChoices(candidates, choose({ excluded: new Set(['note', 'late']) })).selection!;
    expect(packTitle(oneDay, '')).toBe('Record of incidents on 1 March 2026');
    // 23:30 UTC on 23 November is still the 23rd in London (GMT); in summer it would be the next day.
    expect(packFileNames(Date.UTC(2026, 10, 23, 23, 30))).toEqual({
      zip: 'casebook-pack-2026-11-23.zip',
      pdf: 'casebook-pack-2026-11-23.pdf',
    });
    expect(packFileNames(Date.UTC(2026, 5, 23, 23, 30)).zip).toBe('casebook-pack-2026-06-24.zip');
  });
});

describe("checking an item's history before it goes in a pack", async () => {
  const vaultKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

  async function history(log: TestLog, id: string, contents: unknown[]): Promise<VersionRecord[]> {
    const records: VersionRecord[] = [];
    for (const [i, content] of contents.entries()) {
      const { salt, commitment, receipt } = await logVersion(log, content);
      const envelope = await encryptItem(vaultKey, id, i + 1, { content, commitmentSalt: base64urlEncode(salt) });
      records.push({ version: i + 1, deleted: false, envelope, commitment: base64urlEncode(commitment), receipt });
    }
    return records;
  }

  async function setUp() {
    const log = await newTestLog();
    const first = sketch({ id: 'e1', what: 'He followed me home.' });
    const records = await history(log, 'e1', [first, { ...first, whatHappened: 'He followed me home. A neighbour saw it.' }]);
    const head = await signHead(log);
    const keys = await logKeysFrom({ ...log.logKeys, treeHead: head });
    return { log, records, head, keys };
  }

  it('opens every version and returns its content, salt, commitment and receipt', async () => {
    const { records, keys } = await setUp();
    const opened = await openHistory(vaultKey, 'e1', records, keys);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.versions.map((v) => v.version)).toEqual([1, 2]);
    expect((opened.versions[1]!.content as { whatHappened: string }).whatHappened).toBe('He followed me home. A neighbour saw it.');
    expect(opened.versions[0]!.salt).toHaveLength(32);
  });

  it('takes a version from the changes feed, which has no commitment field, on its signed leaf hash alone', async () => {
    const { records, keys } = await setUp();
    const { commitment: _, ...fromFeed } = records[0]!;
    await expect(openHistory(vaultKey, 'e1', [fromFeed], keys)).resolves.toMatchObject({ ok: true });
    const otherLeaf = { ...fromFeed, receipt: records[1]!.receipt };
    await expect(openHistory(vaultKey, 'e1', [otherLeaf], keys)).resolves.toMatchObject({ ok: false, reason: /^Version 1 does not match/ });
  });

  it('refuses a history with a gap, a deleted version, or a version from another item', async () => {
    const { records, keys } = await setUp();
    await expect(openHistory(vaultKey, 'e1', [records[1]!], keys)).resolves.toEqual({
      ok: false,
      id: 'e1',
      reason: 'Its history is incomplete: version 1 is missing.',
    });
    await expect(
      openHistory(vaultKey, 'e1', [records[0]!, { ...records[1]!, deleted: true, envelope: null }], keys),
    ).resolves.toMatchObject({ ok: false, reason: /^Version 2 was deleted/ });
    await expect(openHistory(vaultKey, 'other-id', records, keys)).resolves.toMatchObject({
      ok: false,
      reason: /^Version 1 could not be opened with your key/,
    });
  });

  it('refuses a version whose commitment or receipt is not what the log signed', async () => {
    const { records, keys, log } = await setUp();
    const wrongCommitment = { ...records[0]!, commitment: base64urlEncode(randomBytes(32)) };
    await expect(openHistory(vaultKey, 'e1', [wrongCommitment, records[1]!], keys)).resolves.toMatchObject({
      reason: "Version 1 does not match what Casebook's log received when it was saved.",
    });
    const backdated = { ...records[0]!, receipt: { ...records[0]!.receipt, timestamp: records[0]!.receipt.timestamp - 86_400_000 } };
    await expect(openHistory(vaultKey, 'e1', [backdated, records[1]!], keys)).resolves.toMatchObject({
      reason: "The time receipt for version 1 is not signed with Casebook's published key.",
    });
    const stranger = await newTestLog();
    const foreign = await logKeysFrom({ ...stranger.logKeys, treeHead: await signHead(stranger) });
    await expect(openHistory(vaultKey, 'e1', records, foreign)).resolves.toMatchObject({
      reason: "The time receipt for version 1 is not signed with Casebook's published key.",
    });
    // Version 2 logged before version 1: the history is not in the order it was written.
    const contents = [sketch({ id: 'e2' }), sketch({ id: 'e2', what: 'later' })];
    const laterFirst = [await logVersion(log, contents[1]), await logVersion(log, contents[0])].reverse();
    const reordered = await Promise.all(
      laterFirst.map(async ({ salt, commitment, receipt }, i) => ({
        version: i + 1,
        deleted: false,
        envelope: await encryptItem(vaultKey, 'e2', i + 1, { content: contents[i], commitmentSalt: base64urlEncode(salt) }),
        commitment: base64urlEncode(commitment),
        receipt,
      })),
    );
    await expect(openHistory(vaultKey, 'e2', reordered, keys)).resolves.toMatchObject({
      reason: 'The time receipts of versions 1 and 2 are out of order.',
    });
  });

  it('accepts only an inclusion proof that leads to the signed root', async () => {
    const { log, records, head } = await setUp();
    const receipt = records[0]!.receipt;
    const proof = (await log.tree.inclusionProof(receipt.leafIndex, head.treeSize)).map(base64urlEncode);
    const file = { leafIndex: receipt.leafIndex, treeSize: head.treeSize, proof };
    await expect(proofLeadsToHead(receipt, file, head)).resolves.toBe(true);
    await expect(proofLeadsToHead(receipt, { ...file, proof: [base64urlEncode(randomBytes(32)), ...proof.slice(1)] }, head)).resolves.toBe(
      false,
    );
    await expect(proofLeadsToHead({ ...receipt, leafIndex: receipt.leafIndex + 1 }, file, head)).resolves.toBe(false);
    await expect(proofLeadsToHead(receipt, { ...file, proof: ['not base64!'] }, head)).resolves.toBe(false);
  });
});

describe('files', () => {
  it('keeps a file only when it is the one the entry committed to', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(checkFile({ ...PHOTO, sha256: 'ab'.repeat(32) }, bytes, 'ab'.repeat(32))).toMatchObject({ ok: true });
    expect(checkFile({ ...PHOTO, sha256: 'ab'.repeat(32) }, bytes, 'cd'.repeat(32))).toMatchObject({
      ok: false,
      reason: /not the file the entry recorded/,
    });
    // Older notes name files without a hash: nothing to compare with.
    const { sha256: _, ...unhashed } = PHOTO;
    expect(checkFile(unhashed, bytes, 'cd'.repeat(32))).toMatchObject({ ok: true, sha256: 'cd'.repeat(32) });
  });
});

describe('mapWithLimit', () => {
  it('keeps results in order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapWithLimit([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(3);
  });

  it('stops starting work after a failure or an abort', async () => {
    const started: number[] = [];
    await expect(
      mapWithLimit([1, 2, 3, 4, 5, 6], 2, async (n) => {
        started.push(n);
        if (n === 2) throw new Error('offline');
        await new Promise((resolve) => setTimeout(resolve, 5));
        return n;
      }),
    ).rejects.toThrow('offline');
    expect(started).toEqual([1, 2]);
    const controller = new AbortController();
    controller.abort();
    await expect(mapWithLimit([1], 1, async (n) => n, controller.signal)).rejects.toThrow();
    await expect(mapWithLimit([], 4, async (n) => n)).resolves.toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { BEHAVIOUR_IDS } from '../incidents/behaviours.ts';
import { hash128 } from './analysis.ts';
import {
  contactCounts,
  groupRecords,
  guessBehaviours,
  type ImportedRecord,
  isAtNight,
  messagesPerDay,
  parseExport,
  recordKey,
  recordKeys,
} from './index.ts';
import { makeChat, renderWhatsAppExport } from './test-support.ts';

const record = (at: string, text = 'hello', extra: Partial<ImportedRecord> = {}): ImportedRecord => ({
  locator: `line:${at}`,
  channel: 'whatsapp',
  at,
  timeSource: 'export',
  sender: 'Alex',
  direction: 'unknown',
  text,
  attachments: [],
  system: false,
  ...extra,
});

describe('duplicate keys', () => {
  it('are the same for the same message from an overlapping export, and differ for repeats within one', async () => {
    const chat = makeChat(60);
    const first = await parseExport({
      name: 'a.txt',
      bytes: new TextEncoder().encode(renderWhatsAppExport(chat.slice(0, 40), { platform: 'android', clock: 24 })),
      lastModified: 0,
    });
    const second = await parseExport({
      name: 'b.txt',
      bytes: new TextEncoder().encode(renderWhatsAppExport(chat.slice(20), { platform: 'android', clock: 12, encryptionNotice: true })),
      lastModified: 0,
    });
    const a = new Set(recordKeys(first.records));
    const overlap = recordKeys(second.records).filter((key) => a.has(key));
    expect(overlap.length).toBe(20);
    const twice = [record('2026-03-01T18:30:00Z', 'ok'), record('2026-03-01T18:30:00Z', 'ok')];
    const [k1, k2] = recordKeys(twice);
    expect(k1).toBe(recordKey(twice[0]!));
    expect(k2).not.toBe(k1);
    // The same instant written with another offset is the same message.
    expect(recordKey(record('2026-07-01T19:30:00+01:00'))).toBe(recordKey(record('2026-07-01T18:30:00Z')));
    expect(recordKey(record('2026-07-01T18:30:00Z', 'hello', { sender: 'Sam' }))).not.toBe(recordKey(record('2026-07-01T18:30:00Z')));
  });
});

describe('the key itself', () => {
  it('never changes: keys stored in diaries must match the keys of a later import', () => {
    // hash128 of ['whatsapp', 'Alex', '<ms>', 'ok', '', '0'].
    expect(recordKey(record('2026-03-01T18:30:00+00:00', 'ok'))).toBe('0e759b0a384aea97dfa97cc546b4b2ee');
    expect(hash128(['ab', 'c'])).not.toBe(hash128(['a', 'bc']));
  });

  it('spreads: no two of 200,000 near-identical messages share a key, and one changed character changes every lane', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 200_000; i++)
      keys.add(recordKey(record(new Date(Date.UTC(2026, 2, 1) + i * 1000).toISOString().replace('.000', ''), `ok ${i % 7}`)));
    expect(keys.size).toBe(200_000);
    const a = recordKey(record('2026-03-01T18:30:00Z', 'I will wait outside'));
    const b = recordKey(record('2026-03-01T18:30:00Z', 'I will wait outsidE'));
    for (let lane = 0; lane < 4; lane++) expect(a.slice(lane * 8, lane * 8 + 8)).not.toBe(b.slice(lane * 8, lane * 8 + 8));
  });
});

describe('guessed behaviours', () => {
  const guess = (text: string, extra: Partial<ImportedRecord> = {}) => guessBehaviours(record('2026-03-01T18:30:00Z', text, extra));

  it('always guesses contact for a message or call, nothing for an app line', () => {
    expect(guess('hi')).toEqual(['contacting']);
    expect(guess('', { channel: 'call', call: { kind: 'missed', durationSeconds: 0 } })).toEqual(['contacting']);
    expect(guess('Messages are end-to-end encrypted', { system: true })).toEqual([]);
  });

  it.each([
    ["I'll kill you", 'threat-of-violence'],
    ["You'll regret ignoring me", 'threat-of-violence'],
    ['watch your back', 'threat-of-violence'],
    ['I know where you live', 'threat-of-violence'],
    ["I'll hurt your kids", 'threat-to-others'],
    ["I'll kill myself if you don't answer", 'threat-of-self-harm'],
    ["I'm going to post your photos everywhere", 'publishing'],
    ['everyone will see what you are', 'publishing'],
  ])('%s → %s', (text, behaviour) => {
    expect(guess(text)).toContain(behaviour);
    expect(guess(text)).toContain('contacting');
  });

  it('does not guess threats from ordinary words', () => {
    for (const text of ['killing time at the station', 'that film hurt my head', 'I posted the letter', 'see you later'])
      expect(guess(text)).toEqual(['contacting']);
  });

  it('guesses publishing for a shared link in a Facebook message and for a saved web page', () => {
    expect(guess('look', { channel: 'facebook', url: 'https://example.org/post' })).toEqual(['contacting', 'publishing']);
    expect(guess('A post about you', { channel: 'web-page' })).toEqual(['publishing']);
    for (const id of guess("I'll kill you and post your photos")) expect(BEHAVIOUR_IDS).toContain(id);
  });
});

describe('grouping and counts', () => {
  const records = [
    record('2026-03-01T23:30:00Z'), // 1 March in London (GMT)
    record('2026-03-01T23:50:00Z'),
    record('2026-07-01T23:30:00Z'), // 2 July in London (BST)
    record('2026-07-02T02:00:00Z'),
    record('2026-07-02T12:00:00Z', '', { channel: 'call', call: { kind: 'missed', durationSeconds: 0 } }),
    record('2026-07-02T21:30:00Z', '', { channel: 'call', call: { kind: 'incoming', durationSeconds: 30 } }), // 22:30 BST
    record('2026-03-01T18:00:00Z', 'x', { system: true }),
  ];

  it('groups by London day and by bursts split at the gap', () => {
    const byDay = groupRecords(records, { by: 'day' });
    expect(byDay.map((g) => [g.key, g.records.length])).toEqual([
      ['2026-03-01', 3],
      ['2026-07-02', 4],
    ]);
    const bursts = groupRecords(records, { by: 'burst', burstGapMinutes: 60 });
    expect(bursts.map((g) => g.records.length)).toEqual([1, 2, 1, 1, 1, 1]);
    expect(bursts[1]).toMatchObject({ start: '2026-03-01T23:30:00Z', end: '2026-03-01T23:50:00Z', date: '2026-03-01' });
    expect(groupRecords(records, { by: 'burst', burstGapMinutes: 200 }).map((g) => g.records.length)).toEqual([1, 2, 2, 1, 1]);
  });

  it('counts messages per day, calls at night (22:00–06:00 London), first and latest, and contact after being told to stop', () => {
    expect(messagesPerDay(records)).toEqual([
      { date: '2026-03-01', count: 2 },
      { date: '2026-07-02', count: 4 },
    ]);
    expect(isAtNight(records[5]!)).toBe(true);
    expect(isAtNight(records[4]!)).toBe(false);
    expect(contactCounts(records, { toldToStopAt: '2026-07-02T01:00:00+01:00' })).toEqual({
      messages: 4,
      calls: 2,
      callsAtNight: 1,
      messagesAtNight: 4,
      busiestDay: { date: '2026-07-02', count: 4 },
      first: '2026-03-01T23:30:00Z',
      latest: '2026-07-02T21:30:00Z',
      afterToldToStop: 3,
      firstAfterToldToStop: '2026-07-02T02:00:00Z',
    });
    expect(contactCounts(records, { senders: ['Nobody'] }).messages).toBe(0);
  });
});

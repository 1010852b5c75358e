import { describe, expect, it } from 'vitest';
import { parseIncident } from '../../../domain/incidents/index.ts';
import { parseExport, recordKeys } from '../../../domain/message-import/index.ts';
import { makeChat, renderWhatsAppExport } from '../../../domain/message-import/test-support.ts';
import type { ImportChoices, ImportSource, KeyedRecord } from './plan.ts';
import { dateSpan, describeMessages, existingKeys, incidentsForGroup, messageOf, planImport, stableId } from './plan.ts';

const SHA = 'ab'.repeat(32);
const source: ImportSource = {
  attachment: { id: 'f1', name: 'WhatsApp Chat with Sam.txt', type: 'text/plain', size: 100, sha256: SHA },
  format: 'whatsapp',
};

async function keyed(text: string): Promise<KeyedRecord[]> {
  const parsed = await parseExport({ name: 'WhatsApp Chat with Sam.txt', bytes: new TextEncoder().encode(text), lastModified: 0 });
  const keys = recordKeys(parsed.records);
  return parsed.records.map((record, i) => ({ record, key: keys[i]! }));
}

const chat = renderWhatsAppExport(
  [
    { local: '2026-03-01T18:30:00', sender: 'Sam', text: 'Why are you ignoring me' },
    { local: '2026-03-01T18:31:00', sender: 'Sam', text: "I know where you live, you'll regret this" },
    { local: '2026-03-01T18:40:00', sender: 'Alex', text: 'Please stop' },
    { local: '2026-03-01T23:50:00', sender: 'Sam', text: 'Answer me\nnow' },
    { local: '2026-03-03T07:00:00', sender: 'Sam', text: 'Morning' },
  ],
  { platform: 'android', clock: 24, encryptionNotice: true },
);

const choices: ImportChoices = { senders: ['Sam'], from: '', to: '', by: 'day', burstGapMinutes: 60, includeDuplicates: false };

describe('planning an import', () => {
  it('keeps the chosen sender, groups by day, and guesses behaviours from the words', async () => {
    const records = await keyed(chat);
    const plan = planImport(records, choices, new Set());
    expect(plan.chosen).toBe(4);
    expect(plan.groups.map((g) => [g.date, g.records.length])).toEqual([
      ['2026-03-01', 3],
      ['2026-03-03', 1],
    ]);
    expect(plan.groups[0]!.guessed).toEqual(expect.arrayContaining(['contacting', 'threat-of-violence']));
    expect(dateSpan({ format: 'whatsapp', records: records.map((r) => r.record), participants: [], warnings: [] })).toEqual({
      first: '2026-03-01',
      last: '2026-03-03',
    });
  });

  it('groups by burst when asked, and the date range bounds what is chosen', async () => {
    const records = await keyed(chat);
    expect(planImport(records, { ...choices, by: 'burst' }, new Set()).groups.map((g) => g.records.length)).toEqual([2, 1, 1]);
    expect(planImport(records, { ...choices, from: '2026-03-02' }, new Set()).groups.map((g) => g.date)).toEqual(['2026-03-03']);
  });

  it('leaves out messages already in the record, unless asked to bring them again', async () => {
    const records = await keyed(chat);
    const [first] = incidentsForGroup(planImport(records, choices, new Set()).groups[0]!, ['contacting'], source, new Map());
    const existing = existingKeys([first!]);
    const again = planImport(records, choices, existing);
    expect(again.duplicates).toBe(3);
    expect(again.groups.map((g) => [g.records.length, g.duplicates])).toEqual([
      [0, 3],
      [1, 0],
    ]);
    expect(planImport(records, { ...choices, includeDuplicates: true }, existing).duplicates).toBe(0);
  });

  it('makes valid incidents that read well, with the original file, the exact text and its place in the file', async () => {
    const records = await keyed(chat);
    const group = planImport(records, choices, new Set()).groups[0]!;
    const [incident] = incidentsForGroup(group, group.guessed, source, new Map([['Sam', 'person-sam']]));
    expect(parseIncident(incident).ok).toBe(true);
    expect(incident!.whatHappened).toBe('3 messages from Sam (WhatsApp), starting “Why are you ignoring me”.');
    expect(incident!.when).toEqual({ precision: 'range', from: '2026-03-01T18:30:00+00:00', to: '2026-03-01T23:50:00+00:00' });
    expect(incident!.people).toEqual([{ personId: 'person-sam', role: 'stalker' }]);
    expect(incident!.methods).toEqual([{ kind: 'social-media', platform: 'WhatsApp' }]);
    expect(incident!.attachments).toEqual([source.attachment]);
    expect(incident!.imported!.messages[2]).toMatchObject({
      text: 'Answer me\nnow',
      sender: 'Sam',
      channel: 'whatsapp',
      timeSource: 'export',
      locator: expect.stringMatching(/^line:/),
    });
    // The same messages from the same file always give the same id, so a resumed import writes to the same items.
    expect(incidentsForGroup(group, [], source, new Map())[0]!.id).toBe(incident!.id);
    expect(incident!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('splits a day with more messages than one item holds into parts', async () => {
    const many = renderWhatsAppExport(
      makeChat(1_200, { senders: ['Sam'] }).map((m) => ({ ...m, local: `2026-03-01T${m.local.slice(11)}` })),
      { platform: 'android', clock: 24 },
    );
    const records = await keyed(many);
    const plan = planImport(records, choices, new Set());
    const incidents = plan.groups.flatMap((g) => incidentsForGroup(g, ['contacting'], source, new Map()));
    expect(incidents.length).toBeGreaterThan(2);
    expect(incidents.reduce((n, i) => n + i.imported!.messages.length, 0)).toBe(plan.chosen);
    expect(incidents.every((i) => parseIncident(i).ok)).toBe(true);
    expect(incidents[0]!.whatHappened).toMatch(/ Part 1 of \d+\.$/);
    expect(new Set(incidents.map((i) => i.id)).size).toBe(incidents.length);
  });

  it('names calls and several senders in plain words', () => {
    const base = {
      locator: 'sms:1',
      at: '2026-03-01T18:00:00Z',
      timeSource: 'export' as const,
      direction: 'incoming' as const,
      attachments: [],
      system: false,
    };
    const messages = [
      messageOf({ ...base, channel: 'sms', sender: 'Sam', text: 'hi' }, 'k1'),
      messageOf({ ...base, channel: 'call', sender: 'Sam', text: '', call: { kind: 'missed', durationSeconds: 0 } }, 'k2'),
      messageOf({ ...base, channel: 'call', sender: 'Jo', text: '', call: { kind: 'missed', durationSeconds: 0 } }, 'k3'),
    ];
    expect(describeMessages(messages)).toBe('1 message and 2 missed calls from Sam and Jo (text message, phone), starting “hi”.');
    expect(stableId(SHA, 'k1')).not.toBe(stableId(SHA, 'k2'));
  });
});

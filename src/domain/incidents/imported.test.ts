import { describe, expect, it } from 'vitest';
import { parseIncident, parsePerson } from './parse.ts';
import type { Imported, Incident } from './schema.ts';
import { person, sketch } from './test-support.ts';
import { LIMITS } from './vocabulary.ts';

const SHA = 'cd'.repeat(32);

function imported(messages = 2): Incident {
  const base = sketch({ on: '2026-03-01', by: 'sam', behaviours: ['contacting'] });
  const block: Imported = {
    source: { attachmentId: 'export-1', sha256: SHA, format: 'whatsapp' },
    messages: Array.from({ length: messages }, (_, i) => ({
      locator: `line:${i + 1}`,
      channel: 'whatsapp' as const,
      sender: 'Sam',
      at: new Date(Date.UTC(2026, 2, 1, 18, 0, i)).toISOString().replace('.000', ''),
      timeSource: 'export' as const,
      direction: 'incoming' as const,
      // Exactly as the export holds it, control characters included: the pack proves it came from the file.
      text: i === 0 ? 'Answer me\u0007' : 'Why are you ignoring me',
      key: `whatsapp|sam|${i}`,
    })),
  };
  return {
    ...base,
    methods: [{ kind: 'social-media', platform: 'WhatsApp' }],
    attachments: [{ id: 'export-1', name: 'WhatsApp Chat with Sam.txt', type: 'text/plain', size: 2_000, sha256: SHA }],
    imported: block,
  };
}

describe('an incident brought in from a message export', () => {
  it('parses unchanged, text kept exactly (the vault commits to these values)', () => {
    const incident = imported();
    expect(parseIncident(structuredClone(incident))).toEqual({ ok: true, value: incident });
  });

  it('incidents without the block are still valid (the same schema version)', () => {
    const { imported: _, ...plain } = imported();
    expect(parseIncident(plain).ok).toBe(true);
    expect(plain.schemaVersion).toBe(1);
  });

  it('must name its original file among its attachments, by the same SHA-256', () => {
    const incident = imported();
    const wrongHash = {
      ...incident,
      imported: { ...incident.imported!, source: { ...incident.imported!.source, sha256: 'ef'.repeat(32) } },
    };
    const result = parseIncident(wrongHash);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]!.message).toBe('Brought in from, original file: must name one of the attached files, with its SHA-256');
    expect(parseIncident({ ...incident, attachments: [] }).ok).toBe(false);
  });

  it('bounds the messages an incident holds and their size', () => {
    expect(parseIncident(imported(LIMITS.importMessages)).ok).toBe(true);
    const tooMany = parseIncident(imported(LIMITS.importMessages + 1));
    expect(tooMany.ok).toBe(false);
    if (!tooMany.ok) expect(tooMany.problems[0]!.message).toContain(`at most ${LIMITS.importMessages} messages`);
    const incident = imported(1);
    const long = {
      ...incident,
      imported: { ...incident.imported!, messages: [{ ...incident.imported!.messages[0]!, text: 'x'.repeat(LIMITS.importText + 1) }] },
    };
    expect(parseIncident(long).ok).toBe(false);
    const empty = { ...incident, imported: { ...incident.imported!, messages: [] } };
    expect(parseIncident(empty).ok).toBe(false);
  });

  it('rejects a sender over two lines and an unknown channel, with a readable message', () => {
    const incident = imported(1);
    const message = incident.imported!.messages[0]!;
    const result = parseIncident({
      ...incident,
      imported: { ...incident.imported!, messages: [{ ...message, sender: 'Sam\nJones', channel: 'pigeon' }] },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.message)).toEqual([
        expect.stringMatching(/^Brought in from, Message 1, channel: must be one of/),
        'Brought in from, Message 1, sender: must be on one line',
      ]);
    }
  });
});

describe('a person told to stop', () => {
  it('keeps the day they were told, and people without it stay valid', () => {
    expect(parsePerson({ ...person('sam', 'Sam'), toldToStopOn: '2026-02-20' }).ok).toBe(true);
    expect(parsePerson(person('sam', 'Sam')).ok).toBe(true);
    expect(parsePerson({ ...person('sam', 'Sam'), toldToStopOn: '20/02/2026' }).ok).toBe(false);
  });
});

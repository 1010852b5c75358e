import { describe, expect, it } from 'vitest';
import type { ImportedMessage, Incident } from '../../../../domain/incidents/index.ts';
import { person, sketch } from '../../../../domain/incidents/test-support.ts';
import { contactByPerson, contactSentences } from './contact-panel.tsx';

const SHA = 'ab'.repeat(32);

function message(at: string, sender: string, call?: ImportedMessage['call']): ImportedMessage {
  return {
    locator: `line:${at}`,
    channel: call ? 'call' : 'sms',
    sender,
    at,
    timeSource: 'export',
    direction: 'incoming',
    text: call ? '' : 'answer me',
    key: `${sender}${at}`,
    ...(call ? { call } : {}),
  };
}

function imported(personId: string, messages: ImportedMessage[]): Incident {
  return {
    ...sketch({ by: personId, behaviours: ['contacting'] }),
    attachments: [{ id: 'f', name: 'sms.xml', type: 'text/xml', size: 10, sha256: SHA }],
    imported: { source: { attachmentId: 'f', sha256: SHA, format: 'sms-backup' }, messages },
  };
}

describe('contact brought in, counted per person', () => {
  const incidents = [
    imported('sam', [
      message('2026-02-19T12:00:00Z', 'Sam'),
      message('2026-02-20T23:30:00Z', 'Sam'),
      message('2026-02-21T01:15:00Z', 'Sam', { kind: 'missed', durationSeconds: 0 }),
    ]),
    imported('sam', [message('2026-02-22T09:00:00Z', 'Sam'), message('2026-02-22T09:05:00Z', 'Me')]),
    sketch({ by: 'sam' }),
  ];

  it('counts messages, calls at night, first and latest, and contact after being told to stop', () => {
    const [sam] = contactByPerson(incidents, [{ ...person('sam', 'Sam'), toldToStopOn: '2026-02-20' }]);
    expect(sam!.counts).toMatchObject({
      messages: 3,
      calls: 1,
      callsAtNight: 1,
      messagesAtNight: 1,
      afterToldToStop: 2,
      first: '2026-02-19T12:00:00Z',
      latest: '2026-02-22T09:00:00Z',
    });
    expect(contactSentences(sam!)).toEqual([
      '3 messages and 1 call from Sam.',
      'The first on Thursday 19 February 2026, the latest on Sunday 22 February 2026.',
      'At night (between 10pm and 6am): 1 message and 1 call.',
      '2 messages or calls came after you told them to stop on Friday 20 February 2026, the first on Saturday 21 February 2026.',
    ]);
  });

  it('says nothing about being told to stop when no date is marked, and leaves out people with no imported contact', () => {
    const found = contactByPerson(incidents, [person('sam', 'Sam'), person('alex', 'Alex')]);
    expect(found.map((c) => c.person.id)).toEqual(['sam']);
    expect(found[0]!.counts.afterToldToStop).toBeUndefined();
    expect(contactSentences(found[0]!).some((s) => s.includes('told them to stop'))).toBe(false);
  });
});

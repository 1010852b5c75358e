import { describe, expect, it } from 'vitest';
import { person, sketch } from '../incidents/test-support.ts';
import { analyseLegalElements } from './analyse.ts';
import { ELEMENT_IDS } from './model.ts';
import { strengthenersFor } from './strengtheners.ts';

const people = [person('sam', 'Sam'), person('alex', 'Alex'), person('zoe', 'Zoe', 'witness')];
const statuses = (incidents: ReturnType<typeof sketch>[]) =>
  Object.fromEntries(analyseLegalElements({ incidents, people }).elements.map((element) => [element.id, element.status]));

describe('analyseLegalElements', () => {
  it('reports every element, in order, each labelled as guidance', () => {
    const report = analyseLegalElements({ incidents: [], people });
    expect(report.elements.map((element) => element.id)).toEqual([...ELEMENT_IDS]);
    expect(report.notice.text).toMatch(/^This is guidance, not legal advice\./);
    expect(report.notice.link?.href).toBe('/get-help/national-stalking-helpline');
    for (const element of report.elements) {
      expect(element.status).toBe('not-yet');
      expect(element.notice).toBe('This is guidance, not legal advice.');
      expect(element.link.href).toMatch(/^\/understand\/the-law#/);
    }
  });

  it('builds up as a record grows: one incident, then a pattern, then fear and changes to daily life', () => {
    const first = sketch({ on: '2026-03-03', by: 'sam', behaviours: ['following'], distress: true });
    expect(statuses([first])).toEqual({
      harassment: 'partly',
      stalking: 'partly',
      'fear-of-violence': 'not-yet',
      'stalking-fear-or-distress': 'not-yet',
      'stalking-protection-order': 'partly',
    });
    const second = sketch({ on: '2026-03-10', by: 'sam', behaviours: ['loitering'], fear: true });
    expect(statuses([first, second])).toEqual({
      harassment: 'supported',
      stalking: 'supported',
      'fear-of-violence': 'partly',
      'stalking-fear-or-distress': 'partly',
      'stalking-protection-order': 'supported',
    });
    const third = sketch({ on: '2026-04-20', by: 'sam', fear: true, changes: ['changed-route'] });
    expect(statuses([first, second, third])).toEqual({
      harassment: 'supported',
      stalking: 'supported',
      'fear-of-violence': 'supported',
      'stalking-fear-or-distress': 'supported',
      'stalking-protection-order': 'supported',
    });
    const report = analyseLegalElements({ incidents: [first, second, third], people });
    expect(report.elements[0]?.shows[0]?.text).toBe('Your record has 3 incidents involving Sam, between 3 March and 20 April 2026.');
    expect(report.elements.every((element) => element.personId === 'sam')).toBe(true);
  });

  it('looks at each named person on their own, and says so', () => {
    const report = analyseLegalElements({
      incidents: [sketch({ by: 'sam', distress: true }), sketch({ by: 'alex', distress: true })],
      people,
    });
    expect(report.elements[0]?.status).toBe('partly');
    expect(report.notes.map((note) => note.text)).toEqual([
      "Your record names 2 different people as the one doing this. Each person's incidents are looked at on their own. If one person got others to act for them, tell the police.",
    ]);
  });

  it('shows the group that goes furthest: the named person over incidents that name nobody', () => {
    const report = analyseLegalElements({
      incidents: [sketch({ distress: true }), sketch({ distress: true }), sketch({ by: 'alex' })],
      people,
    });
    expect(report.elements[0]).toMatchObject({ status: 'supported', personId: 'alex' });
    expect(report.elements[0]?.shows[0]?.text).toContain('1 names Alex, and 2 do not say who it was.');
  });

  it('mentions escalation when given the time, without changing any status', () => {
    const incidents = ['2026-03-10', '2026-03-12', '2026-03-15'].map((on) => sketch({ on, by: 'sam', behaviours: ['following'] }));
    const withNow = analyseLegalElements({ incidents, people, now: Date.UTC(2026, 2, 20) });
    const without = analyseLegalElements({ incidents, people });
    expect(withNow.elements.map((e) => e.status)).toEqual(without.elements.map((e) => e.status));
    expect(withNow.elements[4]?.shows.map((point) => point.text)).toContain(
      'It is happening more often: 3 incidents in the last 4 weeks, up from none in the 4 weeks before.',
    );
  });
});

describe('strengthenersFor', () => {
  it('notices crime references, witnesses, saved evidence, exact times and unfinished quick notes', () => {
    const bare = strengthenersFor([sketch({ on: '2026-03-01', at: '10:00', quickNote: true }), sketch({ reportedTo: 'police' })]);
    expect(bare.map((s) => [s.id, s.done])).toEqual([
      ['crime-reference', false],
      ['witnesses', false],
      ['attachments', false],
      ['exact-times', false],
      ['quick-notes', false],
    ]);
    expect(bare[0]?.text).toBe('1 incident was reported to the police, but there is no crime reference yet. Add it if you have one.');
    expect(bare[3]?.text).toBe('1 of your 2 incidents has an exact date and time. If you can work out the others, add them.');
    expect(bare[4]?.text).toBe('1 quick note still needs finishing. Add the details while you remember them.');

    const strong = strengthenersFor([
      sketch({ on: '2026-03-01', at: '10:00', crimeReference: '43/1/26', witnesses: ['zoe'], attachments: ['a1'] }),
      sketch({ on: '2026-03-02', at: '11:00' }),
    ]);
    expect(strong.every((s) => s.done)).toBe(true);
    expect(strong[0]?.text).toBe('1 incident was reported to the police with a crime reference.');
  });

  it('says what to do when the record is empty', () => {
    expect(strengthenersFor([]).map((s) => s.done)).toEqual([false, false, false, false, true]);
  });
});

import { describe, expect, it } from 'vitest';
import type { IncidentSketch } from '../incidents/test-support.ts';
import { person, sketch } from '../incidents/test-support.ts';
import type { ConductGroup } from './conduct-groups.ts';
import { conductGroups, isCourseOfConduct } from './conduct-groups.ts';
import { fearOfViolenceIn } from './fear-of-violence.ts';
import { harassmentIn } from './harassment.ts';
import { hasBusyWeek, protectionOrderIn } from './protection-order.ts';
import { stalkingIn } from './stalking.ts';
import { stalkingWithFearOrDistressIn } from './stalking-fear-or-distress.ts';
import { namesOf } from './wording.ts';

const names = namesOf([person('sam', 'Sam'), person('alex', 'Alex')]);
const group = (...sketches: IncidentSketch[]): ConductGroup => {
  const groups = conductGroups(sketches.map((s) => sketch(s)));
  // The group the panel would show first: the one with the most incidents.
  return groups.sort((a, b) => b.incidents.length - a.incidents.length)[0]!;
};
const texts = (points: { text: string }[]) => points.map((point) => point.text).join(' ');

describe('conductGroups and isCourseOfConduct (s.7(3))', () => {
  it('one incident is not a course of conduct; two are', () => {
    expect(isCourseOfConduct(group({ by: 'sam' }))).toBe(false);
    expect(isCourseOfConduct(group({ by: 'sam' }, { by: 'sam' }))).toBe(true);
  });

  it('never joins incidents by different named people', () => {
    const groups = conductGroups([sketch({ by: 'sam' }), sketch({ by: 'alex' })]);
    expect(groups.map((g) => [g.personId, g.incidents.length])).toEqual([
      ['sam', 1],
      ['alex', 1],
    ]);
    expect(groups.some(isCourseOfConduct)).toBe(false);
  });

  it('lets incidents that name nobody join every named person, and form their own group', () => {
    const groups = conductGroups([sketch({ by: 'sam' }), sketch({ by: 'alex' }), sketch({})]);
    expect(groups.map((g) => [g.personId, g.named, g.unnamed])).toEqual([
      ['sam', 1, 1],
      ['alex', 1, 1],
      [null, 0, 1],
    ]);
  });

  it('counts an incident that names two people in both groups', () => {
    const groups = conductGroups([sketch({ by: ['sam', 'alex'] }), sketch({ by: 'sam' })]);
    expect(groups.map((g) => [g.personId, g.incidents.length])).toEqual([
      ['sam', 2],
      ['alex', 1],
    ]);
  });

  it('gives an empty record one empty group', () => {
    expect(conductGroups([])).toEqual([{ personId: null, incidents: [], named: 0, unnamed: 0 }]);
  });
});

describe('harassmentIn (s.2)', () => {
  it('is not yet shown with no incidents', () => {
    expect(harassmentIn(group(), names).status).toBe('not-yet');
  });

  it('is partly shown by one incident, even with distress, and says a second occasion is needed', () => {
    const result = harassmentIn(group({ by: 'sam', distress: true }), names);
    expect(result.status).toBe('partly');
    expect(texts(result.missing)).toContain('at least two occasions');
  });

  it('may be supported by two incidents by the same person with alarm or distress recorded', () => {
    const result = harassmentIn(group({ on: '2026-03-03', by: 'sam', distress: true }, { on: '2026-04-20', by: 'sam' }), names);
    expect(result.status).toBe('supported');
    expect(result.shows[0]?.text).toBe('Your record has 2 incidents involving Sam, between 3 March and 20 April 2026.');
    expect(result.missing).toEqual([]);
  });

  it('is only partly shown when the record does not say how it affected you', () => {
    const result = harassmentIn(group({ by: 'sam' }, { by: 'sam' }), names);
    expect(result.status).toBe('partly');
    expect(texts(result.missing)).toContain('how it made you feel');
  });

  it('counts incidents that do not say who did it, and asks to name the person', () => {
    const result = harassmentIn(group({ on: '2025-12-03', distress: true }, { on: '2026-01-20' }), names);
    expect(result.status).toBe('supported');
    expect(result.shows[0]?.text).toBe(
      'Your record has 2 incidents between 3 December 2025 and 20 January 2026. None of them says who did it.',
    );
    expect(texts(result.missing)).toContain('If you know who did it');
  });

  it('treats one incident by Sam and one by Alex as two separate people, each once', () => {
    const groups = conductGroups([sketch({ by: 'sam', distress: true }), sketch({ by: 'alex', distress: true })]);
    expect(groups.map((g) => harassmentIn(g, names).status)).toEqual(['partly', 'partly']);
  });
});

describe('stalkingIn (s.2A)', () => {
  it('needs harassment and at least one behaviour linked to stalking', () => {
    expect(stalkingIn(group({ by: 'sam', distress: true }, { by: 'sam' }), names).status).toBe('partly');
    const result = stalkingIn(group({ by: 'sam', distress: true, behaviours: ['following'] }, { by: 'sam' }), names);
    expect(result.status).toBe('supported');
    expect(texts(result.shows)).toContain('1 incident includes things linked to stalking. For example: following you.');
  });

  it('counts behaviours the law does not list, because its list is only examples', () => {
    expect(stalkingIn(group({ by: 'sam', distress: true, behaviours: ['unwanted-gifts'] }, { by: 'sam' }), names).status).toBe('supported');
  });

  it('is partly shown by one incident with a stalking behaviour', () => {
    expect(stalkingIn(group({ by: 'sam', distress: true, behaviours: ['following'] }), names).status).toBe('partly');
  });

  it('leaves out incidents before 25 November 2012, which count only as harassment', () => {
    const before = group({ on: '2012-11-24', by: 'sam', distress: true, behaviours: ['following'] }, { on: '2012-11-01', by: 'sam' });
    expect(harassmentIn(before, names).status).toBe('supported');
    expect(stalkingIn(before, names).status).toBe('not-yet');
    const across = stalkingIn(
      group({ on: '2012-11-24', by: 'sam', distress: true, behaviours: ['following'] }, { on: '2012-11-25', by: 'sam' }),
      names,
    );
    expect(across.status).toBe('partly');
    expect(texts(across.shows)).toContain('1 incident is from before 25 November 2012');
  });
});

describe('fearOfViolenceIn (s.4)', () => {
  it('is not yet shown without fear of violence, however many incidents', () => {
    expect(fearOfViolenceIn(group({ by: 'sam', distress: true }, { by: 'sam', distress: true }), names).status).toBe('not-yet');
  });

  it('is partly shown by fear on one occasion', () => {
    const result = fearOfViolenceIn(group({ by: 'sam', fear: true }, { by: 'sam' }), names);
    expect(result.status).toBe('partly');
    expect(texts(result.missing)).toContain('at least two occasions');
  });

  it('may be supported by fear on two occasions', () => {
    const result = fearOfViolenceIn(group({ by: 'sam', fear: true }, { by: 'sam', fear: true }), names);
    expect(result.status).toBe('supported');
    expect(texts(result.shows)).toContain('on 2 occasions');
  });

  it('does not add up fear caused by two different named people', () => {
    const groups = conductGroups([sketch({ by: 'sam', fear: true }), sketch({ by: 'alex', fear: true })]);
    expect(groups.map((g) => fearOfViolenceIn(g, names).status)).toEqual(['partly', 'partly']);
  });
});

describe('stalkingWithFearOrDistressIn (s.4A)', () => {
  const stalking = { by: 'sam', behaviours: ['loitering' as const] };

  it('may be supported by stalking with fear of violence on two occasions', () => {
    expect(stalkingWithFearOrDistressIn(group({ ...stalking, fear: true }, { ...stalking, fear: true }), names).status).toBe('supported');
  });

  it('may be supported by stalking with distress and changes to daily life, without any fear of violence', () => {
    const result = stalkingWithFearOrDistressIn(
      group({ ...stalking, distress: true, changes: ['changed-route', 'moved-home'] }, { ...stalking }),
      names,
    );
    expect(result.status).toBe('supported');
    expect(texts(result.shows)).toContain('such as your route or routine and where you live');
    expect(texts(result.shows)).toContain('The police and the courts decide that.');
  });

  it('is partly shown by stalking with distress but no changes to daily life', () => {
    const result = stalkingWithFearOrDistressIn(group({ ...stalking, distress: true }, { ...stalking, distress: true }), names);
    expect(result.status).toBe('partly');
    expect(texts(result.missing)).toContain('changed your daily life');
  });

  it('is partly shown by stalking with fear of violence on only one occasion', () => {
    const result = stalkingWithFearOrDistressIn(group({ ...stalking, fear: true }, { ...stalking }), names);
    expect(result.status).toBe('partly');
    expect(texts(result.missing)).toContain('at least two occasions');
  });

  it('is partly shown when daily life changed but the record does not show stalking', () => {
    const result = stalkingWithFearOrDistressIn(group({ by: 'sam', distress: true, changes: ['sleep'] }, { by: 'sam' }), names);
    expect(result.status).toBe('partly');
    expect(texts(result.missing)).toContain('First, the record needs to show stalking');
  });

  it('asks how it felt when changes are written down but no alarm, distress or fear', () => {
    const result = stalkingWithFearOrDistressIn(group({ ...stalking, changes: ['sleep'] }, { ...stalking }), names);
    expect(result.status).toBe('partly');
    expect(texts(result.missing)).toContain('Say how it made you feel');
  });

  it('is not yet shown by harassment alone', () => {
    expect(stalkingWithFearOrDistressIn(group({ by: 'sam', distress: true }, { by: 'sam' }), names).status).toBe('not-yet');
  });
});

describe('protectionOrderIn (Stalking Protection Act 2019)', () => {
  it('might be relevant with stalking behaviour by a named person and a threat', () => {
    const result = protectionOrderIn(group({ by: 'sam', behaviours: ['following', 'threat-of-violence'] }), names);
    expect(result.status).toBe('supported');
    expect(texts(result.shows)).toContain('There are signs of risk: threatening to hurt you.');
    expect(texts(result.shows)).toContain('You do not apply yourself.');
  });

  it('counts fear of violence and four incidents in seven days as signs of risk', () => {
    expect(protectionOrderIn(group({ by: 'sam', behaviours: ['following'], fear: true }), names).status).toBe('supported');
    const busy = ['2026-03-01', '2026-03-03', '2026-03-05', '2026-03-07'].map((on) => ({
      on,
      by: 'sam',
      behaviours: ['contacting' as const],
    }));
    expect(protectionOrderIn(group(...busy), names).status).toBe('supported');
  });

  it('is only partly shown without signs of risk, or when nobody is named', () => {
    expect(protectionOrderIn(group({ by: 'sam', behaviours: ['following'] }, { by: 'sam', behaviours: ['following'] }), names).status).toBe(
      'partly',
    );
    const unnamed = protectionOrderIn(group({ behaviours: ['following', 'violence'] }), names);
    expect(unnamed.status).toBe('partly');
    expect(texts(unnamed.missing)).toContain('against a named person');
  });

  it('is not yet shown with no stalking behaviour and no sign of risk', () => {
    expect(protectionOrderIn(group({ by: 'sam', distress: true }), names).status).toBe('not-yet');
  });

  it('mentions rising numbers without changing the status', () => {
    const g = group({ by: 'sam', behaviours: ['following'] });
    const rising = { trend: 'rising', text: '5 incidents in the last 4 weeks, up from 1 in the 4 weeks before.' } as const;
    const result = protectionOrderIn(g, names, rising as never);
    expect(result.status).toBe(protectionOrderIn(g, names).status);
    expect(texts(result.shows)).toContain('It is happening more often: 5 incidents');
  });
});

describe('hasBusyWeek', () => {
  const on = (...dates: string[]) => dates.map((date) => sketch({ on: date }));
  it('needs four incidents within seven days (S-DASH: more than three times a week)', () => {
    expect(hasBusyWeek(on('2026-03-01', '2026-03-02', '2026-03-03', '2026-03-07'))).toBe(true);
    expect(hasBusyWeek(on('2026-03-01', '2026-03-02', '2026-03-03', '2026-03-08'))).toBe(false);
    expect(hasBusyWeek(on('2026-03-01', '2026-03-01', '2026-03-01'))).toBe(false);
  });
});

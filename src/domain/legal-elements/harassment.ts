// Harassment, PHA 1997 s.2 (with s.1(1)): pursuing a course of conduct that amounts to harassment of another.
// s.7(2): harassing a person includes alarming them or causing them distress. The record can show the
// occasions and their effect on you. Whether the person knew or ought to have known (s.1(1)(b), s.1(2)) is for
// the police and the courts, so it is never scored here.
import { recordsHarm } from '../incidents/index.ts';
import type { ConductGroup } from './conduct-groups.ts';
import { isCourseOfConduct } from './conduct-groups.ts';
import { LINKS } from './links.ts';
import type { Evaluation, Point } from './model.ts';
import type { Names } from './wording.ts';
import { describeGroup } from './wording.ts';

/** The occasions missing for a course of conduct (s.7(3)), shared by every rule that needs one. */
export function courseOfConductMissing(group: ConductGroup): Point[] {
  const n = group.incidents.length;
  if (n === 0)
    return [
      { text: 'There are no incidents in your record yet. Write down each thing that happens, with the date.', link: LINKS.whatToWrite },
    ];
  if (n === 1) {
    return [
      {
        text: 'The law needs it to happen on at least two occasions. Your record has one so far. If it happens again, write it down.',
        link: LINKS.courseOfConduct,
      },
    ];
  }
  return [];
}

/** Incidents that name nobody: a nudge to name the person if they know. */
export function namingMissing(group: ConductGroup): Point[] {
  if (group.unnamed === 0) return [];
  return [{ text: 'If you know who did it, or think it was the same person each time, add them to each incident.' }];
}

export function harassmentIn(group: ConductGroup, names: Names): Evaluation {
  const n = group.incidents.length;
  const harmed = group.incidents.filter(recordsHarm).length;
  const shows: Point[] = n > 0 ? [{ text: describeGroup(group, names) }] : [];
  const missing: Point[] = [...courseOfConductMissing(group)];
  if (harmed > 0) {
    shows.push({
      text: `In ${n === 1 ? 'it' : `${harmed} of them`}, you wrote that it scared, alarmed or upset you, or changed your daily life.`,
    });
  } else if (n > 0) {
    missing.push({ text: 'Write down how it made you feel. For example, scared, alarmed or upset.', link: LINKS.effects });
  }
  missing.push(...namingMissing(group));
  const status = isCourseOfConduct(group) && harmed > 0 ? 'supported' : n > 0 ? 'partly' : 'not-yet';
  return { status, shows, missing };
}

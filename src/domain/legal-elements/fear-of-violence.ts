// Putting people in fear of violence, PHA 1997 s.4(1): a course of conduct that causes another to fear, on at
// least two occasions, that violence will be used against them. Each incident where the person ticked "fear
// that violence would be used" is one occasion; two such incidents are also a course of conduct (s.7(3)).
import type { Incident } from '../incidents/index.ts';
import type { ConductGroup } from './conduct-groups.ts';
import { namingMissing } from './harassment.ts';
import { LINKS } from './links.ts';
import type { Evaluation, Point } from './model.ts';
import type { Names } from './wording.ts';
import { count, describeGroup } from './wording.ts';

export function fearedViolence(incident: Incident): boolean {
  return incident.effects.fearOfViolence;
}

/** s.4(1): "on at least two occasions". */
export const FEAR_OCCASIONS_NEEDED = 2;

export function fearOfViolenceIn(group: ConductGroup, names: Names): Evaluation {
  const occasions = group.incidents.filter(fearedViolence).length;
  const shows: Point[] = [];
  const missing: Point[] = [];
  if (occasions > 0) {
    shows.push({ text: describeGroup(group, names) });
    shows.push({ text: `You wrote that you feared violence would be used against you on ${count(occasions, 'occasion')}.` });
  }
  if (occasions === 0) {
    missing.push({
      text: 'Your record does not show fear that violence would be used against you. If you felt this, tick it on each incident where you did.',
      link: LINKS.effects,
    });
  } else if (occasions < FEAR_OCCASIONS_NEEDED) {
    missing.push({
      text: 'The law needs fear of violence on at least two occasions. Your record shows it on one so far.',
      link: LINKS.fearOfViolence,
    });
  }
  if (occasions > 0) missing.push(...namingMissing(group));
  const status = occasions >= FEAR_OCCASIONS_NEEDED ? 'supported' : occasions > 0 ? 'partly' : 'not-yet';
  return { status, shows, missing };
}

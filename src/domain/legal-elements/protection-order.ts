// Might a Stalking Protection Order be relevant? Stalking Protection Act 2019 (in force 20 January 2020): the
// police (a chief officer) apply to a magistrates' court; the victim does not apply; there need be no conviction
// (FACTS.md). The Act's test (s.1(1): acts associated with stalking, a risk associated with stalking, and the
// order being necessary) is not yet in FACTS.md, so the words shown stay with what the-law.md says.
// Here: "supported" means stalking behaviours by a named person plus a sign of risk in the record:
//   - a behaviour marked riskOfHarm (threats, violence, damage, breaking in: S-DASH 2009 risk factors);
//   - fear of violence on any occasion;
//   - four or more incidents within seven days (S-DASH: visits "more than three times a week").
// Rising numbers over recent weeks are mentioned but do not change the status: that measure can fall when an
// older incident is added, and adding to the record must never lower a status.

import type { BehaviourId, Incident } from '../incidents/index.ts';
import { behaviourById, whenStartDate } from '../incidents/index.ts';
import type { Escalation } from '../patterns/index.ts';
import type { ConductGroup } from './conduct-groups.ts';
import { LINKS } from './links.ts';
import type { Evaluation, Point } from './model.ts';
import { stalkingBehavioursOf } from './stalking.ts';
import type { Names } from './wording.ts';
import { count, describeGroup, listing } from './wording.ts';

/** S-DASH (2009): visits "more than three times a week". */
export const BUSY_WEEK_INCIDENTS = 4;

export function riskBehavioursOf(incidents: readonly Incident[]): BehaviourId[] {
  const seen = new Set(incidents.flatMap((incident) => incident.behaviours.filter((id) => behaviourById(id).riskOfHarm)));
  return [...seen];
}

/** Whether any seven days in a row hold four or more incidents. */
export function hasBusyWeek(incidents: readonly Incident[]): boolean {
  const days = incidents.map((incident) => Date.parse(`${whenStartDate(incident.when)}T00:00:00Z`) / 86_400_000).sort((a, b) => a - b);
  for (let i = 0; i + BUSY_WEEK_INCIDENTS - 1 < days.length; i += 1) {
    if (days[i + BUSY_WEEK_INCIDENTS - 1]! - days[i]! < 7) return true;
  }
  return false;
}

export function protectionOrderIn(group: ConductGroup, names: Names, escalation?: Escalation): Evaluation {
  const acts = group.incidents.filter((incident) => stalkingBehavioursOf(incident).length > 0);
  const risky = riskBehavioursOf(group.incidents);
  const fear = group.incidents.filter((incident) => incident.effects.fearOfViolence).length;
  const busy = hasBusyWeek(group.incidents);
  const risk = risky.length > 0 || fear > 0 || busy;

  const shows: Point[] = [];
  const missing: Point[] = [];
  if (acts.length > 0 || risk) shows.push({ text: describeGroup(group, names) });
  if (acts.length > 0)
    shows.push({
      text: `${count(acts.length, 'incident')} ${acts.length === 1 ? 'includes' : 'include'} things linked to stalking.`,
      link: LINKS.behaviours,
    });
  if (risky.length > 0) {
    const named = risky.slice(0, 2).map((id) => behaviourById(id).label.toLowerCase());
    if (risky.length > 2) named.push(count(risky.length - 2, 'other'));
    shows.push({ text: `There are signs of risk: ${listing(named)}.` });
  }
  if (fear > 0) shows.push({ text: `You feared violence would be used against you on ${count(fear, 'occasion')}.` });
  if (busy) shows.push({ text: `${BUSY_WEEK_INCIDENTS} or more incidents happened within 7 days.` });
  if (escalation?.trend === 'rising') shows.push({ text: `It is happening more often: ${escalation.text}` });
  shows.push({
    text: 'The police can ask a court for a Stalking Protection Order to protect you early. You do not apply yourself. The person does not have to be convicted of a crime first.',
    link: LINKS.protectionOrder,
  });

  if (acts.length === 0) missing.push({ text: 'Tick the behaviours on the checklist for each incident.', link: LINKS.behaviours });
  if (group.personId === null && acts.length > 0) {
    missing.push({ text: 'An order is made against a named person. Your record does not say who did this yet.' });
  }
  if (!risk) {
    missing.push({
      text: 'Your record shows no signs of risk, such as threats, violence or damage. If any of these happened, write them down.',
      link: LINKS.whatToWrite,
    });
  }
  const status = group.personId !== null && acts.length > 0 && risk ? 'supported' : acts.length > 0 || risk ? 'partly' : 'not-yet';
  return { status, shows, missing };
}

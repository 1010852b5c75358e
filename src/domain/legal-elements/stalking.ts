// Stalking, PHA 1997 s.2A(1)–(2): a course of conduct that amounts to harassment, where the acts or omissions
// are ones associated with stalking. s.2A(3) lists examples (following, contacting or trying to, publishing
// material, monitoring electronic communications, loitering, interfering with property, watching or spying);
// the list is not exhaustive, so every checklist behaviour marked associatedWithStalking counts.
// In force 25 November 2012 (Protection of Freedoms Act 2012 s.111): earlier incidents count as harassment only.

import type { BehaviourId, Incident } from '../incidents/index.ts';
import { behaviourById, whenStartDate } from '../incidents/index.ts';
import type { ConductGroup } from './conduct-groups.ts';
import { narrowGroup } from './conduct-groups.ts';
import { harassmentIn } from './harassment.ts';
import { LINKS } from './links.ts';
import type { Evaluation } from './model.ts';
import type { Names } from './wording.ts';
import { count, listing } from './wording.ts';

export const STALKING_OFFENCES_FROM = '2012-11-25';

/** Incidents the stalking offences can apply to: on or after 25 November 2012. */
export function inStalkingLawPeriod(incident: Incident): boolean {
  return whenStartDate(incident.when) >= STALKING_OFFENCES_FROM;
}

export function stalkingBehavioursOf(incident: Incident): BehaviourId[] {
  return incident.behaviours.filter((id) => behaviourById(id).associatedWithStalking);
}

export function stalkingGroup(group: ConductGroup): ConductGroup {
  return narrowGroup(group, inStalkingLawPeriod);
}

export function stalkingIn(group: ConductGroup, names: Names): Evaluation {
  const period = stalkingGroup(group);
  const earlier = group.incidents.length - period.incidents.length;
  const harassment = harassmentIn(period, names);
  const acts = period.incidents.filter((incident) => stalkingBehavioursOf(incident).length > 0);
  const shows = [...harassment.shows];
  const missing = [...harassment.missing];

  if (acts.length > 0) {
    // The most recorded behaviours first, so the sentence names what matters most in this record.
    const tally = new Map<BehaviourId, number>();
    for (const incident of acts) for (const id of stalkingBehavioursOf(incident)) tally.set(id, (tally.get(id) ?? 0) + 1);
    const top = [...tally]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2)
      .map(([id]) => behaviourById(id).label.toLowerCase());
    const which =
      acts.length === period.incidents.length
        ? 'They include'
        : `${count(acts.length, 'incident')} ${acts.length === 1 ? 'includes' : 'include'}`;
    shows.push({ text: `${which} things linked to stalking. For example: ${listing(top)}.`, link: LINKS.behaviours });
  } else if (period.incidents.length > 0) {
    missing.push({
      text: 'Tick the behaviours on the checklist for each incident. For example, following you, contacting you or watching you.',
      link: LINKS.behaviours,
    });
  }
  if (earlier > 0) {
    shows.push({
      text: `${count(earlier, 'incident')} ${earlier === 1 ? 'is' : 'are'} from before 25 November 2012, when the stalking law started. ${earlier === 1 ? 'It still counts' : 'They still count'} as harassment.`,
    });
  }
  const status = harassment.status === 'supported' && acts.length > 0 ? 'supported' : period.incidents.length > 0 ? 'partly' : 'not-yet';
  return { status, shows, missing };
}

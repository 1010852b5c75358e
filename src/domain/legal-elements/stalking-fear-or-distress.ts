// Stalking involving fear of violence or serious alarm or distress, PHA 1997 s.4A(1): a course of conduct that
// amounts to stalking, and either
//   (b)(i)  causes another to fear, on at least two occasions, that violence will be used against them, or
//   (b)(ii) causes them serious alarm or distress which has a substantial adverse effect on their usual
//           day-to-day activities.
// For (b)(ii) the record's evidence is alarm, distress or fear ticked on an incident plus changes to daily life
// written down (the guidance: changing route, work or home, stopping going out, not sleeping). Whether the
// effect is "substantial" is for the police and courts; the finding says so.

import type { DailyLifeChange, Incident } from '../incidents/index.ts';
import { DAILY_LIFE_CHANGES } from '../incidents/index.ts';
import type { ConductGroup } from './conduct-groups.ts';
import { FEAR_OCCASIONS_NEEDED, fearedViolence } from './fear-of-violence.ts';
import { LINKS } from './links.ts';
import type { Evaluation, Point } from './model.ts';
import { stalkingGroup, stalkingIn } from './stalking.ts';
import type { Names } from './wording.ts';
import { count, describeGroup, listing } from './wording.ts';

const CHANGE_WORDS: Readonly<Record<DailyLifeChange, string>> = {
  'changed-route': 'your route or routine',
  'changed-or-left-work': 'your work or studies',
  'stopped-going-out': 'going out',
  sleep: 'your sleep',
  'moved-home': 'where you live',
  'changed-phone': 'your phone or accounts',
  'extra-security': 'your home security',
  'time-off': 'time off',
  health: 'your health',
  other: 'other things',
};

function distressed(incident: Incident): boolean {
  return incident.effects.alarmOrDistress || incident.effects.fearOfViolence;
}

function changesOf(incidents: readonly Incident[]): DailyLifeChange[] {
  const seen = new Set(incidents.flatMap((incident) => incident.effects.dailyLifeChanges));
  return DAILY_LIFE_CHANGES.filter((change) => seen.has(change));
}

export function stalkingWithFearOrDistressIn(group: ConductGroup, names: Names): Evaluation {
  const stalking = stalkingIn(group, names);
  const period = stalkingGroup(group);
  const fear = period.incidents.filter(fearedViolence).length;
  const changes = changesOf(period.incidents);
  const anyDistress = period.incidents.some(distressed);
  const viaFear = fear >= FEAR_OCCASIONS_NEEDED;
  const viaDistress = anyDistress && changes.length > 0;

  const shows: Point[] = [];
  const missing: Point[] = [];
  if (period.incidents.length > 0) shows.push({ text: describeGroup(period, names) });
  if (stalking.status === 'supported') shows.push({ text: 'It may show stalking (see the stalking part above).', link: LINKS.stalking });
  else missing.push({ text: 'First, the record needs to show stalking. See the stalking part above.', link: LINKS.stalking });
  if (fear > 0) shows.push({ text: `You feared violence would be used against you on ${count(fear, 'occasion')}.` });
  if (changes.length > 0) {
    shows.push({
      text: `You wrote down changes to your daily life, such as ${listing(changes.slice(0, 3).map((change) => CHANGE_WORDS[change]))}.`,
      link: LINKS.effects,
    });
  }
  if (viaDistress) {
    shows.push({ text: 'The law asks if it had a big effect on your everyday life. The police and the courts decide that.' });
  }
  if (!viaFear && !viaDistress) {
    if (fear === 1)
      missing.push({
        text: 'Fear of violence needs to be on at least two occasions. Your record shows one so far.',
        link: LINKS.stalkingFearOrDistress,
      });
    if (changes.length === 0) {
      missing.push({
        text: 'Write down how it has changed your daily life. For example, your route, your work, your sleep, or going out less.',
        link: LINKS.effects,
      });
    } else if (!anyDistress) {
      missing.push({ text: 'Say how it made you feel. For example, alarmed, very upset or scared.', link: LINKS.effects });
    }
  }
  const status =
    stalking.status === 'supported' && (viaFear || viaDistress)
      ? 'supported'
      : stalking.status === 'supported' || fear > 0 || changes.length > 0
        ? 'partly'
        : 'not-yet';
  return { status, shows, missing };
}

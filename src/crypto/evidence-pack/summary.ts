// The pack's cover numbers, computed from the entries' latest versions with the diary's own domain rules, so
// the PDF, pack.json and the verifier (which recomputes them) can never disagree about what was counted.

import type { BehaviourId, Incident } from '../../domain/incidents/index.ts';
import {
  BEHAVIOUR_IDS,
  behaviourById,
  hasCrimeReference,
  isReported,
  parseIncident,
  whenBounds,
  whenStartDate,
} from '../../domain/incidents/index.ts';

export interface PackSummary {
  readonly entries: number;
  readonly versions: number;
  readonly attachments: number;
  /** Entries whose latest version is a diary incident; the rest are notes and other items. */
  readonly incidents: number;
  /** London dates of the earliest start and latest end the incidents were recorded with; null without incidents. */
  readonly incidentDates: { readonly first: string; readonly last: string } | null;
  /** Most frequent first; ties in checklist order. */
  readonly behaviours: readonly { readonly id: string; readonly label: string; readonly count: number }[];
  readonly reportedToPolice: number;
  readonly withCrimeReference: number;
}

export interface SummaryInput {
  /** Each entry's versions' content, oldest first. */
  readonly entries: readonly (readonly unknown[])[];
  readonly attachments: number;
}

export function summarise(input: SummaryInput): PackSummary {
  const incidents: Incident[] = [];
  let versions = 0;
  for (const contents of input.entries) {
    versions += contents.length;
    const parsed = parseIncident(contents[contents.length - 1]);
    if (parsed.ok) incidents.push(parsed.value);
  }
  const counts = new Map<BehaviourId, number>();
  let first = Infinity;
  let last = -Infinity;
  let firstDate = '';
  let lastDate = '';
  for (const incident of incidents) {
    for (const id of incident.behaviours) counts.set(id, (counts.get(id) ?? 0) + 1);
    const bounds = whenBounds(incident.when);
    if (bounds.start < first) {
      first = bounds.start;
      firstDate = whenStartDate(incident.when);
    }
    if (bounds.end > last) {
      last = bounds.end;
      // The end bound is exclusive: the last possible instant is 1 ms before it.
      lastDate = londonDate(bounds.end - 1);
    }
  }
  const behaviours = [...counts.entries()]
    .sort(([a, x], [b, y]) => y - x || behaviourOrder(a) - behaviourOrder(b))
    .map(([id, count]) => ({ id, label: behaviourById(id).label, count }));
  return {
    entries: input.entries.length,
    versions,
    attachments: input.attachments,
    incidents: incidents.length,
    incidentDates: incidents.length > 0 ? { first: firstDate, last: lastDate } : null,
    behaviours,
    reportedToPolice: incidents.filter((incident) => isReported(incident, 'police')).length,
    withCrimeReference: incidents.filter(hasCrimeReference).length,
  };
}

const BEHAVIOUR_ORDER = new Map<string, number>(BEHAVIOUR_IDS.map((id, index) => [id, index]));

function behaviourOrder(id: BehaviourId): number {
  return BEHAVIOUR_ORDER.get(id) ?? Number.MAX_SAFE_INTEGER;
}

// en-CA writes YYYY-MM-DD.
const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

function londonDate(instant: number): string {
  return LONDON_DATE.format(new Date(instant));
}

// Incident fields in plain words, with the diary's own labels, for the log table and the full entries.

import { ukTime } from '../../../crypto/evidence-pack/index.ts';
import type { Incident, MethodUse, Person, PersonRole, Report } from '../../../domain/incidents/index.ts';
import {
  behaviourById,
  DAILY_LIFE_CHANGE_LABELS,
  describeWhen,
  METHOD_LABELS,
  PERSON_ROLE_LABELS,
  REPORT_TARGET_LABELS,
} from '../../../domain/incidents/index.ts';
import type { Model } from './model.ts';

const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const SHORT_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric' });
const SHORT_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export { ukTime };

/** '2026-03-01' → "1 March 2026". */
export function day(isoDate: string): string {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  return Number.isFinite(ms) ? DAY.format(new Date(ms)) : isoDate;
}

export function periodText(period: { from?: string; to?: string }): string {
  if (period.from && period.to) return `${day(period.from)} to ${day(period.to)}`;
  if (period.from) return `From ${day(period.from)}`;
  if (period.to) return `Up to ${day(period.to)}`;
  return 'All dates';
}

/** "03/03/2026 18:30" for the log's first column, "03/03/2026 (time not known)" for a day, both ends for a range. */
export function logWhen(incident: Incident): string {
  const when = incident.when;
  if (when.precision === 'exact') return stamp(when.at);
  if (when.precision === 'day') return `${shortDay(when.date)}\n(time not known)`;
  return `From ${stamp(when.from)}\nto ${stamp(when.to)}`;
}

function stamp(value: string): string {
  if (value.length === 10) return shortDay(value);
  const date = new Date(value);
  return `${SHORT_DATE.format(date)} ${SHORT_TIME.format(date)}`;
}

function shortDay(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

export function whenInWords(incident: Incident): string {
  return describeWhen(incident.when);
}

export function whereInWords(incident: Incident, model: Model): string {
  const place = incident.placeId ? model.places.get(incident.placeId) : undefined;
  const parts = [incident.where.trim()];
  if (place) parts.push(`${place.name}${place.address ? `, ${place.address.replace(/\s*\n\s*/g, ', ')}` : ''}`);
  return parts.filter((part) => part !== '').join(' — ');
}

export function personName(model: Model, personId: string): string {
  return model.people.get(personId)?.name ?? 'A person not included in this pack';
}

export function peopleWithRole(incident: Incident, model: Model, role: PersonRole): string[] {
  return incident.people.filter((link) => link.role === role).map((link) => personName(model, link.personId));
}

export function behavioursInWords(incident: Incident): string {
  return incident.behaviours.map((id) => behaviourById(id).label).join('\n');
}

export function methodInWords(method: MethodUse): string {
  if (method.kind === 'social-media') return `${METHOD_LABELS[method.kind]}: ${method.platform}`;
  if (method.kind === 'other' && method.detail) return `${METHOD_LABELS[method.kind]}: ${method.detail}`;
  return METHOD_LABELS[method.kind];
}

/** "Name — their role this time"; who they are in full is in the people section. */
export function personLine(person: Person | undefined, role: PersonRole): string {
  const roleLabel = PERSON_ROLE_LABELS[role];
  if (!person) return `A person not included in this pack (${roleLabel.toLowerCase()})`;
  return `${person.name} — ${roleLabel}`;
}

export function effectsInWords(incident: Incident): string {
  const e = incident.effects;
  const lines = [
    `Feared violence would be used against them: ${e.fearOfViolence ? 'yes' : 'no'}`,
    `Caused alarm or distress: ${e.alarmOrDistress ? 'yes' : 'no'}`,
    ...e.dailyLifeChanges.map((change) =>
      change === 'other' && e.otherChange ? `${DAILY_LIFE_CHANGE_LABELS[change]}: ${e.otherChange}` : DAILY_LIFE_CHANGE_LABELS[change],
    ),
  ];
  if (!e.dailyLifeChanges.includes('other') && e.otherChange) lines.push(e.otherChange);
  if (e.notes && e.notes.trim() !== '') lines.push(`In their own words: ${e.notes}`);
  return lines.join('\n');
}

export function reportInWords(report: Report): string {
  const parts = [report.name ? `${REPORT_TARGET_LABELS[report.to]} (${report.name})` : REPORT_TARGET_LABELS[report.to]];
  if (report.date) parts.push(`on ${day(report.date)}`);
  if (report.crimeReference) parts.push(`crime reference ${report.crimeReference}`);
  if (report.officerName) parts.push(`officer ${report.officerName}`);
  return parts.join(', ');
}

/** The log's last column: "Police — ref 123/45, PC Khan". */
export function reportsShort(incident: Incident): string {
  return incident.reports
    .map((report) => {
      const who = report.to === 'police' ? 'Police' : (report.name ?? REPORT_TARGET_LABELS[report.to]);
      const details = [
        report.crimeReference ? `ref ${report.crimeReference}` : '',
        report.officerName ?? '',
        report.date ? shortDay(report.date) : '',
      ].filter((d) => d !== '');
      return details.length > 0 ? `${who} — ${details.join(', ')}` : who;
    })
    .join('\n');
}

export function bytesInWords(size: number): string {
  if (size < 1024) return `${size.toLocaleString('en-GB')} bytes`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

/** A hash in groups of 16 so it can be read aloud and compared. */
export function groupedHex(hex: string): string {
  return hex.replace(/(.{16})(?=.)/g, '$1 ');
}

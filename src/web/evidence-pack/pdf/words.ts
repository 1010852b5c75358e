// Incident fields in plain words, in the PDF's language (./text) with the diary's own labels (./labels.ts), for
// the log table and the full entries. The person's own words are never translated.

import type { Incident, IncidentWhen, MethodUse, Person, PersonRole, Report } from '../../../domain/incidents/index.ts';
import { describeWhen } from '../../../domain/incidents/index.ts';
import type { Model } from './model.ts';
import type { Words } from './text/index.ts';

export { ukTime } from '../../../crypto/evidence-pack/index.ts';
export type { Words } from './text/index.ts';

const SHORT_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric' });
const SHORT_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function periodText(w: Words, period: { from?: string; to?: string }): string {
  if (period.from && period.to) return w.say('period.both', { from: w.day(period.from), to: w.day(period.to) });
  if (period.from) return w.say('period.from', { from: w.day(period.from) });
  if (period.to) return w.say('period.to', { to: w.day(period.to) });
  return w.say('period.all');
}

/** "03/03/2026 18:30" for the log's first column, "03/03/2026 (time not known)" for a day, both ends for a range. */
export function logWhen(w: Words, incident: Incident): string {
  const when = incident.when;
  if (when.precision === 'exact') return stamp(when.at);
  if (when.precision === 'day') return w.say('when.timeNotKnown', { day: shortDay(when.date) });
  return w.say('when.logRange', { from: stamp(when.from), to: stamp(when.to) });
}

/** "03/03/2026 18:30": numbers only, the same in every language. */
export function stamp(value: string | number): string {
  if (typeof value === 'string' && value.length === 10) return shortDay(value);
  const date = new Date(value);
  return `${SHORT_DATE.format(date)} ${SHORT_TIME.format(date)}`;
}

export function shortDay(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

/** English as the diary says it ("Tuesday 3 March 2026 at 6:30pm"); Welsh through Intl, 24-hour, as the verifier. */
export function whenInWords(w: Words, incident: Incident): string {
  if (w.language === 'en') return describeWhen(incident.when);
  const end = (value: string) => (value.length === 10 ? w.day(value) : w.timeBare(Date.parse(value)));
  const when: IncidentWhen = incident.when;
  if (when.precision === 'exact') return end(when.at);
  if (when.precision === 'day') return w.say('when.day', { day: w.day(when.date) });
  return w.say('when.range', { from: end(when.from), to: end(when.to) });
}

export function whereInWords(incident: Incident, model: Model): string {
  const place = incident.placeId ? model.places.get(incident.placeId) : undefined;
  const parts = [incident.where.trim()];
  if (place) parts.push(`${place.name}${place.address ? `, ${place.address.replace(/\s*\n\s*/g, ', ')}` : ''}`);
  return parts.filter((part) => part !== '').join(' — ');
}

export function personName(w: Words, model: Model, personId: string): string {
  return model.people.get(personId)?.name ?? w.say('people.notIncluded');
}

export function peopleWithRole(w: Words, incident: Incident, model: Model, role: PersonRole): string[] {
  return incident.people.filter((link) => link.role === role).map((link) => personName(w, model, link.personId));
}

export function behavioursInWords(w: Words, incident: Incident): string {
  return incident.behaviours.map((id) => w.labels.behaviour(id)).join('\n');
}

export function methodInWords(w: Words, method: MethodUse): string {
  const label = w.labels.method(method.kind);
  if (method.kind === 'social-media') return w.say('entries.labelled', { label, detail: method.platform });
  if (method.kind === 'other' && method.detail) return w.say('entries.labelled', { label, detail: method.detail });
  return label;
}

/** "Name — their role this time"; who they are in full is in the people section. */
export function personLine(w: Words, person: Person | undefined, role: PersonRole): string {
  const roleLabel = w.labels.role(role);
  if (!person) return w.say('people.notIncludedRole', { role: roleLabel.toLocaleLowerCase(w.language) });
  return w.say('people.withRole', { name: person.name, role: roleLabel });
}

export function effectsInWords(w: Words, incident: Incident): string {
  const e = incident.effects;
  const answer = (yes: boolean) => w.say(yes ? 'entries.yes' : 'entries.no');
  const lines = [
    w.say('entries.fear', { answer: answer(e.fearOfViolence) }),
    w.say('entries.distress', { answer: answer(e.alarmOrDistress) }),
    ...e.dailyLifeChanges.map((change) =>
      change === 'other' && e.otherChange
        ? w.say('entries.labelled', { label: w.labels.dailyLife(change), detail: e.otherChange })
        : w.labels.dailyLife(change),
    ),
  ];
  if (!e.dailyLifeChanges.includes('other') && e.otherChange) lines.push(e.otherChange);
  if (e.notes && e.notes.trim() !== '') lines.push(w.say('entries.ownWords', { text: e.notes }));
  return lines.join('\n');
}

export function reportInWords(w: Words, report: Report): string {
  const to = w.labels.reportTarget(report.to);
  const parts = [report.name ? w.say('entries.reportTo', { to, name: report.name }) : to];
  if (report.date) parts.push(w.say('entries.reportOn', { day: w.day(report.date) }));
  if (report.crimeReference) parts.push(w.say('entries.reportReference', { reference: report.crimeReference }));
  if (report.officerName) parts.push(w.say('entries.reportOfficer', { name: report.officerName }));
  return parts.join(', ');
}

/** The log's last column: "Police — ref 123/45, PC Khan". */
export function reportsShort(w: Words, incident: Incident): string {
  return incident.reports
    .map((report) => {
      const who = report.to === 'police' ? w.say('log.police') : (report.name ?? w.labels.reportTarget(report.to));
      const details = [
        report.crimeReference ? w.say('log.reference', { reference: report.crimeReference }) : '',
        report.officerName ?? '',
        report.date ? shortDay(report.date) : '',
      ].filter((d) => d !== '');
      return details.length > 0 ? `${who} — ${details.join(', ')}` : who;
    })
    .join('\n');
}

export function bytesInWords(w: Words, size: number): string {
  if (size < 1024) return w.say('entries.bytes', { count: size });
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

/** A hash in groups of 16 so it can be read aloud and compared. */
export function groupedHex(hex: string): string {
  return hex.replace(/(.{16})(?=.)/g, '$1 ');
}

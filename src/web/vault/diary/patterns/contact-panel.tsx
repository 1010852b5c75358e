// Messages and calls brought in from exports, counted for each person they came from: how many, when the first
// and latest were, how many at night, the busiest day, and how many came after the person was told to stop.
// The counts are the message-import analysis's own (src/domain/message-import/analysis.ts).

import type { Incident, Person } from '../../../../domain/incidents/index.ts';
import { importedRecordsOf, whenBounds } from '../../../../domain/incidents/index.ts';
import type { ContactCounts, DayCount } from '../../../../domain/message-import/analysis.ts';
// analysis.ts, not the index: the index brings every export parser, which these views never need.
import { contactCounts, messagesPerDay, NIGHT } from '../../../../domain/message-import/analysis.ts';
import type { HeadingLevel } from './chart-figure.tsx';
import { Heading } from './chart-figure.tsx';
import { hourName, longDate, plural } from './summaries.ts';

export interface PersonContact {
  readonly person: Person;
  readonly counts: ContactCounts;
  readonly perDay: readonly DayCount[];
}

/** Everyone named on an imported incident, with the counts of their messages and calls; most contact first. */
export function contactByPerson(incidents: readonly Incident[], people: readonly Person[]): PersonContact[] {
  const named = new Set(incidents.flatMap((incident) => (incident.imported ? incident.people.map((link) => link.personId) : [])));
  const out: PersonContact[] = [];
  for (const person of people) {
    if (!named.has(person.id)) continue;
    // Only their own messages: an incident may also hold what others in a group chat sent.
    const senders = [person.name, ...person.aliases];
    const records = importedRecordsOf(incidents, person.id).filter((record) =>
      senders.some((name) => name.toLowerCase() === record.sender.toLowerCase()),
    );
    if (records.length === 0) continue;
    const toldToStopAt = person.toldToStopOn
      ? new Date(whenBounds({ precision: 'day', date: person.toldToStopOn }).end).toISOString()
      : undefined;
    out.push({ person, counts: contactCounts(records, toldToStopAt ? { toldToStopAt } : {}), perDay: messagesPerDay(records) });
  }
  return out.sort((a, b) => b.counts.messages + b.counts.calls - (a.counts.messages + a.counts.calls));
}

const instantDate = (at: string) => longDate(at.slice(0, 10));
const NIGHT_TEXT = `between ${hourName(NIGHT.fromHour)} and ${hourName(NIGHT.toHour)}`;

/** Sentences for one person, for the pattern view and "what the law needs". */
export function contactSentences({ person, counts }: PersonContact): string[] {
  const sentences = [`${plural(counts.messages, 'message')} and ${plural(counts.calls, 'call')} from ${person.name}.`];
  if (counts.first && counts.latest)
    sentences.push(`The first on ${instantDate(counts.first)}, the latest on ${instantDate(counts.latest)}.`);
  if (counts.busiestDay && counts.busiestDay.count > 1)
    sentences.push(
      `The most in one day: ${plural(counts.busiestDay.count, 'message or call', 'messages or calls')}, on ${longDate(counts.busiestDay.date)}.`,
    );
  if (counts.messagesAtNight + counts.callsAtNight > 0)
    sentences.push(`At night (${NIGHT_TEXT}): ${plural(counts.messagesAtNight, 'message')} and ${plural(counts.callsAtNight, 'call')}.`);
  if (person.toldToStopOn && counts.afterToldToStop !== undefined) {
    sentences.push(
      counts.afterToldToStop === 0
        ? `None came after you told them to stop on ${longDate(person.toldToStopOn)}.`
        : `${plural(counts.afterToldToStop, 'message or call', 'messages or calls')} came after you told them to stop on ${longDate(person.toldToStopOn)}${counts.firstAfterToldToStop ? `, the first on ${instantDate(counts.firstAfterToldToStop)}` : ''}.`,
    );
  }
  return sentences;
}

export function ContactPanel({
  incidents,
  people,
  level,
  onPerson,
  intro,
}: {
  incidents: readonly Incident[];
  people: readonly Person[];
  level: HeadingLevel;
  onPerson?: (id: string) => void;
  intro?: string;
}) {
  const contact = contactByPerson(incidents, people);
  if (contact.length === 0) return null;
  return (
    <section class="casebook-contact" aria-labelledby="contact-title" data-contact-panel>
      <Heading level={level} class="govuk-heading-m" id="contact-title">
        Messages and calls brought in
      </Heading>
      {intro ? <p class="govuk-body">{intro}</p> : null}
      {contact.map((entry) => (
        <div key={entry.person.id} class="casebook-contact__person" data-contact-person={entry.person.name}>
          <Heading level={Math.min(4, level + 1) as HeadingLevel} class="govuk-heading-s">
            {entry.person.name}
          </Heading>
          <ul class="govuk-list govuk-list--bullet">
            {contactSentences(entry).map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
          {entry.person.toldToStopOn ? null : (
            <p class="govuk-body-s">
              If you told {entry.person.name} to stop contacting you, add the date on their page in People: the messages after it will be
              counted here.{' '}
              {onPerson ? (
                <button type="button" class="casebook-vault__link-button govuk-body-s" onClick={() => onPerson(entry.person.id)}>
                  Add the date<span class="govuk-visually-hidden"> for {entry.person.name}</span>
                </button>
              ) : null}
            </p>
          )}
          <details class="govuk-details">
            <summary class="govuk-details__summary">
              <span class="govuk-details__summary-text">Messages and calls each day</span>
            </summary>
            <div class="govuk-details__text">
              <table class="govuk-table">
                <caption class="govuk-table__caption govuk-table__caption--s">Messages and calls from {entry.person.name} each day</caption>
                <thead class="govuk-table__head">
                  <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">
                      Day
                    </th>
                    <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                      Messages and calls
                    </th>
                  </tr>
                </thead>
                <tbody class="govuk-table__body">
                  {entry.perDay.slice(-366).map((day) => (
                    <tr key={day.date} class="govuk-table__row">
                      <td class="govuk-table__cell">{longDate(day.date)}</td>
                      <td class="govuk-table__cell govuk-table__cell--numeric">{day.count.toLocaleString('en-GB')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </div>
      ))}
    </section>
  );
}

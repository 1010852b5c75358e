// The messages an imported entry holds, as a table: when, who, how and what, exactly as the export had them, with
// where the time came from when it is weaker than the export's own.
import { useState } from 'preact/hooks';
import type { Imported } from '../../../domain/incidents/index.ts';
import { CHANNEL_LABELS, messageWhat, TIME_SOURCE_NOTES } from '../../../domain/incidents/index.ts';
import { formatDateTime } from '../ui/messages.ts';

const SHOWN = 50;

export function ImportedMessages({ imported, fileName }: { imported: Imported; fileName: string }) {
  const [all, setAll] = useState(false);
  const shown = all ? imported.messages : imported.messages.slice(0, SHOWN);
  return (
    <>
      <h2 class="govuk-heading-m">Messages</h2>
      <p class="govuk-body">Brought in from {fileName}, which is kept with this entry. Each message is exactly as the file has it.</p>
      <table class="govuk-table" data-imported-messages>
        <caption class="govuk-visually-hidden">The messages in this entry</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              When
            </th>
            <th scope="col" class="govuk-table__header">
              From
            </th>
            <th scope="col" class="govuk-table__header">
              What
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {shown.map((message) => (
            <tr key={message.key} class="govuk-table__row">
              <td class="govuk-table__cell">
                {formatDateTime(message.at, { seconds: true })}
                {TIME_SOURCE_NOTES[message.timeSource]}
              </td>
              <td class="govuk-table__cell">
                {message.sender}
                <br />
                <span class="govuk-body-s">{CHANNEL_LABELS[message.channel]}</span>
              </td>
              <td class="govuk-table__cell casebook-diary-prewrap casebook-import__what">{messageWhat(message)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {imported.messages.length > shown.length ? (
        <p class="govuk-body">
          <button type="button" class="casebook-vault__link-button" onClick={() => setAll(true)}>
            Show all {imported.messages.length} messages
          </button>
        </p>
      ) : null}
    </>
  );
}

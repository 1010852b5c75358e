// Imported messages read back out of incidents, in the shape the message-import analysis counts (messages per
// day, calls at night, first and latest contact, contact after being told to stop).
import type { ImportedRecord } from '../message-import/model.ts';
import type { ImportedMessage, Incident } from './schema.ts';

export function importedRecordOf(message: ImportedMessage): ImportedRecord {
  return {
    locator: message.locator,
    channel: message.channel,
    at: message.at,
    timeSource: message.timeSource,
    sender: message.sender,
    direction: message.direction,
    text: message.text,
    ...(message.call ? { call: message.call } : {}),
    attachments: (message.attachments ?? []).map((name) => ({ name })),
    system: false,
  };
}

/** The imported messages of incidents that name `personId` (any role), or of every incident without it. */
export function importedRecordsOf(incidents: Iterable<Incident>, personId?: string): ImportedRecord[] {
  const out: ImportedRecord[] = [];
  for (const incident of incidents) {
    if (!incident.imported) continue;
    if (personId !== undefined && !incident.people.some((link) => link.personId === personId)) continue;
    for (const message of incident.imported.messages) out.push(importedRecordOf(message));
  }
  return out;
}

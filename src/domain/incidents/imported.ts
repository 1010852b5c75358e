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

export const CHANNEL_LABELS: Readonly<Record<ImportedMessage['channel'], string>> = {
  whatsapp: 'WhatsApp',
  sms: 'Text message',
  mms: 'Picture message',
  call: 'Phone call',
  email: 'Email',
  instagram: 'Instagram',
  facebook: 'Facebook',
  screenshot: 'Screenshot or photo',
  'web-page': 'Web page',
};

/** Said after a time that is weaker than the export's own. */
export const TIME_SOURCE_NOTES: Readonly<Record<ImportedMessage['timeSource'], string>> = {
  export: '',
  metadata: ' (from the file’s own data)',
  'file-modified': ' (only the date the file was last changed on the device)',
};

/** What a message says, for a table: the call, the subject, the text, the address and the files it names. */
export function messageWhat(message: ImportedMessage): string {
  if (message.call) {
    const kind = `${message.call.kind[0]!.toUpperCase()}${message.call.kind.slice(1)}`;
    const minutes = Math.round(message.call.durationSeconds / 60);
    return `${kind} call${message.call.durationSeconds > 0 ? `, ${minutes < 1 ? 'under a minute' : `${minutes} min`}` : ''}`;
  }
  const parts = [
    message.subject ? `Subject: ${message.subject}` : '',
    message.text,
    message.url ? `Address: ${message.url}` : '',
    ...(message.attachments ?? []).map((name) => `File: ${name}`),
  ];
  const said = parts.filter(Boolean).join('\n');
  if (said) return said;
  if (message.marker === 'deleted') return 'This message was deleted';
  if (message.marker === 'media-omitted') return 'Media left out of the export';
  return '';
}

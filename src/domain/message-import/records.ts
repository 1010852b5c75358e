// Small helpers every format's parser shares.
import type { ImportedRecord, Participant } from './model.ts';

/** Everyone who sent something, most messages first (ties by name, so the order is the same every time). */
export function participantsOf(records: readonly ImportedRecord[]): Participant[] {
  const counts = new Map<string, number>();
  for (const record of records) if (!record.system && record.sender !== '') counts.set(record.sender, (counts.get(record.sender) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  mp4: 'video/mp4',
  '3gp': 'video/3gpp',
  mov: 'video/quicktime',
  opus: 'audio/ogg',
  ogg: 'audio/ogg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  mp3: 'audio/mpeg',
  pdf: 'application/pdf',
  vcf: 'text/vcard',
  txt: 'text/plain',
};

/** A media type from a file name's extension, or undefined when we do not know it. */
export function typeOfName(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : TYPES[name.slice(dot + 1).toLowerCase()];
}

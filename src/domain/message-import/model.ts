// The one shape every export format is read into. Parsers (one module per format, beside this file) are pure:
// bytes in, records out, no I/O; the diary's import flow (src/web/vault/import/) only ever sees this shape.
// A record keeps enough to find it again in the original file (`locator`), so the evidence pack verifier can
// re-read the original export and show that the text in the diary came from it unchanged.

export const IMPORT_FORMATS = ['whatsapp', 'sms-backup', 'email', 'instagram', 'facebook', 'image', 'web-page'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const CHANNELS = ['whatsapp', 'sms', 'mms', 'call', 'email', 'instagram', 'facebook', 'screenshot', 'web-page'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Where a time came from, strongest first: written in the export, in the file's own metadata, or only the file's date on the device. */
export type TimeSource = 'export' | 'metadata' | 'file-modified';

export type CallKind = 'incoming' | 'outgoing' | 'missed' | 'rejected' | 'blocked' | 'voicemail';

export interface NamedAttachment {
  /** As named in the export (e.g. 'IMG-20260301-WA0001.jpg'). */
  name: string;
  /** Set when the export carries the file itself (a WhatsApp .zip, an MMS part, an email attachment). */
  bytes?: Uint8Array;
  type?: string;
}

export interface ImportedRecord {
  /** Stable place in the original file, the same every time the same bytes are parsed: 'line:120-123', 'sms:45', 'mbox:3', 'json:messages[12]'. */
  locator: string;
  channel: Channel;
  /** An instant with its offset ('2026-03-01T18:30:00Z' or '…+01:00'), as the incidents schema's instantSchema accepts. */
  at: string;
  timeSource: TimeSource;
  /** The sender as the export names them (a contact name, number or address). */
  sender: string;
  direction: 'incoming' | 'outgoing' | 'unknown';
  /** The message text exactly as in the export (after the format's own decoding, e.g. Facebook's mojibake repaired). */
  text: string;
  call?: { kind: CallKind; durationSeconds: number };
  attachments: NamedAttachment[];
  /** A line the app wrote, not a person ('Messages are end-to-end encrypted', 'X changed the group name'). */
  system: boolean;
  /** What the app put in place of the content: a deleted message, media left out of the export, an edited message. */
  marker?: 'deleted' | 'media-omitted' | 'edited';
  /** Email: the Subject header; MMS: its subject; saved web page: its title. */
  subject?: string;
  /** Email: the To and Cc addresses; sent SMS and MMS, and calls made: who to (and the others in a group MMS). */
  recipients?: string[];
  /** Web page: the address it was saved from. Facebook/Instagram: the link shared in the message. */
  url?: string;
}

export interface Participant {
  name: string;
  count: number;
}

export interface ParsedExport {
  format: ImportFormat;
  records: ImportedRecord[];
  /** Everyone who sent something, most messages first. */
  participants: Participant[];
  /** Things the person should know that did not stop the import ('3 lines could not be read and were skipped'). */
  warnings: string[];
  /** Location metadata found in a photo or screenshot: shown to the person, who may drop it. */
  location?: { latitude: number; longitude: number };
}

export type ImportProblem =
  | 'not-this-format'
  | 'unknown-format'
  | 'truncated'
  | 'wrong-encoding'
  | 'too-large'
  | 'too-deep'
  | 'hostile'
  | 'empty';

/** A file that cannot be imported: `message` names the problem in plain words for the person. */
export class ImportError extends Error {
  readonly problem: ImportProblem;
  constructor(problem: ImportProblem, message: string) {
    super(message);
    this.name = 'ImportError';
    this.problem = problem;
  }
}

export interface ImportInput {
  name: string;
  bytes: Uint8Array;
  /** File.lastModified, the weakest time, used only when the file has no time of its own. */
  lastModified: number;
  /** File.type as the browser reports it; may be empty or wrong. */
  type?: string;
}

/** Thrown when the ParseProgress callback returns false: the person cancelled, nothing is wrong with the file. */
export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled.');
    this.name = 'ImportCancelled';
  }
}

/** Progress for long files: called now and then with the share of bytes read; returning false cancels. */
export type ParseProgress = (fraction: number) => boolean | void;

// Zod schemas for the plain data the browser encrypts: incidents, people and places. Parsing never changes
// the data (no trimming or defaults), because the vault commits to the exact bytes the person saved.
// A namespace import lets esbuild keep only the parts used: `import { z }` pulled all of zod (every locale)
// into the vault's bundle, 55 KB compressed more.
import * as z from 'zod';
import { CHANNELS, IMPORT_FORMATS } from '../message-import/model.ts';
import { BEHAVIOUR_IDS } from './behaviours.ts';
import { isRealIsoDate, utcYearOfInstant } from './iso-calendar.ts';
import { DAILY_LIFE_CHANGES, LIMITS, METHOD_KINDS, PERSON_ROLES, REPORT_TARGETS } from './vocabulary.ts';
import { boundOf } from './when.ts';

export const SCHEMA_VERSION = 1;

// Control characters other than tab and line breaks only arrive by accident or on purpose (T7).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAK = /[\r\n]/;
const ID = /^[A-Za-z0-9_-]+$/;

const characters = (max: number) => `must be ${max.toLocaleString('en-GB')} characters or fewer`;

/** Text that may run over several lines and may be empty. */
const text = (max: number) =>
  z
    .string({ error: 'must be text' })
    .max(max, { error: characters(max) })
    .refine((value) => !CONTROL.test(value), { error: 'contains characters that cannot be shown' });

/** One line of text. */
const line = (max: number) => text(max).refine((value) => !LINE_BREAK.test(value), { error: 'must be on one line' });

const filledLine = (max: number) => line(max).refine((value) => value.trim() !== '', { error: 'must not be empty' });

export const idSchema = z
  .string({ error: 'must be an id' })
  .min(1, { error: 'must not be empty' })
  .max(LIMITS.idLength, { error: characters(LIMITS.idLength) })
  .regex(ID, { error: 'must use only letters, digits, - and _' });

const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

/** A calendar date in Europe/London, 'YYYY-MM-DD'. */
export const isoDateSchema = z
  .string({ error: 'must be a date' })
  // abort: the checks after this one read the parts of a date, so there is nothing to say if it is not shaped like one.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date like 2026-03-03', abort: true })
  .refine(isRealIsoDate, { error: 'must be a real date' })
  .refine((value) => inYears(Number(value.slice(0, 4))), { error: `must be between ${FIRST_YEAR} and ${LAST_YEAR}` });

/** An instant with its offset, e.g. '2026-03-03T18:30:00+00:00' or '…Z'. A time without an offset is ambiguous. */
export const instantSchema = z
  .string({ error: 'must be a date and time' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/, {
    error: 'must be a date and time with its offset, like 2026-03-03T18:30:00Z',
    abort: true,
  })
  .refine((value) => utcYearOfInstant(value) !== undefined, { error: 'must be a real date and time' })
  .refine((value) => inYears(utcYearOfInstant(value) ?? Number.NaN), {
    error: `must be between ${FIRST_YEAR} and ${LAST_YEAR}`,
  });

function inYears(year: number): boolean {
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

const dateOrInstant = z.union([isoDateSchema, instantSchema], { error: 'must be a date, or a date and time' });

export const whenSchema = z.discriminatedUnion(
  'precision',
  [
    z.strictObject({ precision: z.literal('exact'), at: instantSchema }),
    // An approximate day: the date is known, the time is not (or only roughly).
    z.strictObject({ precision: z.literal('day'), date: isoDateSchema }),
    // Either end may be a date (the whole day) or an instant.
    z
      .strictObject({ precision: z.literal('range'), from: dateOrInstant, to: dateOrInstant })
      .refine((range) => boundOf(range.from, false) < boundOf(range.to, true), {
        error: 'the end must come after the start',
        path: ['to'],
      }),
  ],
  { error: 'must say whether the time is exact, a day, or a range' },
);

function uniqueBy<T>(key: (item: T) => string, what: string) {
  return (items: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [index], message: `lists the same ${what} twice` });
      seen.add(k);
    });
  };
}

// Every method kind except the two that carry a detail.
const PLAIN_METHOD_KINDS = ['in-person', 'phone-call', 'text-message', 'email', 'letter', 'through-other-people', 'tracking'] as const;

const countMessage = (max: number, what: string) => ({ error: `can list at most ${max} ${what}` });

export const methodSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('social-media'), platform: filledLine(LIMITS.shortText) }),
    z.strictObject({ kind: z.literal('other'), detail: line(LIMITS.shortText).optional() }),
    z.strictObject({ kind: z.enum(PLAIN_METHOD_KINDS) }),
  ],
  { error: `must be one of: ${METHOD_KINDS.join(', ')}` },
);

export const personLinkSchema = z.strictObject({
  personId: idSchema,
  role: z.enum(PERSON_ROLES, { error: `must be one of: ${PERSON_ROLES.join(', ')}` }),
});

export const effectsSchema = z.strictObject({
  /** Fear that violence would be used against you (ss.4 and 4A count the occasions). */
  fearOfViolence: z.boolean({ error: 'must be yes or no' }),
  alarmOrDistress: z.boolean({ error: 'must be yes or no' }),
  dailyLifeChanges: z
    .array(z.enum(DAILY_LIFE_CHANGES, { error: 'is not a change on the list' }), { error: 'must be a list' })
    .max(DAILY_LIFE_CHANGES.length, countMessage(DAILY_LIFE_CHANGES.length, 'changes'))
    .superRefine(uniqueBy((change) => change, 'change')),
  otherChange: line(LIMITS.mediumText).optional(),
  /** How it made you feel, in your own words. */
  notes: text(LIMITS.longText).optional(),
});

export const reportSchema = z.strictObject({
  to: z.enum(REPORT_TARGETS, { error: `must be one of: ${REPORT_TARGETS.join(', ')}` }),
  /** The platform, employer or other body, e.g. "Instagram". */
  name: line(LIMITS.shortText).optional(),
  crimeReference: filledLine(LIMITS.crimeReference).optional(),
  officerName: filledLine(LIMITS.shortText).optional(),
  date: isoDateSchema.optional(),
});

const SHA256 = z.string({ error: 'must be a SHA-256' }).regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lower-case hex digits' });

// A MIME type as browsers report File.type, e.g. 'image/jpeg' or 'text/plain;charset=utf-8'.
const MIME_TYPE =
  /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(\s*;\s*[A-Za-z0-9!#$&^_.+-]+=[A-Za-z0-9!#$&^_.+"-]+)*$/;

/**
 * A file attached to an incident. The SHA-256 of the original file's bytes (lower-case hex, computed on the
 * device before upload) puts the file's exact contents under the entry's commitment and so under its receipt's
 * time; name, type and size are copied in so lists need no extra requests.
 */
export const attachmentSchema = z.strictObject({
  id: idSchema,
  name: filledLine(LIMITS.fileName),
  type: z
    .string({ error: 'must be a file type' })
    .max(LIMITS.fileType, { error: characters(LIMITS.fileType) })
    .regex(MIME_TYPE, { error: 'must be a file type like image/jpeg' }),
  size: z
    .number({ error: 'must be a number of bytes' })
    .int({ error: 'must be a whole number of bytes' })
    .min(0, { error: 'must not be negative' })
    .max(LIMITS.fileBytes, { error: 'is larger than the vault stores' }),
  sha256: SHA256,
});

const CALL_KINDS = ['incoming', 'outgoing', 'missed', 'rejected', 'blocked', 'voicemail'] as const;

/**
 * One message, call or email brought in from an export, exactly as the export holds it. The text is not held to
 * the diary's "no control characters" rule: it must stay byte for byte what the original file says, so the
 * evidence pack can show it came from there unchanged (the screens only ever show it as text).
 */
export const importedMessageSchema = z.strictObject({
  /** Where it is in the original file ('line:120-123', 'sms:45'), as the format's parser names it. */
  locator: filledLine(LIMITS.importLocator),
  channel: z.enum(CHANNELS, { error: `must be one of: ${CHANNELS.join(', ')}` }),
  sender: line(LIMITS.importSender),
  at: instantSchema,
  timeSource: z.enum(['export', 'metadata', 'file-modified'], { error: 'must be export, metadata or file-modified' }),
  direction: z.enum(['incoming', 'outgoing', 'unknown'], { error: 'must be incoming, outgoing or unknown' }),
  text: z.string({ error: 'must be text' }).max(LIMITS.importText, { error: characters(LIMITS.importText) }),
  call: z
    .strictObject({
      kind: z.enum(CALL_KINDS, { error: `must be one of: ${CALL_KINDS.join(', ')}` }),
      durationSeconds: z
        .number({ error: 'must be a number' })
        .int({ error: 'must be whole seconds' })
        .min(0, { error: 'must not be negative' })
        .max(10_000_000, { error: 'is too long' }),
    })
    .optional(),
  /** What the app put in place of the content (a deleted message, media left out of the export, an edit). */
  marker: z.enum(['deleted', 'media-omitted', 'edited'], { error: 'must be deleted, media-omitted or edited' }).optional(),
  /** An email's Subject header, exactly as the export holds it. */
  subject: z
    .string({ error: 'must be text' })
    .max(LIMITS.mediumText * 2, { error: characters(LIMITS.mediumText * 2) })
    .optional(),
  /** A saved web page's address, or a link shared in the message. */
  url: line(LIMITS.importUrl).optional(),
  /** Files the message names (as the export names them); the files themselves stay in the original export. */
  attachments: z
    .array(line(LIMITS.fileName), { error: 'must be a list' })
    .max(LIMITS.importAttachmentNames, countMessage(LIMITS.importAttachmentNames, 'file names'))
    .optional(),
  /** The same message read from the same (or another copy of the) export gets the same key: a second import leaves it out. */
  key: filledLine(LIMITS.importKey),
});

/**
 * What an incident brought in from an export holds: the export it came from (an attachment of the same incident,
 * named by SHA-256, so the receipt dates the original file too) and the messages it groups.
 */
export const importedSchema = z.strictObject({
  source: z.strictObject({
    attachmentId: idSchema,
    sha256: SHA256,
    format: z.enum(IMPORT_FORMATS, { error: `must be one of: ${IMPORT_FORMATS.join(', ')}` }),
  }),
  messages: z
    .array(importedMessageSchema, { error: 'must be a list' })
    .min(1, { error: 'must hold at least one message' })
    .max(LIMITS.importMessages, countMessage(LIMITS.importMessages, 'messages')),
});

/** Which kind of record an item holds, so the vault can keep incidents, people, places and notes together. */
export const DIARY_KINDS = ['incident', 'person', 'place'] as const;
export type DiaryKind = (typeof DIARY_KINDS)[number];

export const incidentSchema = z
  .strictObject({
    kind: z.literal('incident', { error: 'must be incident' }),
    schemaVersion: z.literal(SCHEMA_VERSION, { error: `must be ${SCHEMA_VERSION}` }),
    id: idSchema,
    when: whenSchema,
    where: line(LIMITS.where),
    placeId: idSchema.optional(),
    whatHappened: text(LIMITS.whatHappened).refine((value) => value.trim() !== '', { error: 'must not be empty' }),
    behaviours: z
      .array(z.enum(BEHAVIOUR_IDS, { error: 'is not a behaviour on the checklist' }), { error: 'must be a list' })
      .max(LIMITS.behaviours, countMessage(LIMITS.behaviours, 'behaviours'))
      .superRefine(uniqueBy((id) => id, 'behaviour')),
    methods: z
      .array(methodSchema, { error: 'must be a list' })
      .max(LIMITS.methods, countMessage(LIMITS.methods, 'ways'))
      .superRefine(uniqueBy((method) => `${method.kind}:${'platform' in method ? method.platform.toLowerCase() : ''}`, 'way')),
    people: z
      .array(personLinkSchema, { error: 'must be a list' })
      .max(LIMITS.people, countMessage(LIMITS.people, 'people'))
      .superRefine(uniqueBy((link) => `${link.personId}:${link.role}`, 'person in the same role')),
    effects: effectsSchema,
    reports: z.array(reportSchema, { error: 'must be a list' }).max(LIMITS.reports, countMessage(LIMITS.reports, 'reports')),
    attachments: z
      .array(attachmentSchema, { error: 'must be a list' })
      .max(LIMITS.attachments, countMessage(LIMITS.attachments, 'attachments'))
      .superRefine(uniqueBy((attachment) => attachment.id, 'attachment')),
    /** A quick note: what happened and when, to be completed later. */
    quickNote: z.boolean({ error: 'must be yes or no' }),
    /** Set when the incident was brought in from a message export (src/web/vault/import). */
    imported: importedSchema.optional(),
  })
  .superRefine((incident, ctx) => {
    const source = incident.imported?.source;
    if (source && !incident.attachments.some((a) => a.id === source.attachmentId && a.sha256 === source.sha256)) {
      ctx.addIssue({ code: 'custom', path: ['imported', 'source'], message: 'must name one of the attached files, with its SHA-256' });
    }
  });

export const personSchema = z.strictObject({
  kind: z.literal('person', { error: 'must be person' }),
  schemaVersion: z.literal(SCHEMA_VERSION, { error: `must be ${SCHEMA_VERSION}` }),
  id: idSchema,
  name: filledLine(LIMITS.shortText),
  /** The role they usually have; each incident says the role they had that time. */
  role: z.enum(PERSON_ROLES, { error: `must be one of: ${PERSON_ROLES.join(', ')}` }),
  /** How you know them, e.g. "ex-partner", "neighbour". */
  relationship: line(LIMITS.shortText).optional(),
  /** Other names, usernames and accounts they use; searched like the name. */
  aliases: z
    .array(filledLine(LIMITS.shortText), { error: 'must be a list' })
    .max(LIMITS.aliases, countMessage(LIMITS.aliases, 'other names')),
  /** What they look like, their car, or an officer's collar number. */
  description: text(LIMITS.longText).optional(),
  /** How to reach a witness or officer. */
  contact: line(LIMITS.mediumText).optional(),
  /** The day the person told them to stop contacting them: contact after it helps show they knew it was unwanted (PHA 1997 s.1(1)(b) and s.1(2)). */
  toldToStopOn: isoDateSchema.optional(),
});

export const placeSchema = z.strictObject({
  kind: z.literal('place', { error: 'must be place' }),
  schemaVersion: z.literal(SCHEMA_VERSION, { error: `must be ${SCHEMA_VERSION}` }),
  id: idSchema,
  name: filledLine(LIMITS.shortText),
  address: text(LIMITS.mediumText).optional(),
  notes: text(LIMITS.longText).optional(),
});

export type IncidentWhen = z.infer<typeof whenSchema>;
export type MethodUse = z.infer<typeof methodSchema>;
export type PersonLink = z.infer<typeof personLinkSchema>;
export type Effects = z.infer<typeof effectsSchema>;
export type Report = z.infer<typeof reportSchema>;
export type Attachment = z.infer<typeof attachmentSchema>;
export type Incident = z.infer<typeof incidentSchema>;
export type ImportedMessage = z.infer<typeof importedMessageSchema>;
export type Imported = z.infer<typeof importedSchema>;
export type Person = z.infer<typeof personSchema>;
export type Place = z.infer<typeof placeSchema>;

/** The diary kind an item's decrypted content claims to be, before it is parsed; undefined for notes and the rest. */
export function diaryKindOf(content: unknown): DiaryKind | undefined {
  if (typeof content !== 'object' || content === null) return undefined;
  const kind = (content as { kind?: unknown }).kind;
  return (DIARY_KINDS as readonly unknown[]).includes(kind) ? (kind as DiaryKind) : undefined;
}

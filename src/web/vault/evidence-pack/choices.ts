// What the person chose on the pack screen, checked and turned into the entries, files and linked records the
// pack will hold. Pure, so the rules are tested without a browser; the screen only renders them.
import type { PackLanguage } from '../../../crypto/evidence-pack/index.ts';
import { isoDateSchema } from '../../../domain/incidents/index.ts';
import type { CandidateFile, Candidates, LinkedRecord, PackCandidate } from './candidates.ts';
import { inDateRange, isImage } from './candidates.ts';

export interface DateFields {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

/** all: every file; images: photos and screenshots only; none; some: the person ticks them one by one. */
export type FileChoice = 'all' | 'images' | 'none' | 'some';

export interface PackChoices {
  readonly from: DateFields;
  readonly to: DateFields;
  /** Entries the person unticked; every other entry in the dates is in (so the default is all). */
  readonly excluded: ReadonlySet<string>;
  readonly files: FileChoice;
  /** With 'some': the files the person unticked. */
  readonly excludedFiles: ReadonlySet<string>;
  /** For the cover, e.g. "Sam Taylor"; may be empty. */
  readonly name: string;
  /** The language of the pack's words (README.txt): the diary's own by default (screen.tsx). */
  readonly language: PackLanguage;
}

export const NO_DATE: DateFields = { day: '', month: '', year: '' };

export const DEFAULT_CHOICES: PackChoices = {
  from: NO_DATE,
  to: NO_DATE,
  excluded: new Set(),
  files: 'all',
  excludedFiles: new Set(),
  name: '',
  language: 'en',
};

export const MAX_NAME_LENGTH = 80;

export interface ChoiceError {
  /** The field's id, with #, for the error summary's link. */
  readonly href: string;
  readonly text: string;
}

type DateResult = { readonly ok: true; readonly date: string | undefined } | { readonly ok: false; readonly error: ChoiceError };

/** Empty fields mean an open end; otherwise day, month and year must make a real date. */
export function readDate(fields: DateFields, id: string, label: string): DateResult {
  const day = fields.day.trim();
  const month = fields.month.trim();
  const year = fields.year.trim();
  if (day === '' && month === '' && year === '') return { ok: true, date: undefined };
  const fail = (part: 'day' | 'month' | 'year', text: string): DateResult => ({ ok: false, error: { href: `#${id}-${part}`, text } });
  if (day === '') return fail('day', `${label} must include a day`);
  if (month === '') return fail('month', `${label} must include a month`);
  if (year === '') return fail('year', `${label} must include a year`);
  if (!/^\d{1,2}$/.test(day)) return fail('day', `${label}: the day must be a number, like 3`);
  if (!/^\d{1,2}$/.test(month)) return fail('month', `${label}: the month must be a number, like 11`);
  if (!/^\d{4}$/.test(year)) return fail('year', `${label}: the year must have 4 numbers, like 2026`);
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!isoDateSchema.safeParse(date).success) return fail('day', `${label} must be a real date`);
  return { ok: true, date };
}

export interface Selection {
  /** Oldest first. */
  readonly entries: readonly PackCandidate[];
  /** Each file once, in the order the entries name them. */
  readonly files: readonly CandidateFile[];
  /** The people and places the chosen entries name, for the names in the PDF. */
  readonly linked: readonly LinkedRecord[];
  readonly from: string | undefined;
  readonly to: string | undefined;
}

/** The entries within the chosen dates (before any are unticked), for the list on the screen. */
export function entriesInRange(candidates: Candidates, choices: PackChoices): readonly PackCandidate[] {
  const from = readDate(choices.from, 'pack-from', 'From');
  const to = readDate(choices.to, 'pack-to', 'To');
  return inDateRange(candidates.entries, from.ok ? from.date : undefined, to.ok ? to.date : undefined);
}

/** Every file the chosen entries name, once each. */
export function filesOf(entries: readonly PackCandidate[]): CandidateFile[] {
  const seen = new Map<string, CandidateFile>();
  for (const entry of entries) for (const file of entry.files) if (!seen.has(file.id)) seen.set(file.id, file);
  return [...seen.values()];
}

export function chosenFiles(files: readonly CandidateFile[], choices: PackChoices): CandidateFile[] {
  switch (choices.files) {
    case 'all':
      return [...files];
    case 'images':
      return files.filter(isImage);
    case 'none':
      return [];
    case 'some':
      return files.filter((file) => !choices.excludedFiles.has(file.id));
  }
}

export function resolveChoices(candidates: Candidates, choices: PackChoices): { errors: ChoiceError[]; selection?: Selection } {
  const errors: ChoiceError[] = [];
  const from = readDate(choices.from, 'pack-from', 'From');
  const to = readDate(choices.to, 'pack-to', 'To');
  if (!from.ok) errors.push(from.error);
  if (!to.ok) errors.push(to.error);
  if (from.ok && to.ok && from.date && to.date && to.date < from.date) {
    errors.push({ href: '#pack-to-day', text: 'To must be the same as or after From' });
  }
  const name = choices.name.trim();
  if (name.length > MAX_NAME_LENGTH) errors.push({ href: '#pack-name', text: `Your name must be ${MAX_NAME_LENGTH} characters or fewer` });
  else if (/[\u0000-\u001f\u007f]/.test(choices.name))
    errors.push({ href: '#pack-name', text: 'Your name must be on one line, without special characters' });
  if (errors.length > 0) return { errors };

  const fromDate = from.ok ? from.date : undefined;
  const toDate = to.ok ? to.date : undefined;
  const inRange = inDateRange(candidates.entries, fromDate, toDate);
  if (inRange.length === 0) {
    const none =
      candidates.entries.length === 0
        ? 'There is nothing in your record to put in a pack yet'
        : 'Nothing in your record falls between these dates. Change the dates, or leave them empty for everything';
    return { errors: [{ href: candidates.entries.length === 0 ? '#pack-entries' : '#pack-from-day', text: none }] };
  }
  const entries = inRange.filter((entry) => !choices.excluded.has(entry.id));
  if (entries.length === 0) return { errors: [{ href: '#pack-entries', text: 'Choose at least one entry to put in the pack' }] };

  const linkedIds = new Set(entries.flatMap((entry) => entry.linked));
  const linked = [...linkedIds].flatMap((id) => {
    const record = candidates.linked.get(id);
    return record ? [record] : [];
  });
  return { errors: [], selection: { entries, files: chosenFiles(filesOf(entries), choices), linked, from: fromDate, to: toDate } };
}

const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });

/**
 * The pack's title (in pack.json, README.txt and on the PDF cover): who kept the record, if they said, and the
 * period it covers — the dates chosen, or else those of the first and last entry.
 */
export function packTitle(selection: Selection, name: string): string {
  const first = selection.from ? whenDay(selection.from) : DAY.format(selection.entries[0]!.start);
  const last = selection.to ? whenDay(selection.to) : DAY.format(Math.max(...selection.entries.map((e) => e.end - 1)));
  const period = first === last ? `on ${first}` : `from ${first} to ${last}`;
  const who = name.trim();
  return who ? `Record kept by ${who}, ${period}` : `Record of incidents ${period}`;
}

function whenDay(isoDate: string): string {
  // Noon UTC is the same calendar day in London whatever the season.
  return DAY.format(Date.parse(`${isoDate}T12:00:00Z`));
}

/** Neutral file names, dated by the device's London date: casebook-pack-2026-11-23.zip and .pdf. */
export function packFileNames(now: number): { zip: string; pdf: string } {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );
  return { zip: `casebook-pack-${date}.zip`, pdf: `casebook-pack-${date}.pdf` };
}

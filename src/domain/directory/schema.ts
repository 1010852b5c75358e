import { z } from 'zod';
import { isHttpsUrl, isUkPhoneNumber, isUkTextNumber, phoneDigits, RETIRED_NUMBERS } from './contact-values.ts';
import { COUNTY_NAMES } from './counties.ts';
import { isoDateSchema, openingHoursSchema } from './hours-schema.ts';
import { POLICE_FORCES, UK_NATIONS } from './police-forces.ts';
import { CONTACT_KINDS, NEEDS, SERVES } from './vocabulary.ts';

// FACTS.md confirms no email address for any service. An email address may be listed only once it is
// added there and here, because a wrong address sends a victim's words to a stranger.
const CONFIRMED_EMAILS: Readonly<Record<string, readonly string[]>> = {};

// Threat model T2: the stalker may read the victim's email. Casebook offers its own secure messages to
// the helpline instead, so the helpline's email address is never listed even once confirmed.
const NEVER_LIST_EMAIL: Readonly<Record<string, string>> = {
  'national-stalking-helpline': 'the National Stalking Helpline must not list an email address: Casebook offers secure messages instead',
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MARKUP = /[<>*_#`[\]{}|\\]/;
const SENTENCE_BREAK = /(?<=[.!?])\s+/;

const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be ${max} characters or fewer` })
    .refine((text) => !MARKUP.test(text), { message: 'must be plain text, without markup characters such as < > * _ # [ ]' });

function uniqueList<T extends string>(item: z.ZodType<T>, what: string) {
  return z
    .array(item)
    .min(1, { message: `must list at least one ${what}` })
    .superRefine((values, ctx) => {
      values.forEach((value, index) => {
        if (values.indexOf(value) !== index) ctx.addIssue({ code: 'custom', path: [index], message: `lists "${value}" twice` });
      });
    });
}

const httpsUrl = z.string().max(300).refine(isHttpsUrl, { message: 'must be a full https:// web address' });

const summarySchema = plainText(160).refine((text) => /[.!?]$/.test(text) && text.split(SENTENCE_BREAK).length === 1, {
  message: 'must be one sentence, ending with a full stop',
});

const descriptionSchema = plainText(800).superRefine((text, ctx) => {
  const sentences = text.split(SENTENCE_BREAK);
  if (sentences.length < 2 || sentences.length > 4 || !/[.!?]$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: `must be 2 to 4 sentences ending with a full stop (found ${sentences.length})` });
  }
  for (const sentence of sentences) {
    if (sentence.length > 220)
      ctx.addIssue({ code: 'custom', message: `has a sentence over 220 characters: "${sentence.slice(0, 40)}..."` });
  }
});

export const contactSchema = z
  .strictObject({
    kind: z.enum(CONTACT_KINDS),
    value: z.string().trim().min(1, { message: 'must not be empty' }).max(300),
    label: plainText(120).optional(),
    free: z.boolean().optional(),
    hours: openingHoursSchema.optional(),
  })
  .superRefine((contact, ctx) => {
    const problem = valueProblem(contact.kind, contact.value);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });

function valueProblem(kind: (typeof CONTACT_KINDS)[number], value: string): string | undefined {
  switch (kind) {
    case 'phone':
    case 'textphone': {
      const retired = RETIRED_NUMBERS[phoneDigits(value)];
      if (retired !== undefined) return `${value} is ${retired}`;
      return isUkPhoneNumber(value) ? undefined : 'not a UK phone number (write digits in groups with single spaces, e.g. 0808 802 0300)';
    }
    case 'text':
      return isUkTextNumber(value) ? undefined : 'not a UK number that takes text messages (digits and single spaces only)';
    case 'email':
      return z.email().safeParse(value).success ? undefined : 'not an email address';
    case 'website':
    case 'web-chat':
      return isHttpsUrl(value) ? undefined : 'must be a full https:// web address';
    case 'app':
      return value.length <= 80 && !/[/:@]/.test(value) ? undefined : "must be the app's name as shown in app stores";
    case 'in-person':
      return value.length <= 200 ? undefined : 'must be 200 characters or fewer';
  }
}

export const areaSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('uk') }),
  z.strictObject({ kind: z.literal('nations'), nations: uniqueList(z.enum(UK_NATIONS), 'nation') }),
  z.strictObject({ kind: z.literal('police-force-areas'), forces: uniqueList(z.enum(POLICE_FORCES), 'police force') }),
  z.strictObject({
    kind: z.literal('counties'),
    counties: uniqueList(z.enum(COUNTY_NAMES), 'county'),
  }),
]);

export const sourceSchema = z.strictObject({ title: plainText(200), url: httpsUrl });

export const serviceEntrySchema = z
  .strictObject({
    id: z.string().max(60).regex(SLUG, { message: 'must be a slug of lower-case letters, digits and hyphens' }),
    name: plainText(100),
    summary: summarySchema,
    description: descriptionSchema,
    serves: uniqueList(z.enum(SERVES), 'group of people'),
    needs: uniqueList(z.enum(NEEDS), 'need'),
    contact: z.array(contactSchema).min(1, { message: 'must list at least one way to get in touch' }),
    hours: openingHoursSchema.optional(),
    area: areaSchema,
    sources: z.array(sourceSchema).min(1, { message: 'must cite at least one source' }),
    lastChecked: isoDateSchema,
    notes: plainText(600).optional(),
  })
  .superRefine((entry, ctx) => {
    entry.contact.forEach((contact, index) => {
      if (contact.kind !== 'email') return;
      const forbidden = NEVER_LIST_EMAIL[entry.id];
      const confirmed = CONFIRMED_EMAILS[entry.id] ?? [];
      if (forbidden !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['contact', index, 'value'], message: forbidden });
      } else if (!confirmed.includes(contact.value)) {
        ctx.addIssue({
          code: 'custom',
          path: ['contact', index, 'value'],
          message: 'no email address is confirmed in FACTS.md for this service',
        });
      }
    });
  });

export type ServiceEntry = z.infer<typeof serviceEntrySchema>;
export type ServiceContact = z.infer<typeof contactSchema>;
export type ServiceArea = z.infer<typeof areaSchema>;
export type ServiceSource = z.infer<typeof sourceSchema>;

export interface EntryIssue {
  /** Dotted field path, e.g. "contact.0.value"; empty for the entry as a whole. */
  path: string;
  message: string;
}

export class ServiceEntryError extends Error {
  readonly fileName: string;
  readonly issues: readonly EntryIssue[];

  constructor(fileName: string, issues: readonly EntryIssue[]) {
    super(issues.map((issue) => `${fileName}: ${issue.path === '' ? '(entry)' : issue.path}: ${issue.message}`).join('\n'));
    this.name = 'ServiceEntryError';
    this.fileName = fileName;
    this.issues = issues;
  }
}

/** The id a file must carry: its name without the folder and the .yaml or .yml extension. */
export function idForFileName(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  return base.replace(/\.ya?ml$/, '');
}

/** Validates one parsed YAML document; throws ServiceEntryError naming the file and each bad field. */
export function parseServiceEntry(raw: unknown, fileName: string): ServiceEntry {
  const result = serviceEntrySchema.safeParse(raw, {
    error: (issue) => (issue.input === undefined ? 'is required' : undefined),
  });
  const issues: EntryIssue[] = result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

  const expectedId = idForFileName(fileName);
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? raw.id : undefined;
  if (typeof id === 'string' && id !== expectedId) {
    issues.push({ path: 'id', message: `must equal the file name "${expectedId}" (found "${id}")` });
  }
  if (!result.success || issues.length > 0) throw new ServiceEntryError(fileName, issues);
  return result.data;
}

import { instantOfLondonWallClock } from '../opening-hours/london-time.ts';
import { isCalendarDate } from './filters.ts';
import {
  AUDIENCES,
  type Audience,
  type Format,
  isAudience,
  isFormat,
  isRegion,
  isTopic,
  LIMITS,
  type Region,
  type Topic,
} from './model.ts';

/** An event as staff describe it (the workspace form), checked. */
export interface EventDraft {
  title: string;
  summary: string;
  audiences: Audience[];
  topic: Topic;
  format: Format;
  region: Region | null;
  venue: string;
  joiningUrl: string;
  date: string;
  startTime: string;
  endTime: string;
  startsAt: number;
  endsAt: number;
  agenda: string;
  speakers: string;
  /** Tenths of an hour, so 1.5 hours is 15. */
  cpdTenths: number;
  /** 0 for free; otherwise the fee in pence, paid by invoice. */
  pricePence: number;
  capacity: number;
  accessibility: string;
  materials: string;
}

export interface FormError {
  field: string;
  text: string;
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const minutesOf = (t: string) => {
  const m = TIME.exec(t)!;
  return Number(m[1]) * 60 + Number(m[2]);
};

export const isWebUrl = (v: string) => {
  if (v.length > LIMITS.url) return false;
  try {
    const url = new URL(v);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

/** A material is one line: "Title | https://…". */
export function parseMaterials(text: string): { title: string; url: string }[] {
  return text
    .split('\n')
    .map((line) => line.split('|').map((s) => s.trim()))
    .filter((parts) => parts.length === 2 && parts[0] && isWebUrl(parts[1]!))
    .map(([title, url]) => ({ title: title!, url: url! }));
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
export const agendaLines = lines;

export function checkEvent(raw: Record<string, unknown>): {
  values: Record<string, string | string[]>;
  draft?: EventDraft;
  errors: FormError[];
} {
  const s = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string).replace(/\r\n/g, '\n').trim() : '');
  const list = raw.audiences === undefined ? [] : Array.isArray(raw.audiences) ? raw.audiences : [raw.audiences];
  const values: Record<string, string | string[]> = {};
  for (const k of [
    'title',
    'summary',
    'topic',
    'format',
    'region',
    'venue',
    'joiningUrl',
    'date',
    'startTime',
    'endTime',
    'agenda',
    'speakers',
    'cpdHours',
    'price',
    'capacity',
    'accessibility',
    'materials',
  ])
    values[k] = s(k);
  values.audiences = list.filter(isAudience);
  const v = values as Record<string, string> & {
    startTime: string;
    endTime: string;
    date: string;
    cpdHours: string;
    price: string;
    capacity: string;
    topic: string;
    format: string;
    region: string;
    joiningUrl: string;
  };
  const errors: FormError[] = [];
  const need = (field: string, text: string, max: number) => {
    if (!v[field]) errors.push({ field, text });
    else if (v[field]!.length > max) errors.push({ field, text: `Must be ${max} characters or fewer` });
  };
  need('title', 'Enter a title', LIMITS.title);
  need('summary', 'Enter a short summary', LIMITS.summary);
  if ((values.audiences as string[]).length === 0) errors.push({ field: 'audiences', text: 'Choose who the event is for' });
  if (!isTopic(v.topic)) errors.push({ field: 'topic', text: 'Choose a topic' });
  if (!isFormat(v.format)) errors.push({ field: 'format', text: 'Choose online or in person' });
  if (v.format === 'in-person') {
    if (!isRegion(v.region)) errors.push({ field: 'region', text: 'Choose the region of the venue' });
    need('venue', 'Enter the venue and its address', LIMITS.venue);
  }
  if (v.joiningUrl && !isWebUrl(v.joiningUrl))
    errors.push({ field: 'joiningUrl', text: 'Enter the joining link as a web address starting https://' });
  if (!isCalendarDate(v.date)) errors.push({ field: 'date', text: 'Enter the date as YYYY-MM-DD, like 2027-03-15' });
  if (!TIME.test(v.startTime)) errors.push({ field: 'startTime', text: 'Enter a start time like 09:30' });
  if (!TIME.test(v.endTime)) errors.push({ field: 'endTime', text: 'Enter an end time like 16:00' });
  else if (TIME.test(v.startTime) && minutesOf(v.endTime) <= minutesOf(v.startTime))
    errors.push({ field: 'endTime', text: 'The end time must be after the start time' });
  for (const [field, max] of [
    ['agenda', LIMITS.agenda],
    ['speakers', LIMITS.speakers],
    ['accessibility', LIMITS.accessibility],
    ['materials', LIMITS.materials],
  ] as const) {
    if (v[field]!.length > max) errors.push({ field, text: `Must be ${max} characters or fewer` });
  }
  const cpd = Number(v.cpdHours || '0');
  if (!/^\d{1,3}(\.\d)?$/.test(v.cpdHours || '0') || cpd > LIMITS.cpdHoursMax)
    errors.push({ field: 'cpdHours', text: 'Enter CPD hours as a number like 3 or 1.5 (0 if none)' });
  const price = Number(v.price || '0');
  if (!/^\d{1,5}(\.\d{2})?$/.test(v.price || '0') || price > LIMITS.pricePoundsMax)
    errors.push({ field: 'price', text: 'Enter the fee in pounds, like 45 or 45.00 (0 if free)' });
  const capacity = Number(v.capacity);
  if (!/^\d{1,4}$/.test(v.capacity) || capacity < 1 || capacity > LIMITS.capacityMax)
    errors.push({ field: 'capacity', text: `Enter the number of places, from 1 to ${LIMITS.capacityMax}` });
  if (errors.length) return { values, errors };
  const startsAt = instantOfLondonWallClock(v.date!, minutesOf(v.startTime!));
  const endsAt = instantOfLondonWallClock(v.date!, minutesOf(v.endTime!));
  return {
    values,
    errors,
    draft: {
      title: v.title!,
      summary: v.summary!,
      audiences: (Object.keys(AUDIENCES) as Audience[]).filter((a) => (values.audiences as string[]).includes(a)),
      topic: v.topic as Topic,
      format: v.format as Format,
      region: v.format === 'in-person' ? (v.region as Region) : null,
      venue: v.format === 'in-person' ? v.venue! : '',
      joiningUrl: v.joiningUrl!,
      date: v.date!,
      startTime: v.startTime!,
      endTime: v.endTime!,
      startsAt,
      endsAt,
      agenda: v.agenda!,
      speakers: v.speakers!,
      cpdTenths: Math.round(cpd * 10),
      pricePence: Math.round(price * 100),
      capacity,
      accessibility: v.accessibility!,
      materials: v.materials!,
    },
  };
}

/** "3", "1.5" */
export const cpdHoursText = (tenths: number) => (tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1));
/** "Free" or "£45 (invoice)" */
export const priceText = (pence: number) =>
  pence === 0 ? 'Free' : `£${pence % 100 === 0 ? pence / 100 : (pence / 100).toFixed(2)}, paid by invoice`;
/** "2 hours 30 minutes" */
export function lengthText(startsAt: number, endsAt: number): string {
  const minutes = Math.round((endsAt - startsAt) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [h ? `${h} hour${h === 1 ? '' : 's'}` : '', m ? `${m} minute${m === 1 ? '' : 's'}` : ''].filter(Boolean);
  return parts.join(' ') || '0 minutes';
}

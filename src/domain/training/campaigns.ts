import { instantOfLondonWallClock } from '../opening-hours/london-time.ts';
import { type FormError, isWebUrl } from './event-form.ts';
import { isCalendarDate } from './filters.ts';
import { LIMITS } from './model.ts';

/** Campaigns such as National Stalking Awareness Week: set by staff, shown on the home page for their dates only. */
export interface CampaignDraft {
  title: string;
  message: string;
  linkUrl: string;
  startsOn: string;
  endsOn: string;
  startsAt: number;
  endsAt: number;
}

/** A campaign runs from the start of its first day to the end of its last, London time. */
export function checkCampaign(raw: Record<string, unknown>): {
  values: Record<string, string>;
  draft?: CampaignDraft;
  errors: FormError[];
} {
  const s = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string).trim() : '');
  const values = { title: s('title'), message: s('message'), linkUrl: s('linkUrl'), startsOn: s('startsOn'), endsOn: s('endsOn') };
  const errors: FormError[] = [];
  if (!values.title) errors.push({ field: 'title', text: 'Enter the campaign’s name' });
  else if (values.title.length > LIMITS.campaignTitle)
    errors.push({ field: 'title', text: `Must be ${LIMITS.campaignTitle} characters or fewer` });
  if (!values.message) errors.push({ field: 'message', text: 'Enter a sentence for the home page' });
  else if (values.message.length > LIMITS.campaignMessage)
    errors.push({ field: 'message', text: `Must be ${LIMITS.campaignMessage} characters or fewer` });
  if (values.linkUrl && !(values.linkUrl.startsWith('/') ? /^\/[a-z0-9/_-]{0,200}$/.test(values.linkUrl) : isWebUrl(values.linkUrl))) {
    errors.push({ field: 'linkUrl', text: 'Enter a Casebook path like /training, or a web address starting https://' });
  }
  if (!isCalendarDate(values.startsOn)) errors.push({ field: 'startsOn', text: 'Enter the first day as YYYY-MM-DD' });
  if (!isCalendarDate(values.endsOn)) errors.push({ field: 'endsOn', text: 'Enter the last day as YYYY-MM-DD' });
  else if (isCalendarDate(values.startsOn) && values.endsOn < values.startsOn)
    errors.push({ field: 'endsOn', text: 'The last day must be on or after the first day' });
  if (errors.length) return { values, errors };
  return {
    values,
    errors,
    draft: { ...values, startsAt: instantOfLondonWallClock(values.startsOn, 0), endsAt: instantOfLondonWallClock(values.endsOn, 1440) },
  };
}

/** Campaigns shown at `now`, soonest-ending first. */
export function activeCampaigns<T extends { startsAt: number; endsAt: number }>(campaigns: readonly T[], now: number): T[] {
  return campaigns.filter((c) => c.startsAt <= now && now < c.endsAt).sort((a, b) => a.endsAt - b.endsAt);
}

/** The next moment the set of active campaigns changes after `now` (a start or an end), or Infinity. */
export function nextCampaignChange(campaigns: readonly { startsAt: number; endsAt: number }[], now: number): number {
  let next = Infinity;
  for (const c of campaigns) for (const t of [c.startsAt, c.endsAt]) if (t > now && t < next) next = t;
  return next;
}

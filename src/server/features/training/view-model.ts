import { agendaLines, cpdHoursText, lengthText, parseMaterials, priceText } from '../../../domain/training/event-form.ts';
import { AUDIENCES, FORMATS, REGIONS, TOPICS } from '../../../domain/training/model.ts';
import { bookingWindow, isPast, placesLeft } from '../../../domain/training/places.ts';
import type { TrainingEvent } from './repository.ts';

const day = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const time = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' });
const isoDate = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/London' });
const hhmm = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Europe/London' });

export const formatDay = (ms: number) => day.format(new Date(ms));
export const formatTime = (ms: number) => time.format(new Date(ms)).replace(':00', '').replace(' ', '');
export const londonIsoDate = (ms: number) => isoDate.format(new Date(ms));
export const londonHhmm = (ms: number) => hhmm.format(new Date(ms));

/** Everything a page says about an event, worked out once. */
export function eventView(event: TrainingEvent, now: number) {
  const left = placesLeft(event);
  return {
    ...event,
    path: `/training/events/${event.id}`,
    day: formatDay(event.startsAt),
    times: `${formatTime(event.startsAt)} to ${formatTime(event.endsAt)}`,
    length: lengthText(event.startsAt, event.endsAt),
    cpd: cpdHoursText(event.cpdTenths),
    price: priceText(event.pricePence),
    audiencesText: event.audiences.map((a) => AUDIENCES[a]).join(', '),
    topicText: TOPICS[event.topic],
    formatText: FORMATS[event.format],
    place: event.format === 'online' ? 'Online' : `${event.venue}${event.region ? ` (${REGIONS[event.region]})` : ''}`,
    agendaItems: agendaLines(event.agenda),
    speakerItems: agendaLines(event.speakers),
    accessibilityParagraphs: agendaLines(event.accessibility),
    materialLinks: parseMaterials(event.materials),
    placesLeft: left,
    placesText: left === 0 ? 'Fully booked: you can join the waiting list' : `${left} ${left === 1 ? 'place' : 'places'} left`,
    window: bookingWindow(event, now),
    past: isPast(event, now),
  };
}

export type EventView = ReturnType<typeof eventView>;

export const selectItems = (labels: Record<string, string>, selected: string | undefined, any: string) => [
  { value: '', text: any },
  ...Object.entries(labels).map(([value, text]) => ({ value, text, selected: value === selected })),
];

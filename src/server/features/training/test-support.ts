import { checkEvent, type EventDraft } from '../../../domain/training/event-form.ts';
import type { TrainingRepository } from './repository.ts';

/** A valid event form, for tests: in person in London unless changed. */
export const EVENT_FORM = {
  title: 'Stalking and the law for legal professionals',
  summary: 'A half-day seminar on the offences, protective orders and evidence.',
  audiences: ['legal', 'police'],
  topic: 'law',
  format: 'in-person',
  region: 'london',
  venue: '1 Example Street, London',
  joiningUrl: '',
  date: '2027-03-15',
  startTime: '09:30',
  endTime: '13:00',
  agenda: '09:30 Welcome\n10:00 The offences\n11:30 Protective orders',
  speakers: 'A. Barrister, criminal law\nDS B. Officer, stalking unit',
  cpdHours: '3',
  price: '0',
  capacity: '20',
  accessibility: 'Step-free access and a hearing loop.',
  materials: 'Slides | https://example.org/slides.pdf',
};

export function eventDraft(changes: Record<string, unknown> = {}): EventDraft {
  const { draft, errors } = checkEvent({ ...EVENT_FORM, ...changes });
  if (!draft) throw new Error(`bad test event: ${JSON.stringify(errors)}`);
  return draft;
}

export async function publishedEvent(repo: TrainingRepository, now: number, changes: Record<string, unknown> = {}) {
  const event = await repo.createEvent(eventDraft(changes), now);
  await repo.setStatus(event.id, 'published', now);
  return (await repo.event(event.id))!;
}

export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
export const BOOKER = {
  name: 'Sam Patel',
  organisation: 'Example Police',
  role: 'Detective Constable',
  email: 'sam.patel@example.police.uk',
  phone: '',
  accessNeeds: '',
};

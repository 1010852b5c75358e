import { createEvent } from 'ics';
import type { TrainingEvent } from './repository.ts';

/**
 * The event as an RFC 5545 calendar file (made by the `ics` package). The joining link is in it only because
 * only a booked person can download it; the UID is stable, so a second download updates the same entry.
 */
export function eventCalendar(event: TrainingEvent, options: { host: string; eventUrl: string; withJoiningLink: boolean }): string {
  const online = event.format === 'online';
  const description = [
    event.summary,
    online && options.withJoiningLink && event.joiningUrl ? `Join online: ${event.joiningUrl}` : '',
    `Event page: ${options.eventUrl}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  const { error, value } = createEvent({
    uid: `training-${event.id}@${options.host}`,
    productId: 'casebook/training',
    title: event.title,
    description,
    start: event.startsAt,
    startInputType: 'utc',
    startOutputType: 'utc',
    end: event.endsAt,
    endInputType: 'utc',
    endOutputType: 'utc',
    location: online ? (options.withJoiningLink && event.joiningUrl ? event.joiningUrl : 'Online') : event.venue,
    url: options.eventUrl,
    status: event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    sequence: event.version,
    busyStatus: 'BUSY',
  });
  if (error || !value) throw error ?? new Error('calendar file not made');
  return value;
}

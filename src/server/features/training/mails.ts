import type { Mail } from './mailer.ts';
import type { Booking, TrainingEvent } from './repository.ts';
import { formatDay, formatTime } from './view-model.ts';

// Plain-text emails: what happened, the event, and where to look. Only to the work address the person gave.

const when = (event: TrainingEvent) => `${formatDay(event.startsAt)}, ${formatTime(event.startsAt)} to ${formatTime(event.endsAt)}`;
const where = (event: TrainingEvent) => (event.format === 'online' ? 'Online (the joining link is on your booking page)' : event.venue);

export function bookingMail(event: TrainingEvent, booking: Booking, link: string): Mail {
  const placed = booking.status === 'booked';
  return {
    to: booking.email!,
    subject: placed ? `Booking confirmed: ${event.title}` : `On the waiting list: ${event.title}`,
    text: [
      `Hello ${booking.name},`,
      placed
        ? `You have a place at ${event.title}.`
        : `${event.title} is full, so you are on the waiting list. If a place becomes free, it goes to the first person on the list and we will email you.`,
      `When: ${when(event)}\nWhere: ${where(event)}\nYour booking reference: ${booking.reference}`,
      `To see, change or cancel your booking, or add it to your calendar, open this private link. Keep it to yourself: anyone with it can change your booking.\n${link}`,
    ].join('\n\n'),
  };
}

export function promotedMail(event: TrainingEvent, booking: Booking): Mail {
  return {
    to: booking.email!,
    subject: `A place is yours: ${event.title}`,
    text: [
      `Hello ${booking.name},`,
      `A place became free at ${event.title} and it is now yours: you were first on the waiting list.`,
      `When: ${when(event)}\nWhere: ${where(event)}\nYour booking reference: ${booking.reference}`,
      'Open the private link from your first email to see your booking, add it to your calendar or cancel it if you can no longer come.',
    ].join('\n\n'),
  };
}

export function cancelledMail(event: TrainingEvent, booking: Booking): Mail {
  return {
    to: booking.email!,
    subject: `Booking cancelled: ${event.title}`,
    text: [
      `Hello ${booking.name},`,
      `Your ${booking.status === 'waiting' ? 'place on the waiting list' : 'booking'} for ${event.title} (${when(event)}) is cancelled. Reference: ${booking.reference}.`,
      'You do not need to do anything else.',
    ].join('\n\n'),
  };
}

export function eventCancelledMail(event: TrainingEvent, booking: Booking): Mail {
  return {
    to: booking.email!,
    subject: `Event cancelled: ${event.title}`,
    text: [
      `Hello ${booking.name},`,
      `We are sorry: ${event.title} (${when(event)}) has been cancelled. Reference: ${booking.reference}.`,
      'Your booking page says the same. If you paid a fee, we will not invoice you.',
    ].join('\n\n'),
  };
}

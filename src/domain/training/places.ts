import type { EventFacts } from './model.ts';

/** Places nobody holds yet; never negative (staff may lower the capacity below the bookings already made). */
export function placesLeft(event: Pick<EventFacts, 'capacity' | 'bookedCount'>): number {
  return Math.max(0, event.capacity - event.bookedCount);
}

export type BookingWindow = 'open' | 'not-published' | 'cancelled' | 'closed';

/** Bookings close when the event starts: after that nobody can usefully join it. */
export function bookingWindow(event: Pick<EventFacts, 'status' | 'startsAt'>, now: number): BookingWindow {
  if (event.status === 'cancelled') return 'cancelled';
  if (event.status !== 'published') return 'not-published';
  return now < event.startsAt ? 'open' : 'closed';
}

/** A new booking takes a place while one is left, and otherwise joins the end of the waiting list. */
export function outcomeOfBooking(event: Pick<EventFacts, 'capacity' | 'bookedCount'>): 'booked' | 'waiting' {
  return placesLeft(event) > 0 ? 'booked' : 'waiting';
}

export interface Waiter {
  id: number;
  /** Arrival order: the booking's sequence number, given while the event's lock was held. */
  seq: number;
}

/**
 * Who moves up when places free: the longest-waiting first, as many as there are free places. The list is
 * sorted here rather than trusted to arrive sorted.
 */
export function waitersToPromote<T extends Waiter>(waiting: readonly T[], freePlaces: number): T[] {
  if (freePlaces <= 0) return [];
  return [...waiting].sort((a, b) => a.seq - b.seq || a.id - b.id).slice(0, freePlaces);
}

/** 1 for the next person to be offered a place. */
export function waitingPosition(mySeq: number, waitingSeqs: readonly number[]): number {
  return waitingSeqs.filter((s) => s < mySeq).length + 1;
}

/** Whether the event is over, so its page shows it as a past event with its materials. */
export const isPast = (event: Pick<EventFacts, 'endsAt'>, now: number) => now >= event.endsAt;

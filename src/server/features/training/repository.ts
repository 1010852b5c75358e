import { randomBytes } from 'node:crypto';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { BookingInput } from '../../../domain/training/booking-form.ts';
import type { CampaignDraft } from '../../../domain/training/campaigns.ts';
import { bookingReference, certificateCode } from '../../../domain/training/codes.ts';
import type { EventDraft } from '../../../domain/training/event-form.ts';
import type { Audience, BookingStatus, EventStatus, Format, Region, Topic } from '../../../domain/training/model.ts';
import { type BookingWindow, bookingWindow, outcomeOfBooking, placesLeft, waitersToPromote } from '../../../domain/training/places.ts';
import type { DialectName } from '../../db/database.ts';
import type { Schema, TrainingBookingsTable, TrainingCampaignsTable, TrainingEventsTable } from '../../db/schema.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

/** A booker's own details as stored; empty optional answers are kept as null. */
function bookerColumns(input: BookingInput) {
  return {
    name: input.name,
    organisation: input.organisation,
    role: input.role,
    email: input.email || null,
    phone: input.phone || null,
    access_needs: input.accessNeeds || null,
  };
}

/** An event as stored: what staff described (the wall-clock date and times become instants) and its counts. */
export interface TrainingEvent extends Omit<EventDraft, 'date' | 'startTime' | 'endTime'> {
  id: number;
  status: EventStatus;
  bookedCount: number;
  waitingCount: number;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface Booking {
  id: number;
  eventId: number;
  seq: number;
  reference: string;
  status: BookingStatus;
  name: string;
  organisation: string;
  role: string;
  email: string | null;
  phone: string | null;
  accessNeeds: string | null;
  attended: boolean;
  certificateCode: string | null;
  certificateIssuedAt: number | null;
  promotedAt: number | null;
  createdAt: number;
  /** Goes up with every change to the booking. */
  version: number;
  anonymised: boolean;
}

export interface Campaign {
  id: number;
  title: string;
  message: string;
  linkUrl: string;
  startsAt: number;
  endsAt: number;
}

function eventOf(row: Selectable<TrainingEventsTable>): TrainingEvent {
  return {
    id: row.id,
    status: row.status as EventStatus,
    title: row.title,
    summary: row.summary,
    audiences: row.audiences.split(',').filter(Boolean) as Audience[],
    topic: row.topic as Topic,
    format: row.format as Format,
    region: row.region as Region | null,
    venue: row.venue,
    joiningUrl: row.joining_url,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    agenda: row.agenda,
    speakers: row.speakers,
    cpdTenths: row.cpd_tenths,
    pricePence: row.price_pence,
    capacity: row.capacity,
    accessibility: row.accessibility,
    materials: row.materials,
    bookedCount: row.booked_count,
    waitingCount: row.waiting_count,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function bookingOf(row: Selectable<TrainingBookingsTable>): Booking {
  return {
    id: row.id,
    eventId: row.event_id,
    seq: row.seq,
    reference: row.reference,
    status: row.status as BookingStatus,
    name: row.name,
    organisation: row.organisation,
    role: row.role,
    email: row.email,
    phone: row.phone,
    accessNeeds: row.access_needs,
    attended: row.attended === 1,
    certificateCode: row.certificate_code,
    certificateIssuedAt: row.certificate_issued_at,
    promotedAt: row.promoted_at,
    createdAt: row.created_at,
    version: row.version,
    anonymised: row.anonymised_at !== null,
  };
}

const campaignOf = (row: Selectable<TrainingCampaignsTable>): Campaign => ({
  id: row.id,
  title: row.title,
  message: row.message,
  linkUrl: row.link_url,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
});

const draftColumns = (d: EventDraft) => ({
  title: d.title,
  summary: d.summary,
  audiences: d.audiences.join(','),
  topic: d.topic,
  format: d.format,
  region: d.region,
  venue: d.venue,
  joining_url: d.joiningUrl,
  starts_at: d.startsAt,
  ends_at: d.endsAt,
  agenda: d.agenda,
  speakers: d.speakers,
  cpd_tenths: d.cpdTenths,
  price_pence: d.pricePence,
  capacity: d.capacity,
  accessibility: d.accessibility,
  materials: d.materials,
});

export type BookingRefusal = Exclude<BookingWindow, 'open'> | 'not-found';

export class BookingRefused extends Error {
  readonly reason: BookingRefusal;
  constructor(reason: BookingRefusal) {
    super(`booking refused: ${reason}`);
    this.reason = reason;
  }
}

/** A change that took a place from the waiting list: whom to tell. */
export type Promotion = Booking;

export function createTrainingRepository(db: Kysely<Schema>, dialect: DialectName) {
  /**
   * Takes the event's lock for the rest of the transaction, and reads the event under it. PostgreSQL: a row
   * lock (SELECT … FOR UPDATE), so bookings on one event from any number of app processes queue in arrival
   * order while other events are untouched. SQLite: the transaction's first statement is a write, which takes
   * the database's write lock at once (a read first could not later upgrade without risking SQLITE_BUSY); in
   * one process Kysely also runs one transaction at a time.
   */
  async function lockEvent(trx: Transaction<Schema>, id: number): Promise<TrainingEvent | undefined> {
    if (dialect === 'sqlite')
      await trx.updateTable('training_events').set({ version: sql<number>`version` }).where('id', '=', id).execute();
    let query = trx.selectFrom('training_events').selectAll().where('id', '=', id);
    if (dialect === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row ? eventOf(row) : undefined;
  }

  /** Moves the longest-waiting people into free places, under the event's lock; returns who moved. */
  async function promoteWaiters(trx: Transaction<Schema>, event: TrainingEvent, bookedCount: number, now: number): Promise<Promotion[]> {
    const free = placesLeft({ capacity: event.capacity, bookedCount });
    if (free === 0 || event.status !== 'published') return [];
    const waiting = await trx
      .selectFrom('training_bookings')
      .selectAll()
      .where('event_id', '=', event.id)
      .where('status', '=', 'waiting')
      .orderBy('seq')
      .limit(free)
      .execute();
    const chosen = waitersToPromote(waiting.map(bookingOf), free);
    if (chosen.length === 0) return [];
    await trx
      .updateTable('training_bookings')
      .set({ status: 'booked', promoted_at: now, updated_at: now, version: sql<number>`version + 1` })
      .where(
        'id',
        'in',
        chosen.map((b) => b.id),
      )
      .execute();
    return chosen.map((b) => ({ ...b, status: 'booked' as const, promotedAt: now }));
  }

  async function recount(trx: Transaction<Schema>, eventId: number, now: number, extra: { next_seq?: number } = {}): Promise<void> {
    const counts = await trx
      .selectFrom('training_bookings')
      .select([
        sql<number>`sum(case when status = 'booked' then 1 else 0 end)`.as('booked'),
        sql<number>`sum(case when status = 'waiting' then 1 else 0 end)`.as('waiting'),
      ])
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('training_events')
      .set({
        booked_count: counts.booked ?? 0,
        waiting_count: counts.waiting ?? 0,
        version: sql<number>`version + 1`,
        updated_at: now,
        ...extra,
      })
      .where('id', '=', eventId)
      .execute();
  }

  return {
    async event(id: number): Promise<TrainingEvent | undefined> {
      const row = await db.selectFrom('training_events').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? eventOf(row) : undefined;
    },

    /** Published and cancelled events, soonest first (the public list filters them). */
    async publicEvents(): Promise<TrainingEvent[]> {
      const rows = await db
        .selectFrom('training_events')
        .selectAll()
        .where('status', 'in', ['published', 'cancelled'])
        .orderBy('starts_at')
        .orderBy('id')
        .limit(1000)
        .execute();
      return rows.map(eventOf);
    },

    async allEvents(): Promise<TrainingEvent[]> {
      const rows = await db
        .selectFrom('training_events')
        .selectAll()
        .orderBy('starts_at', 'desc')
        .orderBy('id', 'desc')
        .limit(500)
        .execute();
      return rows.map(eventOf);
    },

    async createEvent(draft: EventDraft, now: number, trx: Db = db): Promise<TrainingEvent> {
      const row = await trx
        .insertInto('training_events')
        .values({ status: 'draft', ...draftColumns(draft), created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      return eventOf(row);
    },

    /** Changes an event; a larger capacity moves people up from the waiting list at once. */
    async updateEvent(
      id: number,
      draft: EventDraft,
      now: number,
      outer?: Transaction<Schema>,
    ): Promise<{ event: TrainingEvent; promoted: Promotion[] } | undefined> {
      const run = async (trx: Transaction<Schema>) => {
        const before = await lockEvent(trx, id);
        if (!before) return undefined;
        await trx
          .updateTable('training_events')
          .set({ ...draftColumns(draft), updated_at: now })
          .where('id', '=', id)
          .execute();
        const promoted = await promoteWaiters(trx, { ...before, capacity: draft.capacity }, before.bookedCount, now);
        await recount(trx, id, now);
        return { event: (await lockEvent(trx, id))!, promoted };
      };
      return outer ? run(outer) : db.transaction().execute(run);
    },

    /** Publishing moves no one; cancelling keeps every booking so people see the cancellation on their page. */
    async setStatus(id: number, status: EventStatus, now: number, trx: Db = db): Promise<void> {
      await trx
        .updateTable('training_events')
        .set({ status, updated_at: now, version: sql<number>`version + 1` })
        .where('id', '=', id)
        .execute();
    },

    /**
     * One booking, decided under the event's lock: a place while one is left, otherwise the end of the waiting
     * list. Arrival order is the order the lock was granted in, recorded as `seq`.
     */
    async book(eventId: number, input: BookingInput, tokenHash: string, now: number): Promise<Booking> {
      return db.transaction().execute(async (trx) => {
        const event = await lockEvent(trx, eventId);
        if (!event || event.status === 'draft') throw new BookingRefused('not-found');
        const window = bookingWindow(event, now);
        if (window !== 'open') throw new BookingRefused(window);
        const status = outcomeOfBooking(event);
        const seq = (await trx.selectFrom('training_events').select('next_seq').where('id', '=', eventId).executeTakeFirstOrThrow())
          .next_seq;
        const row = await trx
          .insertInto('training_bookings')
          .values({
            event_id: eventId,
            seq,
            reference: bookingReference(randomBytes(8)),
            token_hash: tokenHash,
            status,
            ...bookerColumns(input),
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('training_events')
          .set({
            next_seq: seq + 1,
            booked_count: event.bookedCount + (status === 'booked' ? 1 : 0),
            waiting_count: event.waitingCount + (status === 'waiting' ? 1 : 0),
            version: sql<number>`version + 1`,
            updated_at: now,
          })
          .where('id', '=', eventId)
          .execute();
        return bookingOf(row);
      });
    },

    async bookingByTokenHash(tokenHash: string): Promise<Booking | undefined> {
      const row = await db.selectFrom('training_bookings').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? bookingOf(row) : undefined;
    },

    /** Where a waiting booking is on the list: 1 is next. */
    async waitingPosition(booking: Booking): Promise<number> {
      const row = await db
        .selectFrom('training_bookings')
        .select((eb) => eb.fn.countAll<number>().as('ahead'))
        .where('event_id', '=', booking.eventId)
        .where('status', '=', 'waiting')
        .where('seq', '<', booking.seq)
        .executeTakeFirstOrThrow();
      return row.ahead + 1;
    },

    async changeBooking(id: number, input: BookingInput, now: number): Promise<void> {
      await db
        .updateTable('training_bookings')
        .set({
          ...bookerColumns(input),
          updated_at: now,
          version: sql<number>`version + 1`,
        })
        .where('id', '=', id)
        .where('anonymised_at', 'is', null)
        .execute();
    },

    /**
     * Cancels a booking and gives any place it frees to the first on the waiting list, in one transaction under
     * the event's lock, so a new booking can never take a place someone was waiting for. The private link
     * stops working (a replayed link is 404). Returns who moved up, to be told.
     */
    async cancelBooking(booking: Booking, now: number): Promise<Promotion[]> {
      return db.transaction().execute(async (trx) => {
        const event = await lockEvent(trx, booking.eventId);
        const current = await trx.selectFrom('training_bookings').select('status').where('id', '=', booking.id).executeTakeFirst();
        if (!event || !current || current.status === 'cancelled') return [];
        await trx
          .updateTable('training_bookings')
          .set({ status: 'cancelled', cancelled_at: now, updated_at: now, version: sql<number>`version + 1`, token_hash: null })
          .where('id', '=', booking.id)
          .execute();
        const bookedCount = event.bookedCount - (current.status === 'booked' ? 1 : 0);
        const promoted = await promoteWaiters(trx, event, bookedCount, now);
        await recount(trx, event.id, now);
        return promoted;
      });
    },

    async bookings(eventId: number): Promise<Booking[]> {
      const rows = await db.selectFrom('training_bookings').selectAll().where('event_id', '=', eventId).orderBy('seq').execute();
      return rows.map(bookingOf);
    },

    /** Sets who attended, out of the booked; returns how many changed. */
    async markAttendance(eventId: number, attendedIds: ReadonlySet<number>, now: number, trx: Db = db): Promise<number> {
      const booked = await trx
        .selectFrom('training_bookings')
        .select(['id', 'attended'])
        .where('event_id', '=', eventId)
        .where('status', '=', 'booked')
        .execute();
      let changed = 0;
      for (const b of booked) {
        const attended = attendedIds.has(b.id) ? 1 : 0;
        if (attended === b.attended) continue;
        await trx
          .updateTable('training_bookings')
          .set({ attended, updated_at: now, version: sql<number>`version + 1` })
          .where('id', '=', b.id)
          .execute();
        changed++;
      }
      return changed;
    },

    /** A certificate code for everyone marked as attended who has none yet; returns how many were issued. */
    async issueCertificates(eventId: number, now: number, trx: Db = db): Promise<number> {
      const due = await trx
        .selectFrom('training_bookings')
        .select('id')
        .where('event_id', '=', eventId)
        .where('status', '=', 'booked')
        .where('attended', '=', 1)
        .where('certificate_code', 'is', null)
        .execute();
      for (const b of due) {
        await trx
          .updateTable('training_bookings')
          .set({
            certificate_code: certificateCode(randomBytes(16)),
            certificate_issued_at: now,
            updated_at: now,
            version: sql<number>`version + 1`,
          })
          .where('id', '=', b.id)
          .execute();
      }
      return due.length;
    },

    async certificate(code: string): Promise<{ booking: Booking; event: TrainingEvent } | undefined> {
      const row = await db.selectFrom('training_bookings').selectAll().where('certificate_code', '=', code).executeTakeFirst();
      if (!row) return undefined;
      const event = await db.selectFrom('training_events').selectAll().where('id', '=', row.event_id).executeTakeFirstOrThrow();
      return { booking: bookingOf(row), event: eventOf(event) };
    },

    /**
     * Removes bookers' personal details from events that ended at or before `endedBy`. Counts, attendance and
     * certificate codes stay (a certificate can still be checked; it no longer names anyone). Returns how many
     * bookings were anonymised.
     */
    async anonymiseEndedBy(endedBy: number, now: number): Promise<number> {
      const events = await db
        .selectFrom('training_events')
        .select('id')
        .where('ends_at', '<=', endedBy)
        .where('anonymised_at', 'is', null)
        .limit(200)
        .execute();
      let count = 0;
      for (const { id } of events) {
        await db.transaction().execute(async (trx) => {
          const result = await trx
            .updateTable('training_bookings')
            .set({
              name: '',
              organisation: '',
              role: '',
              email: null,
              phone: null,
              access_needs: null,
              token_hash: null,
              anonymised_at: now,
              updated_at: now,
              version: sql<number>`version + 1`,
            })
            .where('event_id', '=', id)
            .where('anonymised_at', 'is', null)
            .executeTakeFirst();
          count += Number(result.numUpdatedRows);
          await trx.updateTable('training_events').set({ anonymised_at: now }).where('id', '=', id).execute();
        });
      }
      return count;
    },

    async campaigns(): Promise<Campaign[]> {
      const rows = await db.selectFrom('training_campaigns').selectAll().orderBy('starts_at', 'desc').limit(200).execute();
      return rows.map(campaignOf);
    },

    async saveCampaign(id: number | undefined, draft: CampaignDraft, now: number, trx: Db = db): Promise<number> {
      const columns = {
        title: draft.title,
        message: draft.message,
        link_url: draft.linkUrl,
        starts_at: draft.startsAt,
        ends_at: draft.endsAt,
        updated_at: now,
      };
      if (id !== undefined) {
        await trx.updateTable('training_campaigns').set(columns).where('id', '=', id).execute();
        return id;
      }
      const row = await trx
        .insertInto('training_campaigns')
        .values({ ...columns, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async deleteCampaign(id: number, trx: Db = db): Promise<boolean> {
      const result = await trx.deleteFrom('training_campaigns').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type TrainingRepository = ReturnType<typeof createTrainingRepository>;

import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import {
  type Conversation,
  type ConversationStatus,
  type PersonLanguage,
  type QueueView,
  type RiskLevel,
  type Row,
  toConversation,
} from './records.ts';

/** Conversations and the helpline's queue: starting one, finding it, the queue views and counts, who has it, its state. */
export function createQueueRepository(db: Kysely<Schema>) {
  const findBy = async (column: 'id' | 'token_hash', value: string) => {
    const row = await db.selectFrom('talk_conversations').selectAll().where(column, '=', value).executeTakeFirst();
    return row ? toConversation(row as unknown as Row) : undefined;
  };

  return {
    async create(input: { tokenHash: string; personPublicKey: string; now: number; language?: PersonLanguage }): Promise<Conversation> {
      const id = randomUUID();
      await db
        .insertInto('talk_conversations')
        .values({
          id,
          token_hash: input.tokenHash,
          person_public_key: input.personPublicKey,
          status: 'new',
          assigned_to: null,
          created_at: input.now,
          updated_at: input.now,
          language: input.language ?? 'en',
        })
        .execute();
      return (await findBy('id', id))!;
    },

    byTokenHash: (tokenHash: string) => findBy('token_hash', tokenHash),
    byId: (id: string) => findBy('id', id),

    async queue(view: QueueView, staffId: string, limit = 200): Promise<Conversation[]> {
      let query = db.selectFrom('talk_conversations').selectAll();
      if (view === 'new') query = query.where('status', '=', 'new');
      else if (view === 'mine') query = query.where('assigned_to', '=', staffId).where('status', 'in', ['new', 'open', 'waiting']);
      else if (view === 'waiting') query = query.where('status', '=', 'waiting');
      else query = query.where('status', '=', 'closed');
      // Oldest first while waiting for the helpline (fairness); most recent first for the rest.
      const direction = view === 'new' ? 'asc' : 'desc';
      const rows = await query.orderBy('updated_at', direction).limit(limit).execute();
      return rows.map((row) => toConversation(row as unknown as Row));
    },

    async counts(staffId: string): Promise<Record<QueueView, number>> {
      const rows = await db
        .selectFrom('talk_conversations')
        .select([
          'status',
          (eb) => eb.fn.countAll<number>().as('n'),
          (eb) => eb.fn.sum<number>(sql`case when assigned_to = ${staffId} then 1 else 0 end`).as('mine'),
        ])
        .groupBy('status')
        .execute();
      const counts: Record<QueueView, number> = { new: 0, mine: 0, waiting: 0, closed: 0 };
      for (const row of rows) {
        const n = row.n;
        if (row.status === 'new') counts.new = n;
        if (row.status === 'waiting') counts.waiting = n;
        if (row.status === 'closed') counts.closed = n;
        if (row.status !== 'closed') counts.mine += row.mine ?? 0;
      }
      return counts;
    },

    async assign(id: string, staffId: string | null, now: number): Promise<void> {
      await db
        .updateTable('talk_conversations')
        .set({
          assigned_to: staffId,
          updated_at: now,
          // Released: back to new (unless closed). Taken: a new conversation becomes open; other states stay.
          status:
            staffId === null
              ? sql<string>`case when status = 'closed' then 'closed' else 'new' end`
              : sql<string>`case when status = 'new' then 'open' else status end`,
        })
        .where('id', '=', id)
        .execute();
    },

    async setStatus(id: string, status: ConversationStatus, now: number): Promise<void> {
      await db.updateTable('talk_conversations').set({ status, updated_at: now }).where('id', '=', id).execute();
    },

    async setRisk(id: string, level: RiskLevel | null, reason: string | null, teamKeyVersion: number | null, now: number): Promise<void> {
      await db
        .updateTable('talk_conversations')
        .set({ risk_level: level, risk_reason: reason, risk_team_key_version: teamKeyVersion, updated_at: now })
        .where('id', '=', id)
        .execute();
    },
  };
}

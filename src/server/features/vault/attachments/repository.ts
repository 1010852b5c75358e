import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Envelope } from '../../../../crypto/envelope.ts';
import type { Schema } from '../../../db/schema.ts';

export interface Attachment {
  id: string;
  chunkCount: number;
  size: number;
  header: unknown;
  metadata: Envelope;
  complete: boolean;
}

export function createAttachmentsRepository(db: Kysely<Schema>) {
  return {
    /** Bytes the account has reserved: the declared size of each of its attachments. */
    async usedBytes(accountId: string): Promise<number> {
      // PostgreSQL's sum of an int8 is numeric (a string); cast back to int8 it is read as a number, as on SQLite.
      const row = await db
        .selectFrom('vault_attachments')
        .select(sql<number>`cast(coalesce(sum(size), 0) as bigint)`.as('total'))
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      return row?.total ?? 0;
    },

    async create(
      accountId: string,
      a: { chunkCount: number; size: number; header: unknown; metadata: Envelope },
      now: number,
    ): Promise<string> {
      const id = randomUUID();
      await db
        .insertInto('vault_attachments')
        .values({
          id,
          account_id: accountId,
          chunk_count: a.chunkCount,
          size: a.size,
          header: JSON.stringify(a.header),
          metadata: JSON.stringify(a.metadata),
          created_at: now,
          completed_at: null,
        })
        .execute();
      return id;
    },

    /** Only the owner's attachment: another account's id is simply not found. */
    async get(accountId: string, id: string): Promise<Attachment | undefined> {
      const row = await db
        .selectFrom('vault_attachments')
        .selectAll()
        .where('id', '=', id)
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        id: row.id,
        chunkCount: row.chunk_count,
        size: row.size,
        header: JSON.parse(row.header) as unknown,
        metadata: JSON.parse(row.metadata) as Envelope,
        complete: row.completed_at !== null,
      };
    },

    async chunks(id: string): Promise<{ index: number; size: number }[]> {
      const rows = await db
        .selectFrom('vault_attachment_chunks')
        .select(['idx', 'size'])
        .where('attachment_id', '=', id)
        .orderBy('idx')
        .execute();
      return rows.map((r) => ({ index: r.idx, size: r.size }));
    },

    /** Records a chunk as received (again, when re-sent: the newest bytes win). */
    async putChunk(id: string, index: number, size: number, now: number): Promise<void> {
      await db
        .insertInto('vault_attachment_chunks')
        .values({ attachment_id: id, idx: index, size, received_at: now })
        .onConflict((oc) => oc.columns(['attachment_id', 'idx']).doUpdateSet({ size, received_at: now }))
        .execute();
    },

    async removeChunk(id: string, index: number): Promise<void> {
      await db.deleteFrom('vault_attachment_chunks').where('attachment_id', '=', id).where('idx', '=', index).execute();
    },

    async markComplete(id: string, now: number): Promise<void> {
      await db.updateTable('vault_attachments').set({ completed_at: now }).where('id', '=', id).execute();
    },

    /** Uploads started before `before` and never completed, removed in batches; the caller removes their blobs. */
    async removeAbandoned(before: number, limit = 500): Promise<string[]> {
      return db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('vault_attachments')
          .select('id')
          .where('completed_at', 'is', null)
          .where('created_at', '<', before)
          .limit(limit)
          .execute();
        const ids = rows.map((row) => row.id);
        if (ids.length === 0) return ids;
        await trx.deleteFrom('vault_attachment_chunks').where('attachment_id', 'in', ids).execute();
        await trx.deleteFrom('vault_attachments').where('id', 'in', ids).execute();
        return ids;
      });
    },

    async delete(accountId: string, id: string): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const owned = await trx
          .selectFrom('vault_attachments')
          .select('id')
          .where('id', '=', id)
          .where('account_id', '=', accountId)
          .executeTakeFirst();
        if (!owned) return false;
        await trx.deleteFrom('vault_attachment_chunks').where('attachment_id', '=', id).execute();
        await trx.deleteFrom('vault_attachments').where('id', '=', id).execute();
        return true;
      });
    },
  };
}

export type AttachmentsRepository = ReturnType<typeof createAttachmentsRepository>;

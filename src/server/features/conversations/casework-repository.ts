import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import type { Note, SavedReply } from './records.ts';

/** The caseworkers' side: sealed notes on a conversation, saved replies, and who a conversation can be handed to. */
export function createCaseworkRepository(db: Kysely<Schema>) {
  return {
    async addNote(conversationId: string, note: Omit<Note, 'id' | 'createdAt'>, now: number): Promise<Note> {
      const id = randomUUID();
      await db
        .insertInto('talk_notes')
        .values({
          id,
          conversation_id: conversationId,
          staff_id: note.staffId,
          kind: note.kind,
          agency: note.agency,
          team_key_version: note.teamKeyVersion,
          sealed: note.sealed,
          created_at: now,
        })
        .execute();
      return { id, createdAt: now, ...note };
    },

    async notes(conversationId: string): Promise<Note[]> {
      const rows = await db
        .selectFrom('talk_notes')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .orderBy('created_at')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        staffId: row.staff_id,
        kind: row.kind as Note['kind'],
        agency: row.agency,
        teamKeyVersion: row.team_key_version,
        sealed: row.sealed,
        createdAt: row.created_at,
      }));
    },

    async savedReplies(): Promise<SavedReply[]> {
      const rows = await db.selectFrom('talk_saved_replies').selectAll().orderBy('title').execute();
      return rows.map((row) => ({ id: row.id, title: row.title, body: row.body, createdBy: row.created_by, createdAt: row.created_at }));
    },

    async addSavedReply(title: string, body: string, createdBy: string, now: number): Promise<SavedReply> {
      const id = randomUUID();
      await db.insertInto('talk_saved_replies').values({ id, title, body, created_by: createdBy, created_at: now }).execute();
      return { id, title, body, createdBy, createdAt: now };
    },

    async deleteSavedReply(id: string): Promise<boolean> {
      const result = await db.deleteFrom('talk_saved_replies').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Caseworkers a conversation can be handed to: active members with the caseworker role. */
    async caseworkers(): Promise<{ id: string; displayName: string }[]> {
      const rows = await db
        .selectFrom('staff_accounts')
        .select(['id', 'display_name', 'roles'])
        .where('status', '=', 'active')
        .orderBy('display_name')
        .execute();
      return rows
        .filter((row) => row.roles.split(',').includes('caseworker'))
        .map((row) => ({ id: row.id, displayName: row.display_name }));
    },
  };
}

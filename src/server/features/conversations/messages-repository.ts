import { type Kysely, sql } from 'kysely';
import type { Envelope } from '../../../crypto/envelope.ts';
import type { Schema } from '../../db/schema.ts';
import type { Author, Conversation, Message, PersonLanguage, SealedContent, Share } from './records.ts';

const sealedOf = (row: { team_key_version: number; body: string; key_team: string; key_person: string }): SealedContent => ({
  teamKeyVersion: row.team_key_version,
  body: JSON.parse(row.body) as Envelope,
  keyTeam: row.key_team,
  keyPerson: row.key_person,
});

const bodySize = (content: SealedContent) => content.body.ciphertext.length + content.keyTeam.length + content.keyPerson.length;
/** The columns a sealed message or share is stored in; the inverse of `sealedOf`. */
const sealedColumns = (content: SealedContent) => ({
  team_key_version: content.teamKeyVersion,
  body: JSON.stringify(content.body),
  key_team: content.keyTeam,
  key_person: content.keyPerson,
  size: bodySize(content),
});

/** What travels sealed: the messages of a conversation, and the diary entries a person shares into it. */
export function createMessagesRepository(db: Kysely<Schema>) {
  return {
    /**
     * Stores one message and moves the conversation in the queue: a person writing puts it back in front of the
     * helpline (new if nobody has it, open if someone does); a caseworker's reply leaves it waiting for the person.
     */
    /** `language`: a person's message records the language they wrote it in on the conversation. */
    async addMessage(
      conversation: Conversation,
      id: string,
      author: Author,
      staffId: string | null,
      content: SealedContent,
      now: number,
      language?: PersonLanguage,
    ): Promise<Message> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('talk_messages')
          .values({
            id,
            conversation_id: conversation.id,
            author,
            staff_id: staffId,
            ...sealedColumns(content),
            created_at: now,
          })
          .execute();
        if (author === 'person') {
          await trx
            .updateTable('talk_conversations')
            .set({
              status: sql<string>`case when assigned_to is null then 'new' else 'open' end`,
              updated_at: now,
              last_person_at: now,
              ...(language ? { language } : {}),
            })
            .where('id', '=', conversation.id)
            .execute();
        } else {
          await trx
            .updateTable('talk_conversations')
            .set({ status: 'waiting', updated_at: now, last_staff_at: now })
            .where('id', '=', conversation.id)
            .execute();
        }
      });
      return { id, conversationId: conversation.id, author, staffId, createdAt: now, ...content };
    },

    async message(conversationId: string, id: string): Promise<Message | undefined> {
      const row = await db
        .selectFrom('talk_messages')
        .selectAll()
        .where('id', '=', id)
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst();
      return (
        row && {
          id: row.id,
          conversationId: row.conversation_id,
          author: row.author as Author,
          staffId: row.staff_id,
          createdAt: row.created_at,
          ...sealedOf(row),
        }
      );
    },

    /** The latest `limit` messages, oldest first. */
    async messages(conversationId: string, limit = 500): Promise<Message[]> {
      const rows = await db
        .selectFrom('talk_messages')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.reverse().map((row) => ({
        id: row.id,
        conversationId,
        author: row.author as Author,
        staffId: row.staff_id,
        createdAt: row.created_at,
        ...sealedOf(row),
      }));
    },

    async countMessages(conversationId: string): Promise<number> {
      const row = await db
        .selectFrom('talk_messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('conversation_id', '=', conversationId)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    async addShare(conversationId: string, id: string, content: SealedContent, now: number): Promise<Share> {
      await db
        .insertInto('talk_shares')
        .values({
          id,
          conversation_id: conversationId,
          ...sealedColumns(content),
          created_at: now,
        })
        .execute();
      await db.updateTable('talk_conversations').set({ updated_at: now }).where('id', '=', conversationId).execute();
      return { id, createdAt: now, ...content };
    },

    async shares(conversationId: string): Promise<Share[]> {
      const rows = await db
        .selectFrom('talk_shares')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .orderBy('created_at')
        .execute();
      return rows.map((row) => ({ id: row.id, createdAt: row.created_at, ...sealedOf(row) }));
    },

    async countShares(conversationId: string): Promise<number> {
      const row = await db
        .selectFrom('talk_shares')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('conversation_id', '=', conversationId)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    /** Ends a share: the ciphertext is deleted, not hidden. False when this conversation has no such share. */
    async deleteShare(conversationId: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('talk_shares')
        .where('id', '=', id)
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

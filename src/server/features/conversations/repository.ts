import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import type { Envelope } from '../../../crypto/envelope.ts';
import { int } from '../vault/binary.ts';

// Every read and write of the conversations tables. Rows hold ciphertext, sealed keys and queue state; the
// functions here never see plaintext and never need to.

export type ConversationStatus = 'new' | 'open' | 'waiting' | 'closed';
export type QueueView = 'new' | 'mine' | 'waiting' | 'closed';
export type RiskLevel = 'raised' | 'high';
export type Author = 'person' | 'staff';
/** The language a person writes in: the language of the page they write from. */
export type PersonLanguage = 'en' | 'cy';

export interface Conversation {
  id: string;
  personPublicKey: string;
  status: ConversationStatus;
  assignedTo: string | null;
  riskLevel: RiskLevel | null;
  riskReason: string | null;
  riskTeamKeyVersion: number | null;
  createdAt: number;
  updatedAt: number;
  lastPersonAt: number | null;
  lastStaffAt: number | null;
  language: PersonLanguage;
}

/** A message or a share as it travels: ciphertext plus the content key sealed to each side. */
export interface SealedContent {
  teamKeyVersion: number;
  body: Envelope;
  keyTeam: string;
  keyPerson: string;
}

export interface Message extends SealedContent {
  id: string;
  conversationId: string;
  author: Author;
  staffId: string | null;
  createdAt: number;
}

export interface Share extends SealedContent {
  id: string;
  createdAt: number;
}

export interface Note {
  id: string;
  staffId: string;
  kind: 'note' | 'referral' | 'risk';
  agency: string | null;
  teamKeyVersion: number;
  sealed: string;
  createdAt: number;
}

export interface SavedReply {
  id: string;
  title: string;
  body: string;
  createdBy: string;
  createdAt: number;
}

const nullableInt = (value: number | string | null) => (value === null ? null : int(value));

function toConversation(row: Record<string, unknown>): Conversation {
  return {
    id: row.id as string,
    personPublicKey: row.person_public_key as string,
    status: row.status as ConversationStatus,
    assignedTo: (row.assigned_to as string | null) ?? null,
    riskLevel: (row.risk_level as RiskLevel | null) ?? null,
    riskReason: (row.risk_reason as string | null) ?? null,
    riskTeamKeyVersion: (row.risk_team_key_version as number | null) ?? null,
    createdAt: int(row.created_at as number),
    updatedAt: int(row.updated_at as number),
    lastPersonAt: nullableInt(row.last_person_at as number | null),
    lastStaffAt: nullableInt(row.last_staff_at as number | null),
    language: row.language === 'cy' ? 'cy' : 'en',
  };
}

const sealedOf = (row: { team_key_version: number; body: string; key_team: string; key_person: string }): SealedContent => ({
  teamKeyVersion: row.team_key_version,
  body: JSON.parse(row.body) as Envelope,
  keyTeam: row.key_team,
  keyPerson: row.key_person,
});

const bodySize = (content: SealedContent) => content.body.ciphertext.length + content.keyTeam.length + content.keyPerson.length;

export interface TeamKey {
  version: number;
  publicKey: string;
}

const TEAM_KEY_CACHE_MS = 5_000;

/** A unique-key violation, in either dialect: the row (a message id chosen by the browser) already exists. */
export function isDuplicate(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || /UNIQUE constraint failed/.test(e?.message ?? '');
}

export function createConversationsRepository(db: Kysely<Schema>) {
  let cachedKey: TeamKey | undefined;
  let cachedAt = 0;
  /** The latest team key version and its public key, or undefined before the team has a key. */
  const currentTeamKey = async (): Promise<TeamKey | undefined> => {
    const row = await db.selectFrom('staff_team_keys').select(['version', 'public_key']).orderBy('version', 'desc').limit(1).executeTakeFirst();
    return row ? { version: row.version, publicKey: row.public_key } : undefined;
  };
  const findBy = async (column: 'id' | 'token_hash', value: string) => {
    const row = await db.selectFrom('talk_conversations').selectAll().where(column, '=', value).executeTakeFirst();
    return row ? toConversation(row as unknown as Record<string, unknown>) : undefined;
  };

  return {
    async create(input: { tokenHash: string; personPublicKey: string; now: number; language?: PersonLanguage }): Promise<Conversation> {
      const id = randomUUID();
      await db
        .insertInto('talk_conversations')
        .values({ id, token_hash: input.tokenHash, person_public_key: input.personPublicKey, status: 'new', assigned_to: null, created_at: input.now, updated_at: input.now, language: input.language ?? 'en' })
        .execute();
      return (await findBy('id', id))!;
    },

    byTokenHash: (tokenHash: string) => findBy('token_hash', tokenHash),
    byId: (id: string) => findBy('id', id),

    currentTeamKey,

    /**
     * Whether `version` is the current team key, reading the database only when the cached answer (at most
     * TEAM_KEY_CACHE_MS old) says no: on the message path this saves a query per message. A rotation made on another
     * process is seen within that time; until then a message sealed to the previous key is still accepted, which is
     * harmless because every caseworker holds every version.
     */
    async checkTeamKey(version: number, now: number): Promise<{ current: TeamKey | undefined; ok: boolean }> {
      if (cachedKey && now - cachedAt < TEAM_KEY_CACHE_MS && cachedKey.version === version) return { current: cachedKey, ok: true };
      const current = await currentTeamKey();
      cachedKey = current;
      cachedAt = now;
      return { current, ok: current !== undefined && current.version === version };
    },

    /**
     * Stores one message and moves the conversation in the queue: a person writing puts it back in front of the
     * helpline (new if nobody has it, open if someone does); a caseworker's reply leaves it waiting for the person.
     */
    /** `language`: a person's message records the language they wrote it in on the conversation. */
    async addMessage(conversation: Conversation, id: string, author: Author, staffId: string | null, content: SealedContent, now: number, language?: PersonLanguage): Promise<Message> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('talk_messages')
          .values({
            id,
            conversation_id: conversation.id,
            author,
            staff_id: staffId,
            team_key_version: content.teamKeyVersion,
            body: JSON.stringify(content.body),
            key_team: content.keyTeam,
            key_person: content.keyPerson,
            size: bodySize(content),
            created_at: now,
          })
          .execute();
        if (author === 'person') {
          await trx
            .updateTable('talk_conversations')
            .set({ status: sql<string>`case when assigned_to is null then 'new' else 'open' end`, updated_at: now, last_person_at: now, ...(language ? { language } : {}) })
            .where('id', '=', conversation.id)
            .execute();
        } else {
          await trx.updateTable('talk_conversations').set({ status: 'waiting', updated_at: now, last_staff_at: now }).where('id', '=', conversation.id).execute();
        }
      });
      return { id, conversationId: conversation.id, author, staffId, createdAt: now, ...content };
    },

    async message(conversationId: string, id: string): Promise<Message | undefined> {
      const row = await db.selectFrom('talk_messages').selectAll().where('id', '=', id).where('conversation_id', '=', conversationId).executeTakeFirst();
      return row && { id: row.id, conversationId: row.conversation_id, author: row.author as Author, staffId: row.staff_id, createdAt: int(row.created_at), ...sealedOf(row) };
    },

    /** The latest `limit` messages, oldest first. */
    async messages(conversationId: string, limit = 500): Promise<Message[]> {
      const rows = await db.selectFrom('talk_messages').selectAll().where('conversation_id', '=', conversationId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.reverse().map((row) => ({ id: row.id, conversationId, author: row.author as Author, staffId: row.staff_id, createdAt: int(row.created_at), ...sealedOf(row) }));
    },

    async countMessages(conversationId: string): Promise<number> {
      const row = await db.selectFrom('talk_messages').select((eb) => eb.fn.countAll<number | string>().as('n')).where('conversation_id', '=', conversationId).executeTakeFirstOrThrow();
      return int(row.n);
    },

    async addShare(conversationId: string, id: string, content: SealedContent, now: number): Promise<Share> {
      await db
        .insertInto('talk_shares')
        .values({ id, conversation_id: conversationId, team_key_version: content.teamKeyVersion, body: JSON.stringify(content.body), key_team: content.keyTeam, key_person: content.keyPerson, size: bodySize(content), created_at: now })
        .execute();
      await db.updateTable('talk_conversations').set({ updated_at: now }).where('id', '=', conversationId).execute();
      return { id, createdAt: now, ...content };
    },

    async shares(conversationId: string): Promise<Share[]> {
      const rows = await db.selectFrom('talk_shares').selectAll().where('conversation_id', '=', conversationId).orderBy('created_at').execute();
      return rows.map((row) => ({ id: row.id, createdAt: int(row.created_at), ...sealedOf(row) }));
    },

    async countShares(conversationId: string): Promise<number> {
      const row = await db.selectFrom('talk_shares').select((eb) => eb.fn.countAll<number | string>().as('n')).where('conversation_id', '=', conversationId).executeTakeFirstOrThrow();
      return int(row.n);
    },

    /** Ends a share: the ciphertext is deleted, not hidden. False when this conversation has no such share. */
    async deleteShare(conversationId: string, id: string): Promise<boolean> {
      const result = await db.deleteFrom('talk_shares').where('id', '=', id).where('conversation_id', '=', conversationId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async queue(view: QueueView, staffId: string, limit = 200): Promise<Conversation[]> {
      let query = db.selectFrom('talk_conversations').selectAll();
      if (view === 'new') query = query.where('status', '=', 'new');
      else if (view === 'mine') query = query.where('assigned_to', '=', staffId).where('status', 'in', ['new', 'open', 'waiting']);
      else if (view === 'waiting') query = query.where('status', '=', 'waiting');
      else query = query.where('status', '=', 'closed');
      // Oldest first while waiting for the helpline (fairness); most recent first for the rest.
      const direction = view === 'new' ? 'asc' : 'desc';
      const rows = await query.orderBy('updated_at', direction).limit(limit).execute();
      return rows.map((row) => toConversation(row as unknown as Record<string, unknown>));
    },

    async counts(staffId: string): Promise<Record<QueueView, number>> {
      const rows = await db
        .selectFrom('talk_conversations')
        .select(['status', (eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.sum<number | string>(sql`case when assigned_to = ${staffId} then 1 else 0 end`).as('mine')])
        .groupBy('status')
        .execute();
      const counts: Record<QueueView, number> = { new: 0, mine: 0, waiting: 0, closed: 0 };
      for (const row of rows) {
        const n = int(row.n);
        if (row.status === 'new') counts.new = n;
        if (row.status === 'waiting') counts.waiting = n;
        if (row.status === 'closed') counts.closed = n;
        if (row.status !== 'closed') counts.mine += int(row.mine ?? 0);
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
          status: staffId === null ? sql<string>`case when status = 'closed' then 'closed' else 'new' end` : sql<string>`case when status = 'new' then 'open' else status end`,
        })
        .where('id', '=', id)
        .execute();
    },

    async setStatus(id: string, status: ConversationStatus, now: number): Promise<void> {
      await db.updateTable('talk_conversations').set({ status, updated_at: now }).where('id', '=', id).execute();
    },

    async setRisk(id: string, level: RiskLevel | null, reason: string | null, teamKeyVersion: number | null, now: number): Promise<void> {
      await db.updateTable('talk_conversations').set({ risk_level: level, risk_reason: reason, risk_team_key_version: teamKeyVersion, updated_at: now }).where('id', '=', id).execute();
    },

    async addNote(conversationId: string, note: Omit<Note, 'id' | 'createdAt'>, now: number): Promise<Note> {
      const id = randomUUID();
      await db
        .insertInto('talk_notes')
        .values({ id, conversation_id: conversationId, staff_id: note.staffId, kind: note.kind, agency: note.agency, team_key_version: note.teamKeyVersion, sealed: note.sealed, created_at: now })
        .execute();
      return { id, createdAt: now, ...note };
    },

    async notes(conversationId: string): Promise<Note[]> {
      const rows = await db.selectFrom('talk_notes').selectAll().where('conversation_id', '=', conversationId).orderBy('created_at').execute();
      return rows.map((row) => ({ id: row.id, staffId: row.staff_id, kind: row.kind as Note['kind'], agency: row.agency, teamKeyVersion: row.team_key_version, sealed: row.sealed, createdAt: int(row.created_at) }));
    },

    async savedReplies(): Promise<SavedReply[]> {
      const rows = await db.selectFrom('talk_saved_replies').selectAll().orderBy('title').execute();
      return rows.map((row) => ({ id: row.id, title: row.title, body: row.body, createdBy: row.created_by, createdAt: int(row.created_at) }));
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
      const rows = await db.selectFrom('staff_accounts').select(['id', 'display_name', 'roles']).where('status', '=', 'active').orderBy('display_name').execute();
      return rows.filter((row) => row.roles.split(',').includes('caseworker')).map((row) => ({ id: row.id, displayName: row.display_name }));
    },
  };
}

export type ConversationsRepository = ReturnType<typeof createConversationsRepository>;

import type { Kysely } from 'kysely';

// Conversations with the helpline (docs/messaging.md). The server holds ciphertext, sealed keys and routing facts
// only: which conversation, its state in the queue, who is answering it. A person is known only by a keyed hash of
// the access token their conversation code derives; never by an account, an address or a name. Timestamps are
// integer milliseconds.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('talk_conversations')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    // HMAC-SHA-256 of the access token under the server secret: looked up, never reversed.
    .addColumn('token_hash', 'varchar(64)', (col) => col.notNull().unique())
    // The person's X25519 public key (base64url): staff replies are sealed to it as well as to the team.
    .addColumn('person_public_key', 'varchar(64)', (col) => col.notNull())
    .addColumn('status', 'varchar(16)', (col) => col.notNull()) // new | open | waiting | closed
    .addColumn('assigned_to', 'varchar(36)')
    .addColumn('risk_level', 'varchar(16)') // null | raised | high
    .addColumn('risk_reason', 'text') // sealed to the team key
    .addColumn('risk_team_key_version', 'integer')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addColumn('last_person_at', 'bigint')
    .addColumn('last_staff_at', 'bigint')
    .execute();
  await db.schema.createIndex('talk_conversations_status').on('talk_conversations').columns(['status', 'updated_at']).execute();
  await db.schema.createIndex('talk_conversations_assigned').on('talk_conversations').columns(['assigned_to', 'status']).execute();

  // One message: `body` is AES-256-GCM under a fresh content key; that key is sealed to the team's key version and
  // to the person's key, so both sides (and only they) can read it.
  await db.schema
    .createTable('talk_messages')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('conversation_id', 'varchar(36)', (col) => col.notNull().references('talk_conversations.id').onDelete('cascade'))
    .addColumn('author', 'varchar(8)', (col) => col.notNull()) // person | staff
    .addColumn('staff_id', 'varchar(36)')
    .addColumn('team_key_version', 'integer', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('key_team', 'text', (col) => col.notNull())
    .addColumn('key_person', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('talk_messages_conversation').on('talk_messages').columns(['conversation_id', 'created_at']).execute();

  // Diary entries the person chose to share. Ending a share deletes the row (the ciphertext goes with it).
  await db.schema
    .createTable('talk_shares')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('conversation_id', 'varchar(36)', (col) => col.notNull().references('talk_conversations.id').onDelete('cascade'))
    .addColumn('team_key_version', 'integer', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('key_team', 'text', (col) => col.notNull())
    .addColumn('key_person', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('talk_shares_conversation').on('talk_shares').column('conversation_id').execute();

  // Internal notes and referral reasons: sealed to the team key alone, never shown to the person.
  await db.schema
    .createTable('talk_notes')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('conversation_id', 'varchar(36)', (col) => col.notNull().references('talk_conversations.id').onDelete('cascade'))
    .addColumn('staff_id', 'varchar(36)', (col) => col.notNull())
    .addColumn('kind', 'varchar(16)', (col) => col.notNull()) // note | referral | risk
    .addColumn('agency', 'varchar(32)') // for referrals: paladin | police | idva | mash | other
    .addColumn('team_key_version', 'integer', (col) => col.notNull())
    .addColumn('sealed', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('talk_notes_conversation').on('talk_notes').columns(['conversation_id', 'created_at']).execute();

  // Saved replies are the team's own standard wording, written by staff for everyone: no one's personal details.
  await db.schema
    .createTable('talk_saved_replies')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('title', 'varchar(100)', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_by', 'varchar(36)', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['talk_saved_replies', 'talk_notes', 'talk_shares', 'talk_messages', 'talk_conversations']) {
    await db.schema.dropTable(table).execute();
  }
}

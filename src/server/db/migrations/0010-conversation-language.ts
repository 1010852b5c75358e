import type { Kysely } from 'kysely';

// The language a person writes to the helpline in (docs/welsh.md): set from the page they write from
// (/talk/helpline or /cy/talk/helpline), so a caseworker sees it. Existing conversations were all English.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('talk_conversations')
    .addColumn('language', 'varchar(2)', (col) => col.notNull().defaultTo('en'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('talk_conversations').dropColumn('language').execute();
}

import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';
import { binaryType, isSqlite } from './column-types.ts';

// Peer-support forums (docs/forums.md). Members hang off vault accounts, so deleting the account deletes the
// membership, every post, picture, flag, follow and notification with it (foreign keys cascade). Search is
// the database's own: FTS5 on SQLite, a generated tsvector with a GIN index on PostgreSQL.

const BOARDS: [id: string, forum: string, title: string, description: string][] = [
  ['introductions', 'victims', 'Introductions', 'Say hello, if you want to, and find your way around.'],
  ['living-with-it', 'victims', 'Living with stalking and harassment', 'Day-to-day life, what helps and what does not.'],
  ['police-and-courts', 'victims', 'Police, courts and orders', 'Reporting, statements, protection orders, going to court.'],
  ['online-and-tech', 'victims', 'Online safety and technology', 'Accounts, phones, tracking devices and social media.'],
  ['looking-after-yourself', 'victims', 'Looking after yourself', 'Sleep, worry, work, family and getting support.'],
  ['friends-and-family', 'victims', 'Friends and family', 'For people supporting someone who is being stalked.'],
  ['practice', 'professionals', 'Practice questions', 'Risk assessment, safety planning and casework questions.'],
  ['multi-agency', 'professionals', 'Working together', 'Police, IDVAs, solicitors and support services working together.'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = isSqlite(db);
  const serial = sqlite ? 'integer' : 'serial';
  const pk = (col: ColumnDefinitionBuilder) => (sqlite ? col.primaryKey().autoIncrement() : col.primaryKey());
  const memberRef = (col: ColumnDefinitionBuilder) => col.notNull().references('forum_members.id').onDelete('cascade');

  await db.schema
    .createTable('forum_members')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('account_id', 'varchar(36)', (col) => col.notNull().unique().references('vault_accounts.id').onDelete('cascade'))
    .addColumn('name', 'varchar(24)', (col) => col.notNull())
    .addColumn('name_key', 'varchar(24)', (col) => col.notNull().unique())
    .addColumn('professional_status', 'varchar(12)', (col) => col.notNull().defaultTo('none'))
    .addColumn('professional_role', 'varchar(20)')
    .addColumn('professional_note', 'varchar(300)')
    .addColumn('status', 'varchar(12)', (col) => col.notNull().defaultTo('active'))
    .addColumn('suspended_until', 'bigint')
    .addColumn('approved_posts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('joined_at', 'bigint', (col) => col.notNull())
    .addColumn('last_visit_at', 'bigint', (col) => col.notNull())
    .addColumn('previous_visit_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('forum_members_professional').on('forum_members').columns(['professional_status', 'joined_at']).execute();

  await db.schema
    .createTable('forum_boards')
    .addColumn('id', 'varchar(40)', (col) => col.primaryKey())
    .addColumn('forum', 'varchar(16)', (col) => col.notNull())
    .addColumn('title', 'varchar(100)', (col) => col.notNull())
    .addColumn('description', 'varchar(300)', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .execute();
  for (const [i, [id, forum, title, description]] of BOARDS.entries()) {
    await sql`insert into forum_boards (id, forum, title, description, position) values (${id}, ${forum}, ${title}, ${description}, ${i})`.execute(
      db,
    );
  }

  await db.schema
    .createTable('forum_topics')
    .addColumn('id', serial, pk)
    .addColumn('board_id', 'varchar(40)', (col) => col.notNull().references('forum_boards.id'))
    .addColumn('member_id', 'varchar(36)', memberRef)
    .addColumn('title', 'varchar(200)', (col) => col.notNull())
    .addColumn('status', 'varchar(12)', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('last_post_at', 'bigint', (col) => col.notNull())
    .addColumn('reply_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('forum_topics_board').on('forum_topics').columns(['board_id', 'status', 'last_post_at', 'id']).execute();
  await db.schema.createIndex('forum_topics_member').on('forum_topics').column('member_id').execute();

  await db.schema
    .createTable('forum_posts')
    .addColumn('id', serial, pk)
    .addColumn('topic_id', 'integer', (col) => col.notNull().references('forum_topics.id').onDelete('cascade'))
    .addColumn('member_id', 'varchar(36)', memberRef)
    .addColumn('is_opening', 'integer', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('body_html', 'text', (col) => col.notNull())
    .addColumn('search_text', 'text', (col) => col.notNull())
    .addColumn('status', 'varchar(12)', (col) => col.notNull())
    .addColumn('priority', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('crisis', 'varchar(40)')
    .addColumn('held_reason', 'varchar(300)')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('edited_at', 'bigint')
    .addColumn('moderator_note', 'varchar(500)')
    .addColumn('removal_reason', 'varchar(1000)')
    .execute();
  await db.schema.createIndex('forum_posts_topic').on('forum_posts').columns(['topic_id', 'id']).execute();
  await db.schema.createIndex('forum_posts_member').on('forum_posts').columns(['member_id', 'created_at']).execute();
  await db.schema.createIndex('forum_posts_queue').on('forum_posts').columns(['status', 'priority', 'created_at']).execute();

  await db.schema
    .createTable('forum_images')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('post_id', 'integer', (col) => col.notNull().references('forum_posts.id').onDelete('cascade'))
    .addColumn('type', 'varchar(20)', (col) => col.notNull())
    .addColumn('width', 'integer', (col) => col.notNull())
    .addColumn('height', 'integer', (col) => col.notNull())
    .addColumn('bytes', binaryType(db), (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('forum_images_post').on('forum_images').column('post_id').execute();

  await db.schema
    .createTable('forum_flags')
    .addColumn('id', serial, pk)
    .addColumn('post_id', 'integer', (col) => col.notNull().references('forum_posts.id').onDelete('cascade'))
    .addColumn('member_id', 'varchar(36)', memberRef)
    .addColumn('reason', 'varchar(20)', (col) => col.notNull())
    .addColumn('detail', 'varchar(500)')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('resolved_at', 'bigint')
    .addUniqueConstraint('forum_flags_once', ['post_id', 'member_id'])
    .execute();
  await db.schema.createIndex('forum_flags_open').on('forum_flags').columns(['resolved_at', 'created_at']).execute();

  await db.schema
    .createTable('forum_follows')
    .addColumn('member_id', 'varchar(36)', memberRef)
    .addColumn('topic_id', 'integer', (col) => col.notNull().references('forum_topics.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('forum_follows_pk', ['member_id', 'topic_id'])
    .execute();
  await db.schema.createIndex('forum_follows_topic').on('forum_follows').column('topic_id').execute();

  await db.schema
    .createTable('forum_reads')
    .addColumn('member_id', 'varchar(36)', memberRef)
    .addColumn('topic_id', 'integer', (col) => col.notNull().references('forum_topics.id').onDelete('cascade'))
    .addColumn('read_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('forum_reads_pk', ['member_id', 'topic_id'])
    .execute();

  await db.schema
    .createTable('forum_notifications')
    .addColumn('id', serial, pk)
    .addColumn('member_id', 'varchar(36)', memberRef)
    .addColumn('kind', 'varchar(20)', (col) => col.notNull())
    .addColumn('topic_id', 'integer', (col) => col.references('forum_topics.id').onDelete('cascade'))
    .addColumn('post_id', 'integer')
    .addColumn('detail', 'varchar(1000)')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('read_at', 'bigint')
    .execute();
  await db.schema.createIndex('forum_notifications_member').on('forum_notifications').columns(['member_id', 'id']).execute();

  await db.schema
    .createTable('forum_filters')
    .addColumn('id', serial, pk)
    .addColumn('kind', 'varchar(8)', (col) => col.notNull())
    .addColumn('pattern', 'varchar(200)', (col) => col.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addUniqueConstraint('forum_filters_once', ['kind', 'pattern'])
    .execute();

  if (sqlite) {
    await sql`create virtual table forum_posts_fts using fts5(search_text, content='forum_posts', content_rowid='id', tokenize='porter unicode61')`.execute(
      db,
    );
    await sql`create trigger forum_posts_fts_insert after insert on forum_posts begin insert into forum_posts_fts(rowid, search_text) values (new.id, new.search_text); end`.execute(
      db,
    );
    await sql`create trigger forum_posts_fts_delete after delete on forum_posts begin insert into forum_posts_fts(forum_posts_fts, rowid, search_text) values ('delete', old.id, old.search_text); end`.execute(
      db,
    );
    await sql`create trigger forum_posts_fts_update after update of search_text on forum_posts begin insert into forum_posts_fts(forum_posts_fts, rowid, search_text) values ('delete', old.id, old.search_text); insert into forum_posts_fts(rowid, search_text) values (new.id, new.search_text); end`.execute(
      db,
    );
  } else {
    await sql`alter table forum_posts add column search tsvector generated always as (to_tsvector('english', search_text)) stored`.execute(
      db,
    );
    await sql`create index forum_posts_search on forum_posts using gin (search)`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) await sql`drop table if exists forum_posts_fts`.execute(db);
  for (const table of [
    'forum_filters',
    'forum_notifications',
    'forum_reads',
    'forum_follows',
    'forum_flags',
    'forum_images',
    'forum_posts',
    'forum_topics',
    'forum_boards',
    'forum_members',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

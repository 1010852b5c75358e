import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../../db/database.ts';
import type { Schema } from '../../db/schema.ts';
import type { Forum } from './records.ts';

/** Search: the full-text index is FTS5 on SQLite (kept by trigger) and a generated tsvector column on PostgreSQL. */
export function createSearchRepository(db: Kysely<Schema>, dialect: DialectName) {
  return {
    /** Published posts matching the words, best first; the caller passes the forums this reader may see. */
    async search(query: string, forums: Forum[], limit: number) {
      const words =
        query
          .toLowerCase()
          .match(/[\p{L}\p{N}]+/gu)
          ?.slice(0, 8) ?? [];
      if (!words.length || !forums.length) return [];
      const base = db
        .selectFrom('forum_posts')
        .innerJoin('forum_topics', 'forum_topics.id', 'forum_posts.topic_id')
        .innerJoin('forum_boards', 'forum_boards.id', 'forum_topics.board_id')
        .innerJoin('forum_members', 'forum_members.id', 'forum_posts.member_id')
        .select([
          'forum_posts.id',
          'forum_posts.topic_id',
          'forum_posts.search_text',
          'forum_posts.created_at',
          'forum_topics.title as topic_title',
          'forum_boards.title as board_title',
          'forum_members.name as author_name',
        ])
        .where('forum_posts.status', '=', 'published')
        .where('forum_topics.status', '=', 'published')
        .where('forum_boards.forum', 'in', forums);
      const rows =
        dialect === 'sqlite'
          ? await base
              .innerJoin(
                sql<{
                  rowid: number;
                  rank: number;
                }>`(select rowid, rank from forum_posts_fts where forum_posts_fts match ${words.map((w) => `"${w}"*`).join(' ')})`.as(
                  'hits',
                ),
                'hits.rowid',
                'forum_posts.id',
              )
              .orderBy(sql`hits.rank`)
              .limit(limit)
              .execute()
          : await base
              .where(sql<boolean>`forum_posts.search @@ to_tsquery('english', ${words.map((w) => `${w}:*`).join(' & ')})`)
              .orderBy(sql`ts_rank(forum_posts.search, to_tsquery('english', ${words.map((w) => `${w}:*`).join(' & ')}))`, 'desc')
              .limit(limit)
              .execute();
      return rows.map((r) => ({
        postId: r.id,
        topicId: r.topic_id,
        topicTitle: r.topic_title,
        boardTitle: r.board_title,
        authorName: r.author_name,
        createdAt: r.created_at,
        text: r.search_text,
        words,
      }));
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;

import { type Kysely, sql } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { type Changed, POST_COLUMNS, type Post, type PostStatus, type Row, toPost } from './records.ts';
import { afterPublish, bumpTopic, refreshTopic } from './topic-writes.ts';

/** Moderation: members' reports (flags) in, the queue, moderators' decisions on posts, and the word and link filters. */
export function createModerationRepository(db: Kysely<Schema>, changed: Changed) {
  return {
    async flag(postId: number, memberId: string, reason: string, detail: string | null, now: number): Promise<boolean> {
      const result = await db
        .insertInto('forum_flags')
        .values({ post_id: postId, member_id: memberId, reason, detail, created_at: now })
        .onConflict((oc) => oc.columns(['post_id', 'member_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async flagsToday(memberId: string, now: number): Promise<number> {
      const row = await db
        .selectFrom('forum_flags')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('member_id', '=', memberId)
        .where('created_at', '>', now - 86_400_000)
        .executeTakeFirst();
      return row?.n ?? 0;
    },

    async queue(limit = 100) {
      const rows = await db
        .selectFrom('forum_posts')
        .innerJoin('forum_topics', 'forum_topics.id', 'forum_posts.topic_id')
        .innerJoin('forum_members', 'forum_members.id', 'forum_posts.member_id')
        .leftJoin(
          db
            .selectFrom('forum_flags')
            .select((eb) => ['post_id', eb.fn.countAll<number>().as('flag_count'), eb.fn.min('created_at').as('first_flag_at')])
            .where('resolved_at', 'is', null)
            .groupBy('post_id')
            .as('flags'),
          'flags.post_id',
          'forum_posts.id',
        )
        .select([
          ...POST_COLUMNS,
          'forum_topics.title as topic_title',
          'forum_topics.board_id',
          'forum_members.name as author_name',
          'forum_members.approved_posts',
          'flags.flag_count',
          'flags.first_flag_at',
        ])
        .where((eb) => eb.or([eb('forum_posts.status', '=', 'held'), eb('flags.flag_count', '>', 0)]))
        .orderBy('forum_posts.priority', 'desc')
        .orderBy(sql`coalesce(flags.first_flag_at, forum_posts.created_at)`)
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        ...toPost(r as unknown as Row),
        topicTitle: r.topic_title,
        boardId: r.board_id,
        authorName: r.author_name,
        approvedPosts: r.approved_posts,
        flagCount: r.flag_count ?? 0,
      }));
    },

    async openFlags(postId: number) {
      const rows = await db
        .selectFrom('forum_flags')
        .select(['reason', 'detail', 'created_at'])
        .where('post_id', '=', postId)
        .where('resolved_at', 'is', null)
        .orderBy('created_at')
        .execute();
      return rows.map((r) => ({ reason: r.reason, detail: r.detail, createdAt: r.created_at }));
    },

    /**
     * A moderator's decision on a post. Approving a held post publishes it (and counts towards its author's
     * standing); hiding keeps it for the record but out of sight; removing tells the author why. Every
     * decision resolves the post's open flags.
     */
    async moderate(
      post: Post,
      decision: {
        status: PostStatus;
        note?: string | null;
        body?: { body: string; bodyHtml: string; searchText: string };
        reason?: string | null;
      },
      now: number,
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const wasHeld = post.status === 'held';
        await trx
          .updateTable('forum_posts')
          .set({
            status: decision.status,
            priority: 0,
            ...(decision.note !== undefined ? { moderator_note: decision.note } : {}),
            ...(decision.reason !== undefined ? { removal_reason: decision.reason } : {}),
            ...(decision.body
              ? { body: decision.body.body, body_html: decision.body.bodyHtml, search_text: decision.body.searchText }
              : {}),
          })
          .where('id', '=', post.id)
          .execute();
        await trx
          .updateTable('forum_flags')
          .set({ resolved_at: now })
          .where('post_id', '=', post.id)
          .where('resolved_at', 'is', null)
          .execute();
        if (wasHeld && decision.status === 'published') {
          await trx
            .updateTable('forum_members')
            .set((eb) => ({ approved_posts: eb('approved_posts', '+', 1) }))
            .where('id', '=', post.memberId)
            .execute();
          if (!post.isOpening) await afterPublish(trx, post.topicId, post.id, post.memberId, now);
        }
        await refreshTopic(trx, post.topicId);
        await bumpTopic(trx, post.topicId);
      });
      changed({ topicId: post.topicId });
    },

    async filters() {
      const rows = await db
        .selectFrom('forum_filters')
        .select(['id', 'kind', 'pattern', 'created_at'])
        .orderBy('kind')
        .orderBy('pattern')
        .execute();
      return rows.map((r) => ({ id: r.id, kind: r.kind as 'word' | 'link', pattern: r.pattern, createdAt: r.created_at }));
    },

    async addFilter(kind: 'word' | 'link', pattern: string, staffId: string, now: number): Promise<number | undefined> {
      const row = await db
        .insertInto('forum_filters')
        .values({ kind, pattern, created_by: staffId, created_at: now })
        .onConflict((oc) => oc.columns(['kind', 'pattern']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return row?.id;
    },

    async removeFilter(id: number): Promise<boolean> {
      const result = await db.deleteFrom('forum_filters').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type ModerationRepository = ReturnType<typeof createModerationRepository>;

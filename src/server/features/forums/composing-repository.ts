import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import type { Changed, Db, NewPost, Post, PostStatus } from './records.ts';
import { afterPublish, insertImages, refreshTopic } from './topic-writes.ts';

/** Composing: new topics and replies, the author's own changes and deletes, and the counts the posting limits need. */
export function createComposingRepository(db: Kysely<Schema>, changed: Changed) {
  async function insertPost(trx: Db, topicId: number, isOpening: boolean, post: NewPost, now: number): Promise<number> {
    const inserted = await trx
      .insertInto('forum_posts')
      .values({
        topic_id: topicId,
        member_id: post.member.id,
        is_opening: isOpening ? 1 : 0,
        body: post.body,
        body_html: post.bodyHtml,
        search_text: post.searchText,
        status: post.status,
        priority: post.priority,
        crisis: post.crisis,
        held_reason: post.heldReason,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const postId = inserted.id;
    await insertImages(trx, postId, post.images, now);
    return postId;
  }

  return {
    async createTopic(boardId: string, title: string, post: NewPost, now: number): Promise<{ topicId: number; postId: number }> {
      return db.transaction().execute(async (trx) => {
        const topic = await trx
          .insertInto('forum_topics')
          .values({ board_id: boardId, member_id: post.member.id, title, status: post.status, created_at: now, last_post_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        const topicId = topic.id;
        const postId = await insertPost(trx, topicId, true, post, now);
        await trx.insertInto('forum_follows').values({ member_id: post.member.id, topic_id: topicId }).execute();
        return { topicId, postId };
      });
    },

    async createReply(topicId: number, post: NewPost, now: number): Promise<number> {
      const postId = await db.transaction().execute(async (trx) => {
        const id = await insertPost(trx, topicId, false, post, now);
        if (post.status === 'published') await afterPublish(trx, topicId, id, post.member.id, now);
        return id;
      });
      changed({ topicId });
      return postId;
    },

    async recentPostCounts(memberId: string, now: number): Promise<{ lastTenMinutes: number; lastDay: number }> {
      const row = await db
        .selectFrom('forum_posts')
        .select((eb) => [
          eb.fn.countAll<number>().as('day'),
          eb.fn
            .sum<number>(
              eb
                .case()
                .when('created_at', '>', now - 10 * 60_000)
                .then(1)
                .else(0)
                .end(),
            )
            .as('recent'),
        ])
        .where('member_id', '=', memberId)
        .where('created_at', '>', now - 24 * 60 * 60_000)
        .executeTakeFirst();
      return { lastTenMinutes: row?.recent ?? 0, lastDay: row?.day ?? 0 };
    },

    /** The author's change, with pictures taken out (ids of this post's own) and added (already cleaned). */
    async editPost(
      post: Post,
      change: {
        body: string;
        bodyHtml: string;
        searchText: string;
        title?: string;
        status: PostStatus;
        priority: number;
        crisis: string | null;
        heldReason: string | null;
        removeImageIds: readonly string[];
        addImages: NewPost['images'];
      },
      now: number,
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('forum_posts')
          .set({
            body: change.body,
            body_html: change.bodyHtml,
            search_text: change.searchText,
            status: change.status,
            priority: change.priority,
            crisis: change.crisis,
            held_reason: change.heldReason,
            edited_at: now,
          })
          .where('id', '=', post.id)
          .execute();
        if (change.removeImageIds.length > 0) {
          await trx
            .deleteFrom('forum_images')
            .where('post_id', '=', post.id)
            .where('id', 'in', [...change.removeImageIds])
            .execute();
        }
        await insertImages(trx, post.id, change.addImages, now);
        if (change.title !== undefined)
          await trx.updateTable('forum_topics').set({ title: change.title }).where('id', '=', post.topicId).execute();
        await refreshTopic(trx, post.topicId);
      });
      changed({ topicId: post.topicId });
    },

    /** The author's delete: a reply goes for good; an opening post takes its topic (and replies) with it. */
    async deletePost(post: Post): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (post.isOpening) {
          await trx.deleteFrom('forum_topics').where('id', '=', post.topicId).execute();
          return;
        }
        await trx.deleteFrom('forum_posts').where('id', '=', post.id).execute();
        await refreshTopic(trx, post.topicId);
      });
      changed({ topicId: post.topicId });
    },
  };
}

export type ComposingRepository = ReturnType<typeof createComposingRepository>;

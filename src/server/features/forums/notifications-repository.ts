import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import type { Db } from './records.ts';

/** Follows and notifications (inside Casebook only: no email, no push). Replies reach followers in topic-writes.ts. */
export function createNotificationsRepository(db: Kysely<Schema>) {
  return {
    async isFollowing(memberId: string, topicId: number): Promise<boolean> {
      return Boolean(
        await db
          .selectFrom('forum_follows')
          .select('topic_id')
          .where('member_id', '=', memberId)
          .where('topic_id', '=', topicId)
          .executeTakeFirst(),
      );
    },

    async setFollow(memberId: string, topicId: number, follow: boolean): Promise<void> {
      if (follow) {
        await db
          .insertInto('forum_follows')
          .values({ member_id: memberId, topic_id: topicId })
          .onConflict((oc) => oc.doNothing())
          .execute();
      } else {
        await db.deleteFrom('forum_follows').where('member_id', '=', memberId).where('topic_id', '=', topicId).execute();
      }
    },

    async notify(
      memberId: string,
      kind: string,
      topicId: number | null,
      postId: number | null,
      detail: string | null,
      now: number,
      trx: Db = db,
    ): Promise<void> {
      await trx
        .insertInto('forum_notifications')
        .values({ member_id: memberId, kind, topic_id: topicId, post_id: postId, detail, created_at: now })
        .execute();
    },

    async unreadNotifications(memberId: string): Promise<number> {
      const row = await db
        .selectFrom('forum_notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('member_id', '=', memberId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return row?.n ?? 0;
    },

    async notifications(memberId: string, limit = 50) {
      const rows = await db
        .selectFrom('forum_notifications')
        .leftJoin('forum_topics', 'forum_topics.id', 'forum_notifications.topic_id')
        .select([
          'forum_notifications.id',
          'forum_notifications.kind',
          'forum_notifications.topic_id',
          'forum_notifications.post_id',
          'forum_notifications.detail',
          'forum_notifications.created_at',
          'forum_notifications.read_at',
          'forum_topics.title as topic_title',
        ])
        .where('forum_notifications.member_id', '=', memberId)
        .orderBy('forum_notifications.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        topicId: r.topic_id,
        postId: r.post_id,
        detail: r.detail,
        createdAt: r.created_at,
        unread: r.read_at === null,
        topicTitle: r.topic_title,
      }));
    },

    async markNotificationsRead(memberId: string, now: number): Promise<void> {
      await db
        .updateTable('forum_notifications')
        .set({ read_at: now })
        .where('member_id', '=', memberId)
        .where('read_at', 'is', null)
        .execute();
    },
  };
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;

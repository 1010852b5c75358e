import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, NewPost } from './records.ts';

/**
 * The writes several parts of the forums make to a topic (composing, moderation, a member leaving). Each bumps
 * the topic's version, which keys the cached topic pages.
 */

export const bumpTopic = (trx: Db, topicId: number) =>
  trx
    .updateTable('forum_topics')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', topicId)
    .execute();

export async function insertImages(trx: Db, postId: number, images: NewPost['images'], now: number): Promise<void> {
  for (const image of images) {
    await trx
      .insertInto('forum_images')
      .values({
        id: randomUUID(),
        post_id: postId,
        type: image.type,
        width: image.width,
        height: image.height,
        bytes: image.bytes,
        created_at: now,
      })
      .execute();
  }
}

/** Recounts a topic's replies and last activity, from its published posts. */
export async function refreshTopic(trx: Db, topicId: number): Promise<void> {
  const stats = await trx
    .selectFrom('forum_posts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('created_at').as('last')])
    .where('topic_id', '=', topicId)
    .where('status', '=', 'published')
    .where('is_opening', '=', 0)
    .executeTakeFirst();
  const opening = await trx
    .selectFrom('forum_posts')
    .select(['status', 'created_at'])
    .where('topic_id', '=', topicId)
    .where('is_opening', '=', 1)
    .executeTakeFirst();
  await trx
    .updateTable('forum_topics')
    .set((eb) => ({
      reply_count: stats?.n ?? 0,
      last_post_at: Math.max(stats?.last ?? 0, opening?.created_at ?? 0),
      status: opening?.status ?? 'removed',
      version: eb('version', '+', 1),
    }))
    .where('id', '=', topicId)
    .execute();
}

/** A reply became visible: count it, bump the topic, tell followers (not the author). */
export async function afterPublish(trx: Db, topicId: number, postId: number, authorId: string, now: number): Promise<void> {
  await trx
    .updateTable('forum_topics')
    .set((eb) => ({ reply_count: eb('reply_count', '+', 1), last_post_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', topicId)
    .execute();
  await sql`insert into forum_notifications (member_id, kind, topic_id, post_id, created_at)
    select member_id, 'reply', ${topicId}, ${postId}, ${now} from forum_follows where topic_id = ${topicId} and member_id <> ${authorId}`.execute(
    trx,
  );
}

import { type Kysely, sql } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import {
  type Board,
  type Forum,
  POST_COLUMNS,
  type Post,
  type PostStatus,
  type PostView,
  PROFESSIONAL_ROLES,
  type ProfessionalRole,
  type Row,
  type Topic,
  toPost,
  toTopic,
} from './records.ts';

/** Reading: boards, topics keyset-paged, a topic's posts and pictures, read markers, and a member's own posts. */
export function createReadingRepository(db: Kysely<Schema>) {
  async function imagesFor(postIds: number[]): Promise<Map<number, PostView['images']>> {
    const map = new Map<number, PostView['images']>();
    if (!postIds.length) return map;
    const rows = await db
      .selectFrom('forum_images')
      .select(['id', 'post_id', 'width', 'height'])
      .where('post_id', 'in', postIds)
      .orderBy('created_at')
      .execute();
    for (const row of rows) {
      const list = map.get(row.post_id) ?? [];
      list.push({ id: row.id, width: row.width, height: row.height });
      map.set(row.post_id, list);
    }
    return map;
  }

  async function withAuthors(rows: Row[]): Promise<PostView[]> {
    const images = await imagesFor(rows.map((r) => r.id as number));
    return rows.map((row) => {
      const post = toPost(row);
      const role = row.professional_status === 'approved' ? (PROFESSIONAL_ROLES[row.professional_role as ProfessionalRole] ?? null) : null;
      return { ...post, authorName: row.author_name as string, authorRole: role, images: images.get(post.id) ?? [] };
    });
  }

  return {
    async boards(): Promise<Board[]> {
      const rows = await db.selectFrom('forum_boards').select(['id', 'forum', 'title', 'description']).orderBy('position').execute();
      return rows.map((r) => ({ ...r, forum: r.forum as Forum }));
    },

    async boardActivity(since: number): Promise<Map<string, { topics: number; fresh: number }>> {
      const rows = await db
        .selectFrom('forum_topics')
        .select((eb) => [
          'board_id',
          eb.fn.countAll<number>().as('topics'),
          eb.fn.sum<number>(eb.case().when('last_post_at', '>', since).then(1).else(0).end()).as('fresh'),
        ])
        .where('status', '=', 'published')
        .groupBy('board_id')
        .execute();
      return new Map(rows.map((r) => [r.board_id, { topics: r.topics, fresh: r.fresh }]));
    },

    /** Topics newest activity first, keyset-paged on (last_post_at, id), with the reader's last read time. */
    async topics(boardId: string, memberId: string, before: { at: number; id: number } | undefined, limit: number) {
      let query = db
        .selectFrom('forum_topics')
        .innerJoin('forum_members', 'forum_members.id', 'forum_topics.member_id')
        .leftJoin('forum_reads', (join) =>
          join.onRef('forum_reads.topic_id', '=', 'forum_topics.id').on('forum_reads.member_id', '=', memberId),
        )
        .select([
          'forum_topics.id',
          'forum_topics.title',
          'forum_topics.reply_count',
          'forum_topics.last_post_at',
          'forum_topics.created_at',
          'forum_members.name as author_name',
          'forum_reads.read_at',
        ])
        .where('forum_topics.board_id', '=', boardId)
        .where('forum_topics.status', '=', 'published');
      if (before) {
        query = query.where((eb) =>
          eb.or([
            eb('forum_topics.last_post_at', '<', before.at),
            eb.and([eb('forum_topics.last_post_at', '=', before.at), eb('forum_topics.id', '<', before.id)]),
          ]),
        );
      }
      const rows = await query
        .orderBy('forum_topics.last_post_at', 'desc')
        .orderBy('forum_topics.id', 'desc')
        .limit(limit + 1)
        .execute();
      return {
        topics: rows.slice(0, limit).map((r) => ({
          id: r.id,
          title: r.title,
          replyCount: r.reply_count,
          lastPostAt: r.last_post_at,
          createdAt: r.created_at,
          authorName: r.author_name,
          readAt: r.read_at,
        })),
        more: rows.length > limit,
      };
    },

    async topic(id: number): Promise<Topic | undefined> {
      const row = await db.selectFrom('forum_topics').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toTopic(row as unknown as Row) : undefined;
    },

    /** The topic with its board's forum and this reader's read time and follow, in one query. */
    async topicForReader(id: number, memberId: string) {
      const row = await db
        .selectFrom('forum_topics')
        .innerJoin('forum_boards', 'forum_boards.id', 'forum_topics.board_id')
        .leftJoin('forum_reads', (join) =>
          join.onRef('forum_reads.topic_id', '=', 'forum_topics.id').on('forum_reads.member_id', '=', memberId),
        )
        .select([
          'forum_topics.id',
          'forum_topics.board_id',
          'forum_topics.member_id',
          'forum_topics.title',
          'forum_topics.status',
          'forum_topics.created_at',
          'forum_topics.last_post_at',
          'forum_topics.reply_count',
          'forum_topics.version',
          'forum_boards.forum',
          'forum_boards.title as board_title',
          'forum_reads.read_at',
        ])
        .where('forum_topics.id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      return { topic: toTopic(row as unknown as Row), forum: row.forum as Forum, boardTitle: row.board_title, readAt: row.read_at };
    },

    /**
     * The hot path of a topic page in one query: the session (by its hash), the member, the topic, its forum
     * and the reader's read time. The caller falls back to the full session check when the session needs
     * touching or has run out, so the vault's rules stay in one place.
     */
    async topicPageRead(sessionIdHash: string, topicId: number) {
      const result = await sql<{
        account_id: string;
        last_seen_at: number;
        expires_at: number;
        member_id: string;
        member_status: string;
        professional_status: string;
        suspended_until: number | null;
        topic_id: number | null;
        topic_status: string | null;
        topic_member_id: string | null;
        version: number | null;
        last_post_at: number | null;
        forum: string | null;
        board_title: string | null;
        read_at: number | null;
      }>`select s.account_id, s.last_seen_at, s.expires_at, m.id as member_id, m.status as member_status, m.professional_status, m.suspended_until,
          t.id as topic_id, t.status as topic_status, t.member_id as topic_member_id, t.version, t.last_post_at, b.forum, b.title as board_title, r.read_at
        from vault_sessions s
        join forum_members m on m.account_id = s.account_id
        left join forum_topics t on t.id = ${topicId}
        left join forum_boards b on b.id = t.board_id
        left join forum_reads r on r.member_id = m.id and r.topic_id = t.id
        where s.id_hash = ${sessionIdHash}`.execute(db);
      const row = result.rows[0];
      if (!row) return undefined;
      return {
        accountId: row.account_id,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
        memberId: row.member_id,
        memberStatus: row.member_status,
        professionalApproved: row.professional_status === 'approved',
        topic:
          row.topic_id === null
            ? undefined
            : {
                id: row.topic_id,
                status: row.topic_status as PostStatus,
                memberId: row.topic_member_id!,
                version: row.version!,
                lastPostAt: row.last_post_at!,
                forum: row.forum as Forum,
                boardTitle: row.board_title!,
              },
        readAt: row.read_at,
      };
    },

    async markRead(memberId: string, topicId: number, at: number): Promise<void> {
      await db
        .insertInto('forum_reads')
        .values({ member_id: memberId, topic_id: topicId, read_at: at })
        .onConflict((oc) => oc.columns(['member_id', 'topic_id']).doUpdateSet({ read_at: at }))
        .execute();
    },

    /** One page of a topic's published posts, keyset-paged on id in either direction. */
    async posts(
      topicId: number,
      page: { after?: number; before?: number },
      limit: number,
    ): Promise<{ posts: PostView[]; hasBefore: boolean; hasAfter: boolean }> {
      let query = db
        .selectFrom('forum_posts')
        .innerJoin('forum_members', 'forum_members.id', 'forum_posts.member_id')
        .select([
          ...POST_COLUMNS,
          'forum_members.name as author_name',
          'forum_members.professional_status',
          'forum_members.professional_role',
        ])
        .where('forum_posts.topic_id', '=', topicId)
        .where('forum_posts.status', 'in', ['published', 'hidden']);
      const backwards = page.before !== undefined;
      if (page.after !== undefined) query = query.where('forum_posts.id', '>', page.after);
      if (page.before !== undefined) query = query.where('forum_posts.id', '<', page.before);
      const rows = await query
        .orderBy('forum_posts.id', backwards ? 'desc' : 'asc')
        .limit(limit + 1)
        .execute();
      const more = rows.length > limit;
      const shown = rows.slice(0, limit);
      if (backwards) shown.reverse();
      const posts = await withAuthors(shown as unknown as Row[]);
      const firstId = posts[0]?.id;
      const lastId = posts.at(-1)?.id;
      const exists = async (op: '<' | '>', id: number | undefined) =>
        id !== undefined &&
        Boolean(
          await db
            .selectFrom('forum_posts')
            .select('id')
            .where('topic_id', '=', topicId)
            .where('status', 'in', ['published', 'hidden'])
            .where('id', op, id)
            .limit(1)
            .executeTakeFirst(),
        );
      return {
        posts,
        hasBefore: backwards ? more : page.after !== undefined && (await exists('<', firstId)),
        hasAfter: backwards ? await exists('>', lastId) : more,
      };
    },

    async post(id: number): Promise<Post | undefined> {
      const row = await db
        .selectFrom('forum_posts')
        .select([...POST_COLUMNS])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toPost(row as unknown as Row) : undefined;
    },

    async postView(id: number): Promise<PostView | undefined> {
      const row = await db
        .selectFrom('forum_posts')
        .innerJoin('forum_members', 'forum_members.id', 'forum_posts.member_id')
        .select([
          ...POST_COLUMNS,
          'forum_members.name as author_name',
          'forum_members.professional_status',
          'forum_members.professional_role',
        ])
        .where('forum_posts.id', '=', id)
        .executeTakeFirst();
      return row ? (await withAuthors([row as unknown as Row]))[0] : undefined;
    },

    async image(id: string): Promise<{ postId: number; type: string; bytes: Uint8Array } | undefined> {
      const row = await db.selectFrom('forum_images').select(['post_id', 'type', 'bytes']).where('id', '=', id).executeTakeFirst();
      return row ? { postId: row.post_id, type: row.type, bytes: row.bytes } : undefined;
    },

    async memberPosts(memberId: string, limit = 100): Promise<(Post & { topicTitle: string })[]> {
      const rows = await db
        .selectFrom('forum_posts')
        .innerJoin('forum_topics', 'forum_topics.id', 'forum_posts.topic_id')
        .select([...POST_COLUMNS, 'forum_topics.title as topic_title'])
        .where('forum_posts.member_id', '=', memberId)
        .orderBy('forum_posts.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ ...toPost(r as unknown as Row), topicTitle: r.topic_title }));
    },
  };
}

export type ReadingRepository = ReturnType<typeof createReadingRepository>;

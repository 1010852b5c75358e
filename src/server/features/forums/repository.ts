import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import type { DialectName } from '../../db/database.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

export type Forum = 'victims' | 'professionals';
export type PostStatus = 'held' | 'published' | 'hidden' | 'removed';
export type ProfessionalRole = 'police' | 'idva' | 'solicitor' | 'support_worker';

export const PROFESSIONAL_ROLES: Record<ProfessionalRole, string> = {
  police: 'Police',
  idva: 'IDVA',
  solicitor: 'Solicitor',
  support_worker: 'Support worker',
};

export interface Member {
  id: string;
  accountId: string;
  name: string;
  professionalStatus: 'none' | 'pending' | 'approved' | 'refused';
  professionalRole: ProfessionalRole | null;
  professionalNote: string | null;
  status: 'active' | 'suspended' | 'banned';
  suspendedUntil: number | null;
  approvedPosts: number;
  joinedAt: number;
  lastVisitAt: number;
  previousVisitAt: number;
}

export interface Board {
  id: string;
  forum: Forum;
  title: string;
  description: string;
}

export interface Topic {
  id: number;
  boardId: string;
  memberId: string;
  title: string;
  status: PostStatus;
  createdAt: number;
  lastPostAt: number;
  replyCount: number;
  version: number;
}

export interface Post {
  id: number;
  topicId: number;
  memberId: string;
  isOpening: boolean;
  body: string;
  bodyHtml: string;
  status: PostStatus;
  priority: number;
  crisis: string | null;
  heldReason: string | null;
  createdAt: number;
  editedAt: number | null;
  moderatorNote: string | null;
  removalReason: string | null;
}

/** A post as readers see it: with its author's forum name and, in the professionals' forum, their role. */
export interface PostView extends Post {
  authorName: string;
  authorRole: string | null;
  images: { id: string; width: number; height: number }[];
}

const num = (value: number | string | null | undefined): number => Number(value ?? 0);
const numOrNull = (value: number | string | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));

function toMember(row: Record<string, unknown>): Member {
  return {
    id: row.id as string,
    accountId: row.account_id as string,
    name: row.name as string,
    professionalStatus: row.professional_status as Member['professionalStatus'],
    professionalRole: (row.professional_role as ProfessionalRole | null) ?? null,
    professionalNote: (row.professional_note as string | null) ?? null,
    status: row.status as Member['status'],
    suspendedUntil: numOrNull(row.suspended_until as number | null),
    approvedPosts: num(row.approved_posts as number),
    joinedAt: num(row.joined_at as number),
    lastVisitAt: num(row.last_visit_at as number),
    previousVisitAt: num(row.previous_visit_at as number),
  };
}

function toTopic(row: Record<string, unknown>): Topic {
  return {
    id: num(row.id as number),
    boardId: row.board_id as string,
    memberId: row.member_id as string,
    title: row.title as string,
    status: row.status as PostStatus,
    createdAt: num(row.created_at as number),
    lastPostAt: num(row.last_post_at as number),
    replyCount: num(row.reply_count as number),
    version: num(row.version as number),
  };
}

function toPost(row: Record<string, unknown>): Post {
  return {
    id: num(row.id as number),
    topicId: num(row.topic_id as number),
    memberId: row.member_id as string,
    isOpening: Boolean(num(row.is_opening as number)),
    body: row.body as string,
    bodyHtml: row.body_html as string,
    status: row.status as PostStatus,
    priority: num(row.priority as number),
    crisis: (row.crisis as string | null) ?? null,
    heldReason: (row.held_reason as string | null) ?? null,
    createdAt: num(row.created_at as number),
    editedAt: numOrNull(row.edited_at as number | null),
    moderatorNote: (row.moderator_note as string | null) ?? null,
    removalReason: (row.removal_reason as string | null) ?? null,
  };
}

export interface NewPost {
  member: Member;
  body: string;
  bodyHtml: string;
  searchText: string;
  status: 'held' | 'published';
  priority: number;
  crisis: string | null;
  heldReason: string | null;
  images: { type: string; width: number; height: number; bytes: Uint8Array }[];
}

/**
 * What a write changed, told once it is committed: a topic (its state, version or posts) or a member (standing,
 * professional role, membership). The topic view cache forgets what it kept about them (topic-view-cache.ts).
 */
export type ForumChange = { topicId: number } | { memberId: string };

/**
 * Every query the forums make. Each change bumps its topic's version, which keys the cached topic pages, and is
 * told to `changed` after it commits.
 */
export function createForumsRepository(db: Kysely<Schema>, dialect: DialectName, changed: (change: ForumChange) => void = () => {}) {
  const postColumns = [
    'forum_posts.id',
    'forum_posts.topic_id',
    'forum_posts.member_id',
    'forum_posts.is_opening',
    'forum_posts.body',
    'forum_posts.body_html',
    'forum_posts.status',
    'forum_posts.priority',
    'forum_posts.crisis',
    'forum_posts.held_reason',
    'forum_posts.created_at',
    'forum_posts.edited_at',
    'forum_posts.moderator_note',
    'forum_posts.removal_reason',
  ] as const;

  const bumpTopic = (trx: Db, topicId: number) =>
    trx.updateTable('forum_topics').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', topicId).execute();

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
    const postId = num(inserted.id);
    await insertImages(trx, postId, post.images, now);
    return postId;
  }

  async function insertImages(trx: Db, postId: number, images: NewPost['images'], now: number): Promise<void> {
    for (const image of images) {
      await trx.insertInto('forum_images').values({ id: randomUUID(), post_id: postId, type: image.type, width: image.width, height: image.height, bytes: image.bytes, created_at: now }).execute();
    }
  }

  async function imagesFor(postIds: number[]): Promise<Map<number, PostView['images']>> {
    const map = new Map<number, PostView['images']>();
    if (!postIds.length) return map;
    const rows = await db.selectFrom('forum_images').select(['id', 'post_id', 'width', 'height']).where('post_id', 'in', postIds).orderBy('created_at').execute();
    for (const row of rows) {
      const list = map.get(num(row.post_id)) ?? [];
      list.push({ id: row.id, width: row.width, height: row.height });
      map.set(num(row.post_id), list);
    }
    return map;
  }

  async function withAuthors(rows: Record<string, unknown>[]): Promise<PostView[]> {
    const images = await imagesFor(rows.map((r) => num(r.id as number)));
    return rows.map((row) => {
      const post = toPost(row);
      const role = row.professional_status === 'approved' ? (PROFESSIONAL_ROLES[row.professional_role as ProfessionalRole] ?? null) : null;
      return { ...post, authorName: row.author_name as string, authorRole: role, images: images.get(post.id) ?? [] };
    });
  }

  /** Recounts a topic's replies and last activity, from its published posts. */
  async function refreshTopic(trx: Db, topicId: number): Promise<void> {
    const stats = await trx
      .selectFrom('forum_posts')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('created_at').as('last')])
      .where('topic_id', '=', topicId)
      .where('status', '=', 'published')
      .where('is_opening', '=', 0)
      .executeTakeFirst();
    const opening = await trx.selectFrom('forum_posts').select(['status', 'created_at']).where('topic_id', '=', topicId).where('is_opening', '=', 1).executeTakeFirst();
    await trx
      .updateTable('forum_topics')
      .set((eb) => ({
        reply_count: num(stats?.n),
        last_post_at: Math.max(num(stats?.last as number | null), num(opening?.created_at)),
        status: opening?.status ?? 'removed',
        version: eb('version', '+', 1),
      }))
      .where('id', '=', topicId)
      .execute();
  }

  return {
    db,

    // Members

    async memberByAccount(accountId: string): Promise<Member | undefined> {
      const row = await db.selectFrom('forum_members').selectAll().where('account_id', '=', accountId).executeTakeFirst();
      return row ? toMember(row as unknown as Record<string, unknown>) : undefined;
    },

    async memberById(id: string): Promise<Member | undefined> {
      const row = await db.selectFrom('forum_members').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toMember(row as unknown as Record<string, unknown>) : undefined;
    },

    async nameTaken(key: string): Promise<boolean> {
      return Boolean(await db.selectFrom('forum_members').select('id').where('name_key', '=', key).executeTakeFirst());
    },

    /** undefined when the name was taken in the meantime (the unique key decides). */
    async join(accountId: string, name: string, key: string, now: number): Promise<Member | undefined> {
      const id = randomUUID();
      try {
        await db.insertInto('forum_members').values({ id, account_id: accountId, name, name_key: key, joined_at: now, last_visit_at: now, previous_visit_at: now }).execute();
      } catch (error) {
        if (/unique|duplicate/i.test(String((error as Error).message))) return undefined;
        throw error;
      }
      return this.memberById(id);
    },

    /** A visit starts after half an hour away: what was new is measured from the start of the visit before. */
    async recordVisit(member: Member, now: number): Promise<Member> {
      if (now - member.lastVisitAt < 60_000) return member;
      const newVisit = now - member.lastVisitAt > 30 * 60_000;
      const previous = newVisit ? member.lastVisitAt : member.previousVisitAt;
      await db.updateTable('forum_members').set({ last_visit_at: now, previous_visit_at: previous }).where('id', '=', member.id).execute();
      return { ...member, lastVisitAt: now, previousVisitAt: previous };
    },

    async requestProfessional(memberId: string, role: ProfessionalRole, note: string): Promise<void> {
      await db.updateTable('forum_members').set({ professional_status: 'pending', professional_role: role, professional_note: note }).where('id', '=', memberId).execute();
      changed({ memberId });
    },

    async decideProfessional(memberId: string, approve: boolean): Promise<void> {
      await db.updateTable('forum_members').set({ professional_status: approve ? 'approved' : 'refused' }).where('id', '=', memberId).execute();
      changed({ memberId });
    },

    async pendingProfessionals(): Promise<Member[]> {
      const rows = await db.selectFrom('forum_members').selectAll().where('professional_status', '=', 'pending').orderBy('joined_at').limit(100).execute();
      return rows.map((r) => toMember(r as unknown as Record<string, unknown>));
    },

    async setMemberStatus(memberId: string, status: Member['status'], suspendedUntil: number | null): Promise<void> {
      await db.updateTable('forum_members').set({ status, suspended_until: suspendedUntil }).where('id', '=', memberId).execute();
      changed({ memberId });
    },

    /**
     * Leaving: the membership, and every post, topic started, picture, flag, follow and notification with it (foreign
     * keys cascade); the topics they replied in move to a new version with their counts redone. Inside `outer` when
     * the vault deletes the whole account.
     */
    async deleteMember(memberId: string, outer?: Transaction<Schema>): Promise<void> {
      const remove = async (trx: Db) => {
        const topics = await trx.selectFrom('forum_posts').select('topic_id').distinct().where('member_id', '=', memberId).execute();
        await trx.deleteFrom('forum_members').where('id', '=', memberId).execute();
        for (const { topic_id } of topics) {
          const exists = await trx.selectFrom('forum_topics').select('id').where('id', '=', topic_id).executeTakeFirst();
          if (exists) await refreshTopic(trx, topic_id);
        }
        return topics;
      };
      const touched = outer ? await remove(outer) : await db.transaction().execute(remove);
      // Inside `outer` this is before the commit; the account's sessions end in the same transaction, and the topic
      // view cache keeps nothing read for a while after that (topic-view-cache.ts, QUIET_MS).
      changed({ memberId });
      for (const { topic_id } of touched) changed({ topicId: num(topic_id) });
    },

    /** The vault deleting an account (`accounts.onDeleting`): the member leaves first, inside the same transaction. */
    async deleteMemberOfAccount(accountId: string, trx: Transaction<Schema>): Promise<void> {
      const member = await trx.selectFrom('forum_members').select('id').where('account_id', '=', accountId).executeTakeFirst();
      if (member) await this.deleteMember(member.id, trx);
    },

    // Boards and topics

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
      return new Map(rows.map((r) => [r.board_id, { topics: num(r.topics), fresh: num(r.fresh) }]));
    },

    /** Topics newest activity first, keyset-paged on (last_post_at, id), with the reader's last read time. */
    async topics(boardId: string, memberId: string, before: { at: number; id: number } | undefined, limit: number) {
      let query = db
        .selectFrom('forum_topics')
        .innerJoin('forum_members', 'forum_members.id', 'forum_topics.member_id')
        .leftJoin('forum_reads', (join) => join.onRef('forum_reads.topic_id', '=', 'forum_topics.id').on('forum_reads.member_id', '=', memberId))
        .select(['forum_topics.id', 'forum_topics.title', 'forum_topics.reply_count', 'forum_topics.last_post_at', 'forum_topics.created_at', 'forum_members.name as author_name', 'forum_reads.read_at'])
        .where('forum_topics.board_id', '=', boardId)
        .where('forum_topics.status', '=', 'published');
      if (before) {
        query = query.where((eb) =>
          eb.or([eb('forum_topics.last_post_at', '<', before.at), eb.and([eb('forum_topics.last_post_at', '=', before.at), eb('forum_topics.id', '<', before.id)])]),
        );
      }
      const rows = await query.orderBy('forum_topics.last_post_at', 'desc').orderBy('forum_topics.id', 'desc').limit(limit + 1).execute();
      return {
        topics: rows.slice(0, limit).map((r) => ({
          id: num(r.id),
          title: r.title,
          replyCount: num(r.reply_count),
          lastPostAt: num(r.last_post_at),
          createdAt: num(r.created_at),
          authorName: r.author_name,
          readAt: numOrNull(r.read_at),
        })),
        more: rows.length > limit,
      };
    },

    async topic(id: number): Promise<Topic | undefined> {
      const row = await db.selectFrom('forum_topics').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toTopic(row as unknown as Record<string, unknown>) : undefined;
    },

    /** The topic with its board's forum and this reader's read time and follow, in one query. */
    async topicForReader(id: number, memberId: string) {
      const row = await db
        .selectFrom('forum_topics')
        .innerJoin('forum_boards', 'forum_boards.id', 'forum_topics.board_id')
        .leftJoin('forum_reads', (join) => join.onRef('forum_reads.topic_id', '=', 'forum_topics.id').on('forum_reads.member_id', '=', memberId))
        .select(['forum_topics.id', 'forum_topics.board_id', 'forum_topics.member_id', 'forum_topics.title', 'forum_topics.status', 'forum_topics.created_at', 'forum_topics.last_post_at', 'forum_topics.reply_count', 'forum_topics.version', 'forum_boards.forum', 'forum_boards.title as board_title', 'forum_reads.read_at'])
        .where('forum_topics.id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      return { topic: toTopic(row as unknown as Record<string, unknown>), forum: row.forum as Forum, boardTitle: row.board_title, readAt: numOrNull(row.read_at) };
    },

    /**
     * The hot path of a topic page in one query: the session (by its hash), the member, the topic, its forum
     * and the reader's read time. The caller falls back to the full session check when the session needs
     * touching or has run out, so the vault's rules stay in one place.
     */
    async topicPageRead(sessionIdHash: string, topicId: number) {
      const result = await sql<{
        account_id: string; last_seen_at: number | string; expires_at: number | string; member_id: string; member_status: string; professional_status: string; suspended_until: number | string | null;
        topic_id: number | null; topic_status: string | null; topic_member_id: string | null; version: number | null; last_post_at: number | string | null; forum: string | null; board_title: string | null; read_at: number | string | null;
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
        lastSeenAt: num(row.last_seen_at),
        expiresAt: num(row.expires_at),
        memberId: row.member_id,
        memberStatus: row.member_status,
        professionalApproved: row.professional_status === 'approved',
        topic: row.topic_id === null ? undefined : { id: num(row.topic_id), status: row.topic_status as PostStatus, memberId: row.topic_member_id!, version: num(row.version), lastPostAt: num(row.last_post_at), forum: row.forum as Forum, boardTitle: row.board_title! },
        readAt: numOrNull(row.read_at),
      };
    },

    async markRead(memberId: string, topicId: number, at: number): Promise<void> {
      await db
        .insertInto('forum_reads')
        .values({ member_id: memberId, topic_id: topicId, read_at: at })
        .onConflict((oc) => oc.columns(['member_id', 'topic_id']).doUpdateSet({ read_at: at }))
        .execute();
    },

    async createTopic(boardId: string, title: string, post: NewPost, now: number): Promise<{ topicId: number; postId: number }> {
      return db.transaction().execute(async (trx) => {
        const topic = await trx
          .insertInto('forum_topics')
          .values({ board_id: boardId, member_id: post.member.id, title, status: post.status, created_at: now, last_post_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        const topicId = num(topic.id);
        const postId = await insertPost(trx, topicId, true, post, now);
        await trx.insertInto('forum_follows').values({ member_id: post.member.id, topic_id: topicId }).execute();
        return { topicId, postId };
      });
    },

    async createReply(topicId: number, post: NewPost, now: number): Promise<number> {
      const postId = await db.transaction().execute(async (trx) => {
        const id = await insertPost(trx, topicId, false, post, now);
        if (post.status === 'published') await this.afterPublish(trx, topicId, id, post.member.id, now);
        return id;
      });
      changed({ topicId });
      return postId;
    },

    /** A reply became visible: count it, bump the topic, tell followers (not the author). */
    async afterPublish(trx: Db, topicId: number, postId: number, authorId: string, now: number): Promise<void> {
      await trx
        .updateTable('forum_topics')
        .set((eb) => ({ reply_count: eb('reply_count', '+', 1), last_post_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', topicId)
        .execute();
      await sql`insert into forum_notifications (member_id, kind, topic_id, post_id, created_at)
        select member_id, 'reply', ${topicId}, ${postId}, ${now} from forum_follows where topic_id = ${topicId} and member_id <> ${authorId}`.execute(trx);
    },

    /** One page of a topic's published posts, keyset-paged on id in either direction. */
    async posts(topicId: number, page: { after?: number; before?: number }, limit: number): Promise<{ posts: PostView[]; hasBefore: boolean; hasAfter: boolean }> {
      let query = db
        .selectFrom('forum_posts')
        .innerJoin('forum_members', 'forum_members.id', 'forum_posts.member_id')
        .select([...postColumns, 'forum_members.name as author_name', 'forum_members.professional_status', 'forum_members.professional_role'])
        .where('forum_posts.topic_id', '=', topicId)
        .where('forum_posts.status', 'in', ['published', 'hidden']);
      const backwards = page.before !== undefined;
      if (page.after !== undefined) query = query.where('forum_posts.id', '>', page.after);
      if (page.before !== undefined) query = query.where('forum_posts.id', '<', page.before);
      const rows = await query.orderBy('forum_posts.id', backwards ? 'desc' : 'asc').limit(limit + 1).execute();
      const more = rows.length > limit;
      const shown = rows.slice(0, limit);
      if (backwards) shown.reverse();
      const posts = await withAuthors(shown as unknown as Record<string, unknown>[]);
      const firstId = posts[0]?.id;
      const lastId = posts.at(-1)?.id;
      const exists = async (op: '<' | '>', id: number | undefined) =>
        id !== undefined &&
        Boolean(await db.selectFrom('forum_posts').select('id').where('topic_id', '=', topicId).where('status', 'in', ['published', 'hidden']).where('id', op, id).limit(1).executeTakeFirst());
      return {
        posts,
        hasBefore: backwards ? more : page.after !== undefined && (await exists('<', firstId)),
        hasAfter: backwards ? await exists('>', lastId) : more,
      };
    },

    async post(id: number): Promise<Post | undefined> {
      const row = await db.selectFrom('forum_posts').select([...postColumns]).where('id', '=', id).executeTakeFirst();
      return row ? toPost(row as unknown as Record<string, unknown>) : undefined;
    },

    async postView(id: number): Promise<PostView | undefined> {
      const row = await db
        .selectFrom('forum_posts')
        .innerJoin('forum_members', 'forum_members.id', 'forum_posts.member_id')
        .select([...postColumns, 'forum_members.name as author_name', 'forum_members.professional_status', 'forum_members.professional_role'])
        .where('forum_posts.id', '=', id)
        .executeTakeFirst();
      return row ? (await withAuthors([row as unknown as Record<string, unknown>]))[0] : undefined;
    },

    async image(id: string): Promise<{ postId: number; type: string; bytes: Uint8Array } | undefined> {
      const row = await db.selectFrom('forum_images').select(['post_id', 'type', 'bytes']).where('id', '=', id).executeTakeFirst();
      return row ? { postId: num(row.post_id), type: row.type, bytes: row.bytes } : undefined;
    },

    async memberPosts(memberId: string, limit = 100): Promise<(Post & { topicTitle: string })[]> {
      const rows = await db
        .selectFrom('forum_posts')
        .innerJoin('forum_topics', 'forum_topics.id', 'forum_posts.topic_id')
        .select([...postColumns, 'forum_topics.title as topic_title'])
        .where('forum_posts.member_id', '=', memberId)
        .orderBy('forum_posts.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ ...toPost(r as unknown as Record<string, unknown>), topicTitle: r.topic_title }));
    },

    async recentPostCounts(memberId: string, now: number): Promise<{ lastTenMinutes: number; lastDay: number }> {
      const row = await db
        .selectFrom('forum_posts')
        .select((eb) => [eb.fn.countAll<number>().as('day'), eb.fn.sum<number>(eb.case().when('created_at', '>', now - 10 * 60_000).then(1).else(0).end()).as('recent')])
        .where('member_id', '=', memberId)
        .where('created_at', '>', now - 24 * 60 * 60_000)
        .executeTakeFirst();
      return { lastTenMinutes: num(row?.recent), lastDay: num(row?.day) };
    },

    /** The author's edit: the post goes back to the state the rules decide (held again if it now needs a look). */
    /** The author's change, with pictures taken out (ids of this post's own) and added (already cleaned). */
    async editPost(
      post: Post,
      change: { body: string; bodyHtml: string; searchText: string; title?: string; status: PostStatus; priority: number; crisis: string | null; heldReason: string | null; removeImageIds: readonly string[]; addImages: NewPost['images'] },
      now: number,
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('forum_posts')
          .set({ body: change.body, body_html: change.bodyHtml, search_text: change.searchText, status: change.status, priority: change.priority, crisis: change.crisis, held_reason: change.heldReason, edited_at: now })
          .where('id', '=', post.id)
          .execute();
        if (change.removeImageIds.length > 0) {
          await trx.deleteFrom('forum_images').where('post_id', '=', post.id).where('id', 'in', [...change.removeImageIds]).execute();
        }
        await insertImages(trx, post.id, change.addImages, now);
        if (change.title !== undefined) await trx.updateTable('forum_topics').set({ title: change.title }).where('id', '=', post.topicId).execute();
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

    // Follows and notifications

    async isFollowing(memberId: string, topicId: number): Promise<boolean> {
      return Boolean(await db.selectFrom('forum_follows').select('topic_id').where('member_id', '=', memberId).where('topic_id', '=', topicId).executeTakeFirst());
    },

    async setFollow(memberId: string, topicId: number, follow: boolean): Promise<void> {
      if (follow) {
        await db.insertInto('forum_follows').values({ member_id: memberId, topic_id: topicId }).onConflict((oc) => oc.doNothing()).execute();
      } else {
        await db.deleteFrom('forum_follows').where('member_id', '=', memberId).where('topic_id', '=', topicId).execute();
      }
    },

    async notify(memberId: string, kind: string, topicId: number | null, postId: number | null, detail: string | null, now: number, trx: Db = db): Promise<void> {
      await trx.insertInto('forum_notifications').values({ member_id: memberId, kind, topic_id: topicId, post_id: postId, detail, created_at: now }).execute();
    },

    async unreadNotifications(memberId: string): Promise<number> {
      const row = await db.selectFrom('forum_notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('member_id', '=', memberId).where('read_at', 'is', null).executeTakeFirst();
      return num(row?.n);
    },

    async notifications(memberId: string, limit = 50) {
      const rows = await db
        .selectFrom('forum_notifications')
        .leftJoin('forum_topics', 'forum_topics.id', 'forum_notifications.topic_id')
        .select(['forum_notifications.id', 'forum_notifications.kind', 'forum_notifications.topic_id', 'forum_notifications.post_id', 'forum_notifications.detail', 'forum_notifications.created_at', 'forum_notifications.read_at', 'forum_topics.title as topic_title'])
        .where('forum_notifications.member_id', '=', memberId)
        .orderBy('forum_notifications.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: num(r.id),
        kind: r.kind,
        topicId: numOrNull(r.topic_id),
        postId: numOrNull(r.post_id),
        detail: r.detail,
        createdAt: num(r.created_at),
        unread: r.read_at === null,
        topicTitle: r.topic_title,
      }));
    },

    async markNotificationsRead(memberId: string, now: number): Promise<void> {
      await db.updateTable('forum_notifications').set({ read_at: now }).where('member_id', '=', memberId).where('read_at', 'is', null).execute();
    },

    // Flags

    async flag(postId: number, memberId: string, reason: string, detail: string | null, now: number): Promise<boolean> {
      const result = await db
        .insertInto('forum_flags')
        .values({ post_id: postId, member_id: memberId, reason, detail, created_at: now })
        .onConflict((oc) => oc.columns(['post_id', 'member_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async flagsToday(memberId: string, now: number): Promise<number> {
      const row = await db.selectFrom('forum_flags').select((eb) => eb.fn.countAll<number>().as('n')).where('member_id', '=', memberId).where('created_at', '>', now - 86_400_000).executeTakeFirst();
      return num(row?.n);
    },

    // Search

    /** Published posts matching the words, best first; the caller passes the forums this reader may see. */
    async search(query: string, forums: Forum[], limit: number) {
      const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 8) ?? [];
      if (!words.length || !forums.length) return [];
      const base = db
        .selectFrom('forum_posts')
        .innerJoin('forum_topics', 'forum_topics.id', 'forum_posts.topic_id')
        .innerJoin('forum_boards', 'forum_boards.id', 'forum_topics.board_id')
        .innerJoin('forum_members', 'forum_members.id', 'forum_posts.member_id')
        .select(['forum_posts.id', 'forum_posts.topic_id', 'forum_posts.search_text', 'forum_posts.created_at', 'forum_topics.title as topic_title', 'forum_boards.title as board_title', 'forum_members.name as author_name'])
        .where('forum_posts.status', '=', 'published')
        .where('forum_topics.status', '=', 'published')
        .where('forum_boards.forum', 'in', forums);
      const rows =
        dialect === 'sqlite'
          ? await base
              .innerJoin(sql<{ rowid: number; rank: number }>`(select rowid, rank from forum_posts_fts where forum_posts_fts match ${words.map((w) => `"${w}"*`).join(' ')})`.as('hits'), 'hits.rowid', 'forum_posts.id')
              .orderBy(sql`hits.rank`)
              .limit(limit)
              .execute()
          : await base
              .where(sql<boolean>`forum_posts.search @@ to_tsquery('english', ${words.map((w) => `${w}:*`).join(' & ')})`)
              .orderBy(sql`ts_rank(forum_posts.search, to_tsquery('english', ${words.map((w) => `${w}:*`).join(' & ')}))`, 'desc')
              .limit(limit)
              .execute();
      return rows.map((r) => ({
        postId: num(r.id),
        topicId: num(r.topic_id),
        topicTitle: r.topic_title,
        boardTitle: r.board_title,
        authorName: r.author_name,
        createdAt: num(r.created_at),
        text: r.search_text,
        words,
      }));
    },

    // Moderation

    async queue(limit = 100) {
      const rows = await db
        .selectFrom('forum_posts')
        .innerJoin('forum_topics', 'forum_topics.id', 'forum_posts.topic_id')
        .innerJoin('forum_members', 'forum_members.id', 'forum_posts.member_id')
        .leftJoin(
          db.selectFrom('forum_flags').select((eb) => ['post_id', eb.fn.countAll<number>().as('flag_count'), eb.fn.min('created_at').as('first_flag_at')]).where('resolved_at', 'is', null).groupBy('post_id').as('flags'),
          'flags.post_id',
          'forum_posts.id',
        )
        .select([...postColumns, 'forum_topics.title as topic_title', 'forum_topics.board_id', 'forum_members.name as author_name', 'forum_members.approved_posts', 'flags.flag_count', 'flags.first_flag_at'])
        .where((eb) => eb.or([eb('forum_posts.status', '=', 'held'), eb('flags.flag_count', '>', 0)]))
        .orderBy('forum_posts.priority', 'desc')
        .orderBy(sql`coalesce(flags.first_flag_at, forum_posts.created_at)`)
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        ...toPost(r as unknown as Record<string, unknown>),
        topicTitle: r.topic_title,
        boardId: r.board_id,
        authorName: r.author_name,
        approvedPosts: num(r.approved_posts),
        flagCount: num(r.flag_count as number | null),
      }));
    },

    async openFlags(postId: number) {
      const rows = await db.selectFrom('forum_flags').select(['reason', 'detail', 'created_at']).where('post_id', '=', postId).where('resolved_at', 'is', null).orderBy('created_at').execute();
      return rows.map((r) => ({ reason: r.reason, detail: r.detail, createdAt: num(r.created_at) }));
    },

    /**
     * A moderator's decision on a post. Approving a held post publishes it (and counts towards its author's
     * standing); hiding keeps it for the record but out of sight; removing tells the author why. Every
     * decision resolves the post's open flags.
     */
    async moderate(post: Post, decision: { status: PostStatus; note?: string | null; body?: { body: string; bodyHtml: string; searchText: string }; reason?: string | null }, now: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const wasHeld = post.status === 'held';
        await trx
          .updateTable('forum_posts')
          .set({
            status: decision.status,
            priority: 0,
            ...(decision.note !== undefined ? { moderator_note: decision.note } : {}),
            ...(decision.reason !== undefined ? { removal_reason: decision.reason } : {}),
            ...(decision.body ? { body: decision.body.body, body_html: decision.body.bodyHtml, search_text: decision.body.searchText } : {}),
          })
          .where('id', '=', post.id)
          .execute();
        await trx.updateTable('forum_flags').set({ resolved_at: now }).where('post_id', '=', post.id).where('resolved_at', 'is', null).execute();
        if (wasHeld && decision.status === 'published') {
          await trx.updateTable('forum_members').set((eb) => ({ approved_posts: eb('approved_posts', '+', 1) })).where('id', '=', post.memberId).execute();
          if (!post.isOpening) await this.afterPublish(trx, post.topicId, post.id, post.memberId, now);
        }
        await refreshTopic(trx, post.topicId);
        await bumpTopic(trx, post.topicId);
      });
      changed({ topicId: post.topicId });
    },

    async filters() {
      const rows = await db.selectFrom('forum_filters').select(['id', 'kind', 'pattern', 'created_at']).orderBy('kind').orderBy('pattern').execute();
      return rows.map((r) => ({ id: num(r.id), kind: r.kind as 'word' | 'link', pattern: r.pattern, createdAt: num(r.created_at) }));
    },

    async addFilter(kind: 'word' | 'link', pattern: string, staffId: string, now: number): Promise<number | undefined> {
      const row = await db
        .insertInto('forum_filters')
        .values({ kind, pattern, created_by: staffId, created_at: now })
        .onConflict((oc) => oc.columns(['kind', 'pattern']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return row ? num(row.id) : undefined;
    },

    async removeFilter(id: number): Promise<boolean> {
      const result = await db.deleteFrom('forum_filters').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type ForumsRepository = ReturnType<typeof createForumsRepository>;

import { createHash, randomInt } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { suggestForumName } from '../../../domain/forums/forum-names.ts';
import { isNewMember, LIMITS } from '../../../domain/forums/limits.ts';
import { sendCachedPage } from '../../http/html.ts';
import type { Services } from '../../services.ts';
import { sha256Hex } from '../../shared/binary.ts';
import { SESSION_COOKIE } from '../vault/index.ts';
import { createBoardPageCache } from './board-page-cache.ts';
import { isSuspended } from './member-session.ts';
import type { MembershipRepository } from './membership-repository.ts';
import type { NotificationsRepository } from './notifications-repository.ts';
import { type ForumPages, keyOf } from './pages.ts';
import type { ReadingRepository } from './reading-repository.ts';
import type { Forum, ProfessionalRole } from './records.ts';
import { BoardParams, BoardQuery, IdParams, ImageParams, NoQuery, TopicQuery } from './schemas.ts';
import { createTopicPageCache } from './topic-page-cache.ts';
import { type TopicViewCache, usable } from './topic-view-cache.ts';

export interface ForumReadingOptions {
  pages: ForumPages;
  views: Services['views'];
  clock: () => number;
  reading: ReadingRepository;
  members: Pick<MembershipRepository, 'recordVisit'>;
  notifications: Pick<NotificationsRepository, 'unreadNotifications'>;
  topicViews: TopicViewCache;
}

/** Reading: the landing page (or how to sign in or join), a board's topics, a topic's posts, one post, its pictures. */
export async function forumReadingRoutes(
  fastify: FastifyInstance,
  { pages, views, clock, reading, members, notifications, topicViews }: ForumReadingOptions,
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { render, memberOr, canRead, boards, boardById, notFound, professionalsOnly, postFor, pageContext, base, languagesOf } = pages;
  const topicPages = createTopicPageCache();
  const boardPages = createBoardPageCache();

  app.get(base, { schema: { querystring: NoQuery } }, async (request, reply) => {
    const reader = await pages.readerOf(request);
    if (!reader) return render(reply, 'signed-out', { hideForumNav: true });
    if (!reader.member)
      return render(reply, 'join', {
        hideForumNav: true,
        csrfToken: reader.session.csrfToken,
        suggestion: suggestForumName(randomInt),
        values: {},
      });
    if (reader.member.status === 'banned') return memberOr(request, reply);
    const member = await members.recordVisit(reader.member, clock());
    const activity = await reading.boardActivity(member.previousVisitAt);
    const all = await boards();
    const withActivity = (forum: Forum) =>
      all.filter((b) => b.forum === forum).map((b) => ({ ...b, ...(activity.get(b.id) ?? { topics: 0, fresh: 0 }) }));
    return render(reply, 'index', {
      member,
      professional: pages.lists.roles[member.professionalRole as ProfessionalRole],
      victims: withActivity('victims'),
      professionals: canRead(member, 'professionals') ? withActivity('professionals') : [],
      unread: await notifications.unreadNotifications(member.id),
      since: member.previousVisitAt,
      isNew: isNewMember(member, clock()),
    });
  });

  app.get(`${base}/boards/:board`, { schema: { params: BoardParams, querystring: BoardQuery } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const board = await boardById(request.params.board);
    if (!board) return notFound(reply);
    if (!canRead(reader.member, board.forum)) return professionalsOnly(reply);
    const [at, id] = (request.query.before ?? '').split('.').map((v) => keyOf(v));
    const page = await reading.topics(
      board.id,
      reader.member.id,
      at !== undefined && id !== undefined ? { at, id } : undefined,
      LIMITS.topicPageSize,
    );
    const last = page.topics.at(-1);
    const context = {
      board,
      topics: page.topics.map((t) => ({
        ...t,
        fresh: t.lastPostAt > (t.readAt ?? reader.member.previousVisitAt) && t.lastPostAt > (t.readAt ?? 0),
      })),
      next: page.more && last ? `${last.lastPostAt}.${last.id}` : undefined,
      canPost: !isSuspended(reader.member, clock()),
    };
    // Everything on the page but the "New" tags, so every member with the same view shares one render.
    const signature = createHash('sha256')
      .update(
        JSON.stringify([
          board.id,
          context.next,
          context.canPost,
          page.topics.map((t) => [t.id, t.title, t.replyCount, t.lastPostAt, t.createdAt, t.authorName]),
        ]),
      )
      .digest('base64url');
    const shared = boardPages.get(
      signature,
      context.topics.map((t) => t.fresh),
      () =>
        views.render('forums/board.njk', {
          ...pageContext,
          ...languagesOf(`${base}/boards/${board.id}`),
          ...context,
          topics: context.topics.map((t) => ({ ...t, fresh: true })),
        }),
    );
    return shared ? sendCachedPage(request, reply, shared) : render(reply, 'board', context);
  });

  app.get(`${base}/topics/:id`, { schema: { params: IdParams, querystring: TopicQuery } }, async (request, reply) => {
    const id = Number(request.params.id);
    const cookie = request.cookies[SESSION_COOKIE];
    const idHash = cookie && cookie.length <= 100 ? sha256Hex(cookie) : undefined;
    const now = clock();
    const viewOf = (hash: string) => topicViews.get(hash, id) ?? topicViews.load(hash, id, () => reading.topicPageRead(hash, id));
    // From memory or one query when the session is fresh; otherwise the full check (which refreshes or ends the session) first.
    let read = idHash ? await viewOf(idHash) : undefined;
    if (!read || !usable(read, now)) {
      if (!(await memberOr(request, reply))) return reply;
      read = await viewOf(idHash!);
      if (!read) return memberOr(request, reply);
    }
    const topic = read.topic;
    if (!topic || topic.status === 'removed' || topic.status === 'held' || (topic.status === 'hidden' && topic.memberId !== read.memberId))
      return notFound(reply);
    if (topic.forum === 'professionals' && !read.professionalApproved) return professionalsOnly(reply);
    const after = keyOf(request.query.after);
    const before = request.query.last !== undefined ? 2 ** 31 - 1 : keyOf(request.query.before);
    // The read marker (for "new since your last visit") is written at most once a minute per reader and topic: on
    // a busy topic every view would otherwise be a write.
    if (read.readAt === null || (read.readAt < topic.lastPostAt && now - read.readAt >= 60_000)) {
      await reading.markRead(read.memberId, topic.id, now);
      topicViews.markedRead(read.memberId, topic.id, now);
    }
    const key = `${topic.id}|${after ?? ''}|${before ?? ''}`;
    const page = await topicPages.get(key, topic.version, async () => {
      const full = await reading.topic(topic.id);
      const { posts, hasBefore, hasAfter } = await reading.posts(
        topic.id,
        before !== undefined ? { before } : after !== undefined ? { after } : {},
        LIMITS.replyPageSize,
      );
      return views.render('forums/topic.njk', {
        ...pageContext,
        ...languagesOf(request.url),
        topic: full,
        boardTitle: topic.boardTitle,
        professionals: topic.forum === 'professionals',
        posts,
        newer: hasAfter && posts.length ? `?after=${posts.at(-1)!.id}` : undefined,
        older: hasBefore && posts.length ? `?before=${posts[0]!.id}` : undefined,
        first: hasBefore,
        last: hasAfter,
      });
    });
    return sendCachedPage(request, reply, page);
  });

  // One post's own page, with the actions this reader may take.
  app.get(`${base}/posts/:id`, { schema: { params: IdParams, querystring: NoQuery } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const found = await postFor(reply, reader, Number(request.params.id), false);
    if (!found) return reply;
    return render(reply, 'post', { ...found, professionals: found.forum === 'professionals' });
  });

  // Pictures are served only to members who can read the post they belong to.
  app.get(`${base}/images/:id`, { schema: { params: ImageParams, querystring: NoQuery } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const image = await reading.image(request.params.id);
    if (!image || !(await postFor(reply, reader, image.postId, false))) return reply.sent ? reply : notFound(reply);
    return reply
      .header('cache-control', 'no-store')
      .header('content-type', image.type)
      .header('content-disposition', 'inline')
      .send(Buffer.from(image.bytes));
  });
}

import { createHash, randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkForumName, suggestForumName } from '../../../domain/forums/forum-names.ts';
import { LIMITS, isNewMember, postingWait } from '../../../domain/forums/limits.ts';
import type { Finding } from '../../../domain/forums/identifying-details.ts';
import { sendCachedPage, sendDynamicPage } from '../../http/html.ts';
import type { Services } from '../../services.ts';
import { sha256Hex } from '../vault/binary.ts';
import { SESSION_COOKIE } from '../vault/sessions/guard.ts';
import { csrfOk, isSuspended, readerOf, type Reader } from './member-session.ts';
import { assessDraft, highlightSegments } from './post-rules.ts';
import { PROFESSIONAL_ROLES, type Board, type Forum, type Member, type ProfessionalRole } from './records.ts';
import type { ForumsRepository } from './repository.ts';
import { createTopicPageCache } from './topic-page-cache.ts';
import { usable, type TopicViewCache } from './topic-view-cache.ts';
import { createBoardPageCache } from './board-page-cache.ts';
import { boundaryOf, parseMultipart, type UploadedFile } from './multipart.ts';
import { stripImageMetadata } from '../../../domain/forums/image-metadata.ts';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE } from '../../db/unavailable.ts';

export const FORUMS_PATH = '/forums';
export const HOUSE_RULES_PATH = '/talk/forum-house-rules';
const idParam = { type: 'object', properties: { id: { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } }, required: ['id'] } as const;
const boardParam = { type: 'object', properties: { board: { type: 'string', pattern: '^[a-z0-9-]{1,40}$' } }, required: ['board'] } as const;
/** Posts are at most 10,000 characters; percent-encoded UTF-8 can be nine bytes a character, plus the title. */
const TEXT_BODY_LIMIT = 128 * 1024;
/** With pictures (multipart): the most a post may carry, and the text. */
const POST_BODY_LIMIT = LIMITS.images.established * LIMITS.imageBytes + TEXT_BODY_LIMIT;

const FLAG_REASONS: Record<string, string> = {
  'identifying': 'It could identify someone',
  'harassment': 'It is unkind, abusive or harassing',
  'suspicious': 'I think the writer may be the person stalking someone',
  'unsafe-advice': 'It gives unsafe or wrong advice',
  'spam': 'It is spam or advertising',
  'other': 'Something else',
};

type Query = Record<string, string | undefined>;
const num = (value: string | undefined) => (value && /^[0-9]{1,15}$/.test(value) ? Number(value) : undefined);
const text = (body: unknown, key: string, max = 100_000) => {
  const value = (body as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value.slice(0, max) : '';
};
const files = (body: unknown, key: string): UploadedFile[] => {
  const value = (body as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(value) ? (value as UploadedFile[]) : [];
};

const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
export const formatWhen = (ms: number) => dateTime.format(new Date(ms));

/**
 * The peer-support forums, for members (docs/forums.md). Every page is server-rendered and works without
 * JavaScript; each change is a POST with the session's CSRF token. The victims' forum is for signed-in members
 * only, the professionals' for approved professionals; nothing is indexed and there are no feeds. Page titles
 * are a neutral "Forums", so a topic's title never lands in a tab or the history.
 */
export async function forumMemberRoutes(app: FastifyInstance, { services, forums, topicViews }: { services: Services; forums: ForumsRepository; topicViews: TopicViewCache }): Promise<void> {
  const { views, clock, vault } = services;
  const topicPages = createTopicPageCache();
  const boardPages = createBoardPageCache();
  // Pictures come with the compose form as multipart/form-data; the routes that take it set the body limit.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (request, body, done) => {
    const boundary = boundaryOf(request.headers['content-type']);
    const fields = boundary ? parseMultipart(body as Buffer, boundary) : undefined;
    if (fields) return done(null, fields);
    const error = Object.assign(new Error('The form could not be read.'), { statusCode: 400 });
    done(error, undefined);
  });
  let boardList: Board[] | undefined;
  const boards = async () => (boardList ??= await forums.reading.boards());
  const boardById = async (id: string) => (await boards()).find((b) => b.id === id);

  const canRead = (member: Member, forum: Forum) => forum === 'victims' || member.professionalStatus === 'approved';
  const forumsFor = (member: Member): Forum[] => (member.professionalStatus === 'approved' ? ['victims', 'professionals'] : ['victims']);

  const pageContext = { pageTitle: 'Forums', noindex: true, currentSection: 'talk', houseRulesPath: HOUSE_RULES_PATH, formatWhen };
  const render = (reply: FastifyReply, template: string, context: Record<string, unknown>, status = 200) =>
    sendDynamicPage(reply, views.render(`forums/${template}.njk`, { ...pageContext, ...context }), status);

  const notFound = (reply: FastifyReply) => render(reply, 'message', { heading: 'Page not found', paragraphs: ['This post or topic is not there. It may have been deleted or moved.'] }, 404);
  const forbidden = (reply: FastifyReply, paragraphs: string[]) => render(reply, 'message', { heading: 'You cannot do that', paragraphs }, 403);
  const csrfFailed = (reply: FastifyReply) =>
    render(reply, 'message', { heading: 'This form has expired', paragraphs: ['Go back, reload the page and try again. Nothing was changed.'] }, 403);

  /**
   * The member behind a request, or a reply already sent: the sign-in explanation when signed out, the
   * sign-up page when not yet a member, a notice when banned. `write` also checks the CSRF token.
   */
  async function memberOr(request: FastifyRequest, reply: FastifyReply, write = false): Promise<(Reader & { member: Member }) | undefined> {
    const reader = await readerOf(request, vault, forums.members);
    if (!reader) {
      if (request.method === 'GET') await render(reply, 'signed-out', { hideForumNav: true }, 401);
      else await render(reply, 'message', { heading: 'You are signed out', paragraphs: ['Sign in to Casebook again, then go back to the forums. Nothing was posted.'] }, 401);
      return undefined;
    }
    if (write && !csrfOk(request, reader.session)) {
      await csrfFailed(reply);
      return undefined;
    }
    if (!reader.member) {
      await reply.redirect(FORUMS_PATH, 303);
      return undefined;
    }
    if (reader.member.status === 'banned') {
      await render(reply, 'message', { heading: 'Your forum membership has ended', paragraphs: ['A moderator has closed your forum membership because of a serious breach of the house rules. Your Casebook record is not affected.'] }, 403);
      return undefined;
    }
    return reader as Reader & { member: Member };
  }

  const canWrite = (reply: FastifyReply, member: Member) => {
    if (!isSuspended(member, clock())) return true;
    void forbidden(reply, [
      `A moderator has paused your posting${member.suspendedUntil ? ` until ${formatWhen(member.suspendedUntil)}` : ''}. You can still read the forums.`,
      'Look at your notifications for the reason.',
    ]);
    return false;
  };

  // Landing page: what the forums are, how to sign in, or how to join.

  app.get(FORUMS_PATH, async (request, reply) => {
    const reader = await readerOf(request, vault, forums.members);
    if (!reader) return render(reply, 'signed-out', { hideForumNav: true });
    if (!reader.member) return render(reply, 'join', { hideForumNav: true, csrfToken: reader.session.csrfToken, suggestion: suggestForumName(randomInt), values: {} });
    if (reader.member.status === 'banned') return memberOr(request, reply);
    const member = await forums.members.recordVisit(reader.member, clock());
    const activity = await forums.reading.boardActivity(member.previousVisitAt);
    const all = await boards();
    const withActivity = (forum: Forum) => all.filter((b) => b.forum === forum).map((b) => ({ ...b, ...(activity.get(b.id) ?? { topics: 0, fresh: 0 }) }));
    return render(reply, 'index', {
      member,
      professional: PROFESSIONAL_ROLES[member.professionalRole as ProfessionalRole],
      victims: withActivity('victims'),
      professionals: canRead(member, 'professionals') ? withActivity('professionals') : [],
      unread: await forums.notifications.unreadNotifications(member.id),
      since: member.previousVisitAt,
      isNew: isNewMember(member, clock()),
    });
  });

  app.post(FORUMS_PATH + '/join', { bodyLimit: 4096 }, async (request, reply) => {
    const reader = await readerOf(request, vault, forums.members);
    if (!reader) return render(reply, 'signed-out', { hideForumNav: true }, 401);
    if (!csrfOk(request, reader.session)) return csrfFailed(reply);
    if (reader.member) return reply.redirect(FORUMS_PATH, 303);
    const raw = text(request.body, 'name', 200);
    const check = checkForumName(raw, reader.session.username);
    const again = (message: string) =>
      render(reply, 'join', { hideForumNav: true, csrfToken: reader.session.csrfToken, suggestion: suggestForumName(randomInt), values: { name: raw }, errors: [{ text: message, href: '#name' }], nameError: message }, 400);
    if (!check.ok) return again(check.message);
    if (text(request.body, 'agree') !== 'yes') return again('Confirm that you have read the house rules');
    const member = await forums.members.join(reader.session.accountId, check.name, check.key, clock());
    if (!member) return again('That forum name is taken. Choose another, or use the suggested one');
    return reply.redirect(FORUMS_PATH, 303);
  });

  // Boards and topics

  app.get<{ Params: { board: string }; Querystring: Query }>(`${FORUMS_PATH}/boards/:board`, { schema: { params: boardParam } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const board = await boardById(request.params.board);
    if (!board) return notFound(reply);
    if (!canRead(reader.member, board.forum)) return professionalsOnly(reply);
    const [at, id] = (request.query.before ?? '').split('.').map((v) => num(v));
    const page = await forums.reading.topics(board.id, reader.member.id, at !== undefined && id !== undefined ? { at, id } : undefined, LIMITS.topicPageSize);
    const last = page.topics.at(-1);
    const context = {
      board,
      topics: page.topics.map((t) => ({ ...t, fresh: t.lastPostAt > (t.readAt ?? reader.member.previousVisitAt) && t.lastPostAt > (t.readAt ?? 0) })),
      next: page.more && last ? `${last.lastPostAt}.${last.id}` : undefined,
      canPost: !isSuspended(reader.member, clock()),
    };
    // Everything on the page but the "New" tags, so every member with the same view shares one render.
    const signature = createHash('sha256')
      .update(JSON.stringify([board.id, context.next, context.canPost, page.topics.map((t) => [t.id, t.title, t.replyCount, t.lastPostAt, t.createdAt, t.authorName])]))
      .digest('base64url');
    const shared = boardPages.get(
      signature,
      context.topics.map((t) => t.fresh),
      () => views.render('forums/board.njk', { ...pageContext, ...context, topics: context.topics.map((t) => ({ ...t, fresh: true })) }),
    );
    return shared ? sendCachedPage(request, reply, shared) : render(reply, 'board', context);
  });

  const professionalsOnly = (reply: FastifyReply) =>
    forbidden(reply, [
      'The professionals’ forum is for police officers, IDVAs, solicitors and support workers whose role a moderator has checked.',
      `If that is you, ask for access from the forums page.`,
    ]);

  app.get<{ Params: { board: string } }>(`${FORUMS_PATH}/boards/:board/new`, { schema: { params: boardParam } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const board = await boardById(request.params.board);
    if (!board) return notFound(reply);
    if (!canRead(reader.member, board.forum)) return professionalsOnly(reply);
    if (!canWrite(reply, reader.member)) return reply;
    return render(reply, 'compose', composeContext(reader, { board, action: `${FORUMS_PATH}/boards/${board.id}/topics`, withTitle: true }));
  });

  function composeContext(reader: Reader & { member: Member }, extra: Record<string, unknown>) {
    return {
      csrfToken: reader.session.csrfToken,
      isNew: isNewMember(reader.member, clock()),
      maxImages: isNewMember(reader.member, clock()) ? LIMITS.images.new : LIMITS.images.established,
      heldNext: reader.member.approvedPosts < LIMITS.heldUntilApproved,
      limits: LIMITS,
      values: {},
      removing: [],
      ...extra,
    };
  }

  /** The shared path of a new topic, a reply and an edit: check, then either show problems or store. */
  async function checkDraft(request: FastifyRequest, reply: FastifyReply, reader: Reader & { member: Member }, withTitle: boolean, context: Record<string, unknown>, keptImages = 0) {
    if (!request.headers['content-type']?.startsWith('multipart/') && Number(request.headers['content-length']) > TEXT_BODY_LIMIT) {
      await render(reply, 'message', { heading: 'Your post is too long', paragraphs: [`Posts can be up to ${LIMITS.bodyMax.toLocaleString('en-GB')} characters. Go back, shorten it and try again.`] }, 413);
      return undefined;
    }
    const body = text(request.body, 'body', LIMITS.bodyMax * 2);
    const title = withTitle ? text(request.body, 'title', LIMITS.titleMax * 2) : undefined;
    const values = { body, title };
    const uploads = files(request.body, 'images');
    const assessment = assessDraft({ title, body, detailsConfirmed: text(request.body, 'detailsConfirmed') === 'yes', imageCount: keptImages + uploads.length }, reader.member, await forums.moderation.filters(), clock());
    const images: { type: string; width: number; height: number; bytes: Uint8Array }[] = [];
    for (const upload of assessment.ok ? uploads : []) {
      const cleaned = stripImageMetadata(upload.data, { maxBytes: LIMITS.imageBytes, maxSide: LIMITS.imagePixels });
      if (!cleaned.ok) {
        await render(reply, 'compose', composeContext(reader, { ...context, withTitle, values, errors: [{ text: cleaned.message, href: '#images' }], imagesError: cleaned.message }), 400);
        return undefined;
      }
      images.push({ type: cleaned.image.type, width: cleaned.image.width, height: cleaned.image.height, bytes: cleaned.image.bytes });
    }
    if (!assessment.ok) {
      const combined = title === undefined ? body : `${title}\n${body}`;
      await render(
        reply,
        'compose',
        composeContext(reader, {
          ...context,
          withTitle,
          values,
          errors: assessment.errors.map((e) => ({ text: e.message, href: `#${e.field}` })),
          titleError: assessment.errors.filter((e) => e.field === 'title').map((e) => e.message).join('. '),
          bodyError: assessment.errors.filter((e) => e.field === 'body').map((e) => e.message).join('. '),
          imagesError: assessment.errors.filter((e) => e.field === 'images').map((e) => e.message).join('. '),
          findings: assessment.findings.length ? highlightSegments(combined, assessment.findings).map((s) => ({ text: s.text, label: s.finding ? labelOf(s.finding) : undefined })) : undefined,
        }),
        400,
      );
      return undefined;
    }
    if (text(request.body, 'intent') === 'preview') {
      await render(reply, 'compose', composeContext(reader, { ...context, withTitle, values, preview: assessment.post.bodyHtml, previewTitle: title }));
      return undefined;
    }
    return { ...assessment, images };
  }

  async function rateLimited(reply: FastifyReply, member: Member): Promise<boolean> {
    const wait = postingWait(member, await forums.composing.recentPostCounts(member.id, clock()), clock());
    if (wait.allowed) return false;
    await render(reply, 'message', { heading: 'Please wait before posting again', paragraphs: [wait.reason ?? ''] }, 429);
    return true;
  }

  app.post<{ Params: { board: string } }>(`${FORUMS_PATH}/boards/:board/topics`, { schema: { params: boardParam }, bodyLimit: POST_BODY_LIMIT }, async (request, reply) => {
    const reader = await memberOr(request, reply, true);
    if (!reader) return reply;
    const board = await boardById(request.params.board);
    if (!board) return notFound(reply);
    if (!canRead(reader.member, board.forum)) return professionalsOnly(reply);
    if (!canWrite(reply, reader.member) || (await rateLimited(reply, reader.member))) return reply;
    const assessed = await checkDraft(request, reply, reader, true, { board, action: `${FORUMS_PATH}/boards/${board.id}/topics` });
    if (!assessed) return reply;
    const title = text(request.body, 'title').trim().replace(/\s+/g, ' ');
    const { postId } = await forums.composing.createTopic(board.id, title, { ...assessed.post, member: reader.member, images: assessed.images }, clock());
    return reply.redirect(`${FORUMS_PATH}/posts/${postId}/posted${assessed.crisis.length ? '?support=1' : ''}`, 303);
  });

  app.get<{ Params: { id: string }; Querystring: Query }>(`${FORUMS_PATH}/topics/:id`, { schema: { params: idParam } }, async (request, reply) => {
    const id = Number(request.params.id);
    const cookie = request.cookies[SESSION_COOKIE];
    const idHash = cookie && cookie.length <= 100 ? sha256Hex(cookie) : undefined;
    const now = clock();
    const viewOf = (hash: string) => topicViews.get(hash, id) ?? topicViews.load(hash, id, () => forums.reading.topicPageRead(hash, id));
    // From memory or one query when the session is fresh; otherwise the full check (which refreshes or ends the session) first.
    let read = idHash ? await viewOf(idHash) : undefined;
    if (!read || !usable(read, now)) {
      if (!(await memberOr(request, reply))) return reply;
      read = await viewOf(idHash!);
      if (!read) return memberOr(request, reply);
    }
    const topic = read.topic;
    if (!topic || topic.status === 'removed' || topic.status === 'held' || (topic.status === 'hidden' && topic.memberId !== read.memberId)) return notFound(reply);
    if (topic.forum === 'professionals' && !read.professionalApproved) return professionalsOnly(reply);
    const after = num(request.query.after);
    const before = request.query.last !== undefined ? 2 ** 31 - 1 : num(request.query.before);
    // The read marker (for "new since your last visit") is written at most once a minute per reader and topic: on
    // a busy topic every view would otherwise be a write.
    if (read.readAt === null || (read.readAt < topic.lastPostAt && now - read.readAt >= 60_000)) {
      await forums.reading.markRead(read.memberId, topic.id, now);
      topicViews.markedRead(read.memberId, topic.id, now);
    }
    const key = `${topic.id}|${after ?? ''}|${before ?? ''}`;
    const page = await topicPages.get(key, topic.version, async () => {
      const full = await forums.reading.topic(topic.id);
      const { posts, hasBefore, hasAfter } = await forums.reading.posts(topic.id, before !== undefined ? { before } : after !== undefined ? { after } : {}, LIMITS.replyPageSize);
      return views.render('forums/topic.njk', {
        pageTitle: 'Forums',
        noindex: true,
        currentSection: 'talk',
        houseRulesPath: HOUSE_RULES_PATH,
        formatWhen,
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

  // Replies

  const topicForWriting = async (reply: FastifyReply, reader: Reader & { member: Member }, id: number) => {
    const found = await forums.reading.topicForReader(id, reader.member.id);
    if (!found || found.topic.status !== 'published') {
      await notFound(reply);
      return undefined;
    }
    if (!canRead(reader.member, found.forum)) {
      await professionalsOnly(reply);
      return undefined;
    }
    return found;
  };

  app.get<{ Params: { id: string } }>(`${FORUMS_PATH}/topics/:id/reply`, { schema: { params: idParam } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const found = await topicForWriting(reply, reader, Number(request.params.id));
    if (!found || !canWrite(reply, reader.member)) return reply;
    return render(reply, 'compose', composeContext(reader, { topic: found.topic, action: `${FORUMS_PATH}/topics/${found.topic.id}/replies`, withTitle: false }));
  });

  app.post<{ Params: { id: string } }>(`${FORUMS_PATH}/topics/:id/replies`, { schema: { params: idParam }, bodyLimit: POST_BODY_LIMIT }, async (request, reply) => {
    const reader = await memberOr(request, reply, true);
    if (!reader) return reply;
    const found = await topicForWriting(reply, reader, Number(request.params.id));
    if (!found || !canWrite(reply, reader.member) || (await rateLimited(reply, reader.member))) return reply;
    const assessed = await checkDraft(request, reply, reader, false, { topic: found.topic, action: `${FORUMS_PATH}/topics/${found.topic.id}/replies` });
    if (!assessed) return reply;
    const postId = await forums.composing.createReply(found.topic.id, { ...assessed.post, member: reader.member, images: assessed.images }, clock());
    return reply.redirect(`${FORUMS_PATH}/posts/${postId}/posted${assessed.crisis.length ? '?support=1' : ''}`, 303);
  });

  // One post: its own page (with the actions this reader may take), edit, delete, report.

  async function postFor(reply: FastifyReply, reader: Reader & { member: Member }, id: number, ownOnly: boolean) {
    const post = await forums.reading.postView(id);
    const topic = post ? await forums.reading.topicForReader(post.topicId, reader.member.id) : undefined;
    const own = post?.memberId === reader.member.id;
    if (!post || !topic || (!own && (post.status !== 'published' || topic.topic.status !== 'published'))) {
      await notFound(reply);
      return undefined;
    }
    if (!canRead(reader.member, topic.forum)) {
      await professionalsOnly(reply);
      return undefined;
    }
    if (ownOnly && !own) {
      await forbidden(reply, ['You can only change or delete your own posts. If a post worries you, report it to the moderators.']);
      return undefined;
    }
    return { post, topic: topic.topic, forum: topic.forum, own };
  }

  app.get<{ Params: { id: string }; Querystring: Query }>(`${FORUMS_PATH}/posts/:id`, { schema: { params: idParam } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const found = await postFor(reply, reader, Number(request.params.id), false);
    if (!found) return reply;
    return render(reply, 'post', { ...found, professionals: found.forum === 'professionals' });
  });

  app.get<{ Params: { id: string }; Querystring: Query }>(`${FORUMS_PATH}/posts/:id/posted`, { schema: { params: idParam } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const found = await postFor(reply, reader, Number(request.params.id), true);
    if (!found) return reply;
    return render(reply, 'posted', { ...found, support: request.query.support === '1' || Boolean(found.post.crisis) });
  });

  app.get<{ Params: { id: string } }>(`${FORUMS_PATH}/posts/:id/edit`, { schema: { params: idParam } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const found = await postFor(reply, reader, Number(request.params.id), true);
    if (!found || !canWrite(reply, reader.member)) return reply;
    return render(
      reply,
      'compose',
      composeContext(reader, {
        editing: found.post,
        topic: found.topic,
        action: `${FORUMS_PATH}/posts/${found.post.id}/edit`,
        withTitle: found.post.isOpening,
        values: { body: found.post.body, title: found.topic.title },
      }),
    );
  });

  app.post<{ Params: { id: string } }>(`${FORUMS_PATH}/posts/:id/edit`, { schema: { params: idParam }, bodyLimit: POST_BODY_LIMIT }, async (request, reply) => {
    const reader = await memberOr(request, reply, true);
    if (!reader) return reply;
    const found = await postFor(reply, reader, Number(request.params.id), true);
    if (!found || !canWrite(reply, reader.member)) return reply;
    if (found.post.status === 'removed') return forbidden(reply, ['A moderator removed this post, so it cannot be changed. You can delete it.']);
    // Each picture has its own "take out" box (remove-<id>): only this post's own pictures can be named.
    const removing = found.post.images.filter((image) => text(request.body, `remove-${image.id}`) === 'yes').map((image) => image.id);
    const context = { editing: found.post, removing, topic: found.topic, action: `${FORUMS_PATH}/posts/${found.post.id}/edit` };
    const assessed = await checkDraft(request, reply, reader, found.post.isOpening, context, found.post.images.length - removing.length);
    if (!assessed) return reply;
    // An edit never un-hides a post, and a held post stays held until a moderator looks.
    const keepStatus = found.post.status === 'hidden' || found.post.status === 'held';
    await forums.composing.editPost(
      found.post,
      {
        body: assessed.post.body,
        bodyHtml: assessed.post.bodyHtml,
        searchText: assessed.post.searchText,
        ...(found.post.isOpening ? { title: text(request.body, 'title').trim().replace(/\s+/g, ' ') } : {}),
        status: keepStatus ? found.post.status : assessed.post.status,
        priority: Math.max(assessed.post.priority, keepStatus ? found.post.priority : 0),
        crisis: assessed.post.crisis,
        heldReason: assessed.post.heldReason,
        removeImageIds: removing,
        addImages: assessed.images,
      },
      clock(),
    );
    return reply.redirect(`${FORUMS_PATH}/posts/${found.post.id}/posted${assessed.crisis.length ? '?support=1' : ''}`, 303);
  });

  app.get<{ Params: { id: string } }>(`${FORUMS_PATH}/posts/:id/delete`, { schema: { params: idParam } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const found = await postFor(reply, reader, Number(request.params.id), true);
    if (!found) return reply;
    return render(reply, 'delete-post', { ...found, csrfToken: reader.session.csrfToken });
  });

  app.post<{ Params: { id: string } }>(`${FORUMS_PATH}/posts/:id/delete`, { schema: { params: idParam }, bodyLimit: 4096 }, async (request, reply) => {
    const reader = await memberOr(request, reply, true);
    if (!reader) return reply;
    const found = await postFor(reply, reader, Number(request.params.id), true);
    if (!found) return reply;
    await forums.composing.deletePost(found.post);
    return render(reply, 'message', { heading: found.post.isOpening ? 'Your topic has been deleted' : 'Your post has been deleted', paragraphs: ['It has gone for good, from the forums and from search.'], back: FORUMS_PATH });
  });

  app.get<{ Params: { id: string } }>(`${FORUMS_PATH}/posts/:id/report`, { schema: { params: idParam } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const found = await postFor(reply, reader, Number(request.params.id), false);
    if (!found) return reply;
    return render(reply, 'report', { ...found, csrfToken: reader.session.csrfToken, reasons: FLAG_REASONS, values: {} });
  });

  app.post<{ Params: { id: string } }>(`${FORUMS_PATH}/posts/:id/report`, { schema: { params: idParam }, bodyLimit: 8192 }, async (request, reply) => {
    const reader = await memberOr(request, reply, true);
    if (!reader) return reply;
    const found = await postFor(reply, reader, Number(request.params.id), false);
    if (!found) return reply;
    const reason = text(request.body, 'reason', 40);
    const detail = text(request.body, 'detail', LIMITS.flagReasonMax + 1).trim();
    const problems = [
      ...(FLAG_REASONS[reason] ? [] : [{ text: 'Choose why you are reporting this post', href: '#reason' }]),
      ...(detail.length > LIMITS.flagReasonMax ? [{ text: `Tell us in ${LIMITS.flagReasonMax} characters or fewer`, href: '#detail' }] : []),
    ];
    if (problems.length) return render(reply, 'report', { ...found, csrfToken: reader.session.csrfToken, reasons: FLAG_REASONS, values: { reason, detail }, errors: problems }, 400);
    if ((await forums.moderation.flagsToday(reader.member.id, clock())) >= LIMITS.flagsPerDay) {
      return render(reply, 'message', { heading: 'Please wait before reporting more posts', paragraphs: ['You have sent a lot of reports today. If something is urgent, call the helpline or, in danger, 999.'] }, 429);
    }
    await forums.moderation.flag(found.post.id, reader.member.id, reason, detail || null, clock());
    return render(reply, 'message', {
      heading: 'Thank you. A moderator will look at this post',
      paragraphs: ['Moderators look at reports in order of urgency. The person who wrote the post is not told who reported it.'],
      back: `${FORUMS_PATH}/topics/${found.topic.id}`,
    });
  });

  // Following and notifications (inside Casebook only: no email, no push).

  app.get<{ Params: { id: string } }>(`${FORUMS_PATH}/topics/:id/follow`, { schema: { params: idParam } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const found = await topicForWriting(reply, reader, Number(request.params.id));
    if (!found) return reply;
    return render(reply, 'follow', { topic: found.topic, following: await forums.notifications.isFollowing(reader.member.id, found.topic.id), csrfToken: reader.session.csrfToken });
  });

  app.post<{ Params: { id: string } }>(`${FORUMS_PATH}/topics/:id/follow`, { schema: { params: idParam }, bodyLimit: 4096 }, async (request, reply) => {
    const reader = await memberOr(request, reply, true);
    if (!reader) return reply;
    const found = await topicForWriting(reply, reader, Number(request.params.id));
    if (!found) return reply;
    await forums.notifications.setFollow(reader.member.id, found.topic.id, text(request.body, 'follow') === 'yes');
    return reply.redirect(`${FORUMS_PATH}/topics/${found.topic.id}/follow`, 303);
  });

  app.get(`${FORUMS_PATH}/notifications`, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const list = await forums.notifications.notifications(reader.member.id);
    await forums.notifications.markNotificationsRead(reader.member.id, clock());
    return render(reply, 'notifications', { notifications: list });
  });

  // For the topic page's script: which posts are the reader's own, so it can offer "Change" and "Delete" beside them.
  app.get(`${FORUMS_PATH}/me`, async (request, reply) => {
    const reader = await readerOf(request, vault, forums.members);
    reply.header('cache-control', 'no-store');
    if (!reader?.member) return reply.code(401).send({ error: 'signed_out', message: 'Sign in to use the forums.' });
    return { memberId: reader.member.id };
  });

  app.get(`${FORUMS_PATH}/my-posts`, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    return render(reply, 'my-posts', { posts: await forums.reading.memberPosts(reader.member.id) });
  });

  // Search within the forums this member may read.

  app.get<{ Querystring: Query }>(`${FORUMS_PATH}/search`, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const q = (request.query.q ?? '').slice(0, LIMITS.searchQueryMax).trim();
    const results = q ? await forums.search.search(q, forumsFor(reader.member), 30) : [];
    return render(reply, 'search', { q, results: results.map((r) => ({ ...r, snippet: snippet(r.text, r.words) })) });
  });

  // Professionals ask for access; a moderator checks.

  app.get(`${FORUMS_PATH}/professionals`, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    return render(reply, 'professionals', { member: reader.member, roles: PROFESSIONAL_ROLES, csrfToken: reader.session.csrfToken, values: {} });
  });

  app.post(`${FORUMS_PATH}/professionals`, { bodyLimit: 4096 }, async (request, reply) => {
    const reader = await memberOr(request, reply, true);
    if (!reader) return reply;
    const role = text(request.body, 'role', 40) as ProfessionalRole;
    const note = text(request.body, 'note', 400).trim();
    const errors = [
      ...(PROFESSIONAL_ROLES[role] ? [] : [{ text: 'Choose your role', href: '#role' }]),
      ...(note.length < 10 || note.length > 300 ? [{ text: 'Tell the moderators where you work and how they can check (10 to 300 characters)', href: '#note' }] : []),
    ];
    if (errors.length) return render(reply, 'professionals', { member: reader.member, roles: PROFESSIONAL_ROLES, csrfToken: reader.session.csrfToken, values: { role, note }, errors }, 400);
    if (reader.member.professionalStatus === 'approved') return reply.redirect(FORUMS_PATH, 303);
    await forums.members.requestProfessional(reader.member.id, role, note);
    return reply.redirect(`${FORUMS_PATH}/professionals`, 303);
  });

  // Leaving: the membership and everything in it goes.

  app.get(`${FORUMS_PATH}/leave`, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    return render(reply, 'leave', { csrfToken: reader.session.csrfToken, member: reader.member });
  });

  app.post(`${FORUMS_PATH}/leave`, { bodyLimit: 4096 }, async (request, reply) => {
    const reader = await memberOr(request, reply, true);
    if (!reader) return reply;
    if (text(request.body, 'confirm') !== 'yes') {
      return render(reply, 'leave', { csrfToken: reader.session.csrfToken, member: reader.member, errors: [{ text: 'Confirm that you want to delete your forum membership and posts', href: '#confirm' }] }, 400);
    }
    await forums.members.deleteMember(reader.member.id);
    return render(reply, 'message', { heading: 'Your forum membership has been deleted', paragraphs: ['Your forum name, your posts and topics, your reports, follows and notifications have been deleted. Your Casebook record is not affected.'] });
  });

  // Pictures are served only to members who can read the post they belong to.
  app.get<{ Params: { id: string } }>(`${FORUMS_PATH}/images/:id`, { schema: { params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } } } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const image = await forums.reading.image(request.params.id);
    if (!image || !(await postFor(reply, reader, image.postId, false))) return reply.sent ? reply : notFound(reply);
    return reply.header('cache-control', 'no-store').header('content-type', image.type).header('content-disposition', 'inline').send(Buffer.from(image.bytes));
  });

  app.setErrorHandler((error: { statusCode?: number; code?: string }, request, reply) => {
    if (error.statusCode === 413) {
      return render(reply, 'message', { heading: 'Your post is too long', paragraphs: [`Posts can be up to ${LIMITS.bodyMax.toLocaleString('en-GB')} characters. Go back, shorten it and try again.`] }, 413);
    }
    if (error.statusCode === 400) return render(reply, 'message', { heading: 'Page not found', paragraphs: ['That address is not right. Check it, or go back to the forums.'], back: FORUMS_PATH }, 400);
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ reqId: request.id }, 'database unavailable');
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return render(reply, 'message', { heading: UNAVAILABLE.heading, paragraphs: [...UNAVAILABLE.paragraphs] }, 503);
    }
    request.log.error({ reqId: request.id, err: error }, 'forum request failed');
    return render(reply, 'message', { heading: 'Sorry, there is a problem', paragraphs: ['Please try again in a moment. Nothing you posted before has been lost.'] }, 500);
  });
}

function labelOf(finding: Finding): string {
  return { phone: 'Phone number', email: 'Email address', postcode: 'Postcode', address: 'Address', vehicle: 'Car registration', social: 'Social media' }[finding.kind];
}

/** About 200 characters around the first matching word. */
function snippet(text: string, words: string[]): string {
  const lower = text.toLowerCase();
  const at = Math.max(0, Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0), text.length) - 60);
  const part = text.slice(at, at + 200).replace(/\s+/g, ' ');
  return `${at > 0 ? '…' : ''}${part}${at + 200 < text.length ? '…' : ''}`;
}

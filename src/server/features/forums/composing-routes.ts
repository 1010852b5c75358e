import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Finding } from '../../../domain/forums/identifying-details.ts';
import { stripImageMetadata } from '../../../domain/forums/image-metadata.ts';
import { isNewMember, LIMITS, postingWait } from '../../../domain/forums/limits.ts';
import type { ComposingRepository } from './composing-repository.ts';
import type { ModerationRepository } from './moderation-repository.ts';
import { type ForumPages, type MemberReader, text } from './pages.ts';
import { assessDraft, highlightSegments } from './post-rules.ts';
import type { ReadingRepository } from './reading-repository.ts';
import type { Member } from './records.ts';
import {
  BoardParams,
  CsrfForm,
  DraftForm,
  IdParams,
  NoQuery,
  POST_BODY_LIMIT,
  PostedQuery,
  SMALL_FORM_LIMIT,
  TEXT_BODY_LIMIT,
  type UploadedFile,
} from './schemas.ts';

export interface ForumComposingOptions {
  pages: ForumPages;
  clock: () => number;
  composing: ComposingRepository;
  reading: Pick<ReadingRepository, 'memberPosts'>;
  moderation: Pick<ModerationRepository, 'filters'>;
}

const files = (body: unknown, key: string): UploadedFile[] => {
  const value = (body as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(value) ? (value as UploadedFile[]) : [];
};

/**
 * Composing: a new topic, a reply, and the author's own posts (the confirmation, change, delete and "Your posts").
 * Every draft passes the rules in post-rules.ts; the form comes back with what is wrong, or a preview.
 */
export async function forumComposingRoutes(
  fastify: FastifyInstance,
  { pages, clock, composing, reading, moderation }: ForumComposingOptions,
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { render, memberOr, canRead, canWrite, boardById, notFound, forbidden, professionalsOnly, postFor, topicForWriting, base, words } =
    pages;
  // The rules' messages are English sentences; a Welsh page says what each field needs instead (docs/welsh.md).
  const say = (field: string, message: string) => (pages.language === 'en' ? message : (words[`${field}Error`] ?? message));
  const fieldErrors = (errors: readonly { field: string; message: string }[], field: string) =>
    [...new Set(errors.filter((e) => e.field === field).map((e) => say(e.field, e.message)))].join('. ');

  function composeContext(reader: MemberReader, extra: Record<string, unknown>) {
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
  async function checkDraft(
    request: FastifyRequest,
    reply: FastifyReply,
    reader: MemberReader,
    withTitle: boolean,
    context: Record<string, unknown>,
    keptImages = 0,
  ) {
    const body = text(request.body, 'body', LIMITS.bodyMax * 2);
    const title = withTitle ? text(request.body, 'title', LIMITS.titleMax * 2) : undefined;
    const values = { body, title };
    const uploads = files(request.body, 'images');
    const assessment = assessDraft(
      { title, body, detailsConfirmed: text(request.body, 'detailsConfirmed') === 'yes', imageCount: keptImages + uploads.length },
      reader.member,
      await moderation.filters(),
      clock(),
    );
    const images: { type: string; width: number; height: number; bytes: Uint8Array }[] = [];
    for (const upload of assessment.ok ? uploads : []) {
      const cleaned = stripImageMetadata(upload.data, { maxBytes: LIMITS.imageBytes, maxSide: LIMITS.imagePixels });
      if (!cleaned.ok) {
        await render(
          reply,
          'compose',
          composeContext(reader, {
            ...context,
            withTitle,
            values,
            errors: [{ text: say('images', cleaned.message), href: '#images' }],
            imagesError: say('images', cleaned.message),
          }),
          400,
        );
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
          errors: [
            ...new Map(
              assessment.errors.map((e) => [say(e.field, e.message), { text: say(e.field, e.message), href: `#${e.field}` }]),
            ).values(),
          ],
          titleError: fieldErrors(assessment.errors, 'title'),
          bodyError: fieldErrors(assessment.errors, 'body'),
          imagesError: fieldErrors(assessment.errors, 'images'),
          findings: assessment.findings.length
            ? highlightSegments(combined, assessment.findings).map((s) => ({
                text: s.text,
                label: s.finding ? (pages.language === 'en' ? labelOf(s.finding) : words[`finding_${s.finding.kind}`]) : undefined,
              }))
            : undefined,
        }),
        400,
      );
      return undefined;
    }
    if (text(request.body, 'intent') === 'preview') {
      await render(
        reply,
        'compose',
        composeContext(reader, { ...context, withTitle, values, preview: assessment.post.bodyHtml, previewTitle: title }),
      );
      return undefined;
    }
    return { ...assessment, images };
  }

  /**
   * The draft routes' body limit leaves room for pictures; a form without them is held to the text's own limit,
   * before it is validated (answered "Your post is too long", as any 413 is).
   */
  const textWithinLimit = async (request: FastifyRequest) => {
    if (!request.isMultipart() && Number(request.headers['content-length']) > TEXT_BODY_LIMIT)
      throw Object.assign(new Error('Request body is too large'), { statusCode: 413 });
  };
  const draftRoute = { bodyLimit: POST_BODY_LIMIT, preValidation: textWithinLimit };

  async function rateLimited(reply: FastifyReply, member: Member): Promise<boolean> {
    const wait = postingWait(member, await composing.recentPostCounts(member.id, clock()), clock());
    if (wait.allowed) return false;
    await render(
      reply,
      'message',
      { heading: words.wait, paragraphs: [pages.language === 'en' ? (wait.reason ?? '') : words.waitText] },
      429,
    );
    return true;
  }

  // A new topic.

  app.get(`${base}/boards/:board/new`, { schema: { params: BoardParams, querystring: NoQuery } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const board = await boardById(request.params.board);
    if (!board) return notFound(reply);
    if (!canRead(reader.member, board.forum)) return professionalsOnly(reply);
    if (!canWrite(reply, reader.member)) return reply;
    return render(reply, 'compose', composeContext(reader, { board, action: `${base}/boards/${board.id}/topics`, withTitle: true }));
  });

  app.post(`${base}/boards/:board/topics`, { schema: { params: BoardParams, body: DraftForm }, ...draftRoute }, async (request, reply) => {
    const reader = await memberOr(request, reply, true);
    if (!reader) return reply;
    const board = await boardById(request.params.board);
    if (!board) return notFound(reply);
    if (!canRead(reader.member, board.forum)) return professionalsOnly(reply);
    if (!canWrite(reply, reader.member) || (await rateLimited(reply, reader.member))) return reply;
    const assessed = await checkDraft(request, reply, reader, true, { board, action: `${base}/boards/${board.id}/topics` });
    if (!assessed) return reply;
    const title = text(request.body, 'title').trim().replace(/\s+/g, ' ');
    const { postId } = await composing.createTopic(
      board.id,
      title,
      { ...assessed.post, member: reader.member, images: assessed.images },
      clock(),
    );
    return reply.redirect(`${base}/posts/${postId}/posted${assessed.crisis.length ? '?support=1' : ''}`, 303);
  });

  // Replies.

  app.get(`${base}/topics/:id/reply`, { schema: { params: IdParams, querystring: NoQuery } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const found = await topicForWriting(reply, reader, Number(request.params.id));
    if (!found || !canWrite(reply, reader.member)) return reply;
    return render(
      reply,
      'compose',
      composeContext(reader, { topic: found.topic, action: `${base}/topics/${found.topic.id}/replies`, withTitle: false }),
    );
  });

  app.post(`${base}/topics/:id/replies`, { schema: { params: IdParams, body: DraftForm }, ...draftRoute }, async (request, reply) => {
    const reader = await memberOr(request, reply, true);
    if (!reader) return reply;
    const found = await topicForWriting(reply, reader, Number(request.params.id));
    if (!found || !canWrite(reply, reader.member) || (await rateLimited(reply, reader.member))) return reply;
    const assessed = await checkDraft(request, reply, reader, false, {
      topic: found.topic,
      action: `${base}/topics/${found.topic.id}/replies`,
    });
    if (!assessed) return reply;
    const postId = await composing.createReply(
      found.topic.id,
      { ...assessed.post, member: reader.member, images: assessed.images },
      clock(),
    );
    return reply.redirect(`${base}/posts/${postId}/posted${assessed.crisis.length ? '?support=1' : ''}`, 303);
  });

  // The author's own post: the confirmation, change and delete.

  app.get(`${base}/posts/:id/posted`, { schema: { params: IdParams, querystring: PostedQuery } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const found = await postFor(reply, reader, Number(request.params.id), true);
    if (!found) return reply;
    return render(reply, 'posted', { ...found, support: request.query.support === '1' || Boolean(found.post.crisis) });
  });

  app.get(`${base}/posts/:id/edit`, { schema: { params: IdParams, querystring: NoQuery } }, async (request, reply) => {
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
        action: `${base}/posts/${found.post.id}/edit`,
        withTitle: found.post.isOpening,
        values: { body: found.post.body, title: found.topic.title },
      }),
    );
  });

  app.post(`${base}/posts/:id/edit`, { schema: { params: IdParams, body: DraftForm }, ...draftRoute }, async (request, reply) => {
    const reader = await memberOr(request, reply, true);
    if (!reader) return reply;
    const found = await postFor(reply, reader, Number(request.params.id), true);
    if (!found || !canWrite(reply, reader.member)) return reply;
    if (found.post.status === 'removed') return forbidden(reply, [words.removedNoChange]);
    // Each picture has its own "take out" box (remove-<id>): only this post's own pictures can be named.
    const removing = found.post.images.filter((image) => text(request.body, `remove-${image.id}`) === 'yes').map((image) => image.id);
    const context = { editing: found.post, removing, topic: found.topic, action: `${base}/posts/${found.post.id}/edit` };
    const assessed = await checkDraft(request, reply, reader, found.post.isOpening, context, found.post.images.length - removing.length);
    if (!assessed) return reply;
    // An edit never un-hides a post, and a held post stays held until a moderator looks.
    const keepStatus = found.post.status === 'hidden' || found.post.status === 'held';
    await composing.editPost(
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
    return reply.redirect(`${base}/posts/${found.post.id}/posted${assessed.crisis.length ? '?support=1' : ''}`, 303);
  });

  app.get(`${base}/posts/:id/delete`, { schema: { params: IdParams, querystring: NoQuery } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const found = await postFor(reply, reader, Number(request.params.id), true);
    if (!found) return reply;
    return render(reply, 'delete-post', { ...found, csrfToken: reader.session.csrfToken });
  });

  app.post(
    `${base}/posts/:id/delete`,
    { schema: { params: IdParams, body: CsrfForm }, bodyLimit: SMALL_FORM_LIMIT },
    async (request, reply) => {
      const reader = await memberOr(request, reply, true);
      if (!reader) return reply;
      const found = await postFor(reply, reader, Number(request.params.id), true);
      if (!found) return reply;
      await composing.deletePost(found.post);
      return render(reply, 'message', {
        heading: found.post.isOpening ? words.topicDeleted : words.postDeleted,
        paragraphs: [words.deletedText],
        back: base,
      });
    },
  );

  app.get(`${base}/my-posts`, { schema: { querystring: NoQuery } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    return render(reply, 'my-posts', { posts: await reading.memberPosts(reader.member.id) });
  });
}

function labelOf(finding: Finding): string {
  return {
    phone: 'Phone number',
    email: 'Email address',
    postcode: 'Postcode',
    address: 'Address',
    vehicle: 'Car registration',
    social: 'Social media',
  }[finding.kind];
}

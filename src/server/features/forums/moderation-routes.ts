import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { normaliseDomain } from '../../../domain/forums/filters.ts';
import { LIMITS } from '../../../domain/forums/limits.ts';
import type { Services } from '../../services.ts';
import { requireStaff, staffPage } from '../staff/index.ts';
import { renderPost } from './markdown.ts';
import { formatWhen, text } from './pages.ts';
import { type Post, PROFESSIONAL_ROLES } from './records.ts';
import type { ForumsRepository } from './repository.ts';
import {
  CsrfForm,
  DecisionForm,
  FilterForm,
  IdParams,
  MemberParams,
  MODERATION_FORM_LIMIT,
  ModeratedPostQuery,
  NoQuery,
  ProfessionalDecisionForm,
  SMALL_FORM_LIMIT,
  StandingForm,
} from './schemas.ts';

const BASE = '/staff/moderation';

/** Reasons a moderator picks from; the code goes into the audit log, the wording to the member. */
export const REMOVAL_REASONS: Record<string, string> = {
  identifying: 'It had details that could identify someone.',
  harassment: 'It was unkind, abusive or harassing.',
  'unsafe-advice': 'It gave advice that could put someone at risk.',
  'off-topic': 'It was not about stalking, harassment or support.',
  spam: 'It was advertising or spam.',
  'house-rules': 'It broke the house rules in another way.',
};

const SUSPENSIONS: Record<string, number> = { '1': 1, '7': 7, '30': 30 };

const field = (request: FastifyRequest, key: string, max = 20_000) => text(request.body, key, max);

export type ForumModerationDeps = Pick<Services, 'clock' | 'audit' | 'views'>;

/**
 * The moderators' screens in the staff workspace: the queue (held posts and flagged posts, crisis first, then
 * oldest), one post with its flags and author's standing, the decisions, members' suspensions and bans,
 * professionals waiting for approval, and the word and link filters. Every decision is in the audit log with
 * ids and codes only, never the post's words.
 */
export interface ForumModerationOptions {
  services: ForumModerationDeps;
  forums: Pick<ForumsRepository, 'members' | 'reading' | 'moderation' | 'notifications'>;
}

export async function forumModerationRoutes(fastify: FastifyInstance, { services, forums }: ForumModerationOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { clock } = services;
  app.addHook('preHandler', requireStaff('moderator'));

  const page = (request: FastifyRequest, reply: FastifyReply, template: string, context: Record<string, unknown>, status = 200) =>
    staffPage(request, reply, services, `staff/moderation/${template}.njk`, { current: 'moderation', formatWhen, ...context }, status);
  const audit = (
    request: FastifyRequest,
    action: string,
    subjectType: string,
    subjectId: string | number,
    detail?: Record<string, unknown>,
  ) =>
    services.audit.record({ staffId: request.staff!.id, action, subjectType, subjectId: String(subjectId), ...(detail ? { detail } : {}) });
  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    page(request, reply, 'message', { heading: 'Not found', paragraphs: ['That post or member is not there any more.'] }, 404);

  app.get(BASE, { schema: { querystring: NoQuery } }, async (request, reply) => {
    const [queue, pending] = await Promise.all([forums.moderation.queue(), forums.members.pendingProfessionals()]);
    return page(request, reply, 'queue', {
      queue: queue.map((p) => ({ ...p, excerpt: p.body.slice(0, 240) })),
      pendingProfessionals: pending.length,
    });
  });

  async function postWithContext(id: number) {
    const post = await forums.reading.postView(id);
    if (!post) return undefined;
    const [topic, author, flags] = await Promise.all([
      forums.reading.topic(post.topicId),
      forums.members.memberById(post.memberId),
      forums.moderation.openFlags(post.id),
    ]);
    return topic && author ? { post, topic, author, flags } : undefined;
  }

  app.get(`${BASE}/posts/:id`, { schema: { params: IdParams, querystring: ModeratedPostQuery } }, async (request, reply) => {
    const found = await postWithContext(Number(request.params.id));
    if (!found) return notFound(request, reply);
    return page(request, reply, 'post', {
      ...found,
      reasons: REMOVAL_REASONS,
      professional: PROFESSIONAL_ROLES[found.author.professionalRole ?? 'police'],
    });
  });

  const decide = (action: string, run: (request: FastifyRequest, post: Post) => Promise<Record<string, unknown> | string | undefined>) =>
    app.post(
      `${BASE}/posts/:id/${action}`,
      { schema: { params: IdParams, body: DecisionForm }, bodyLimit: MODERATION_FORM_LIMIT },
      async (request, reply) => {
        const post = await forums.reading.post(Number(request.params.id));
        if (!post) return notFound(request, reply);
        const outcome = await run(request, post);
        if (typeof outcome === 'string') {
          const found = await postWithContext(post.id);
          return page(request, reply, 'post', { ...found, reasons: REMOVAL_REASONS, errors: [{ text: outcome, href: '#reason' }] }, 400);
        }
        await audit(request, `forum.post.${action}`, 'forum_post', post.id, { topicId: post.topicId, memberId: post.memberId, ...outcome });
        return reply.redirect(`${BASE}/posts/${post.id}?done=${action}`, 303);
      },
    );

  decide('approve', async (_request, post) => {
    await forums.moderation.moderate(post, { status: 'published' }, clock());
    if (post.status === 'held') await forums.notifications.notify(post.memberId, 'approved', post.topicId, post.id, null, clock());
    return { from: post.status };
  });

  decide('hide', async (_request, post) => {
    await forums.moderation.moderate(post, { status: 'hidden' }, clock());
    return { from: post.status };
  });

  decide('remove', async (request, post) => {
    const code = field(request, 'reason', 40);
    const message = field(request, 'message', LIMITS.removalReasonMax + 1).trim();
    if (!REMOVAL_REASONS[code]) return 'Choose a reason for removing the post';
    if (message.length > LIMITS.removalReasonMax) return `The message to the member must be ${LIMITS.removalReasonMax} characters or fewer`;
    const reason = [REMOVAL_REASONS[code], message].filter(Boolean).join(' ');
    await forums.moderation.moderate(post, { status: 'removed', reason }, clock());
    await forums.notifications.notify(post.memberId, 'removed', post.isOpening ? null : post.topicId, post.id, reason, clock());
    return { from: post.status, reason: code };
  });

  decide('edit', async (request, post) => {
    const body = field(request, 'body', LIMITS.bodyMax + 1).trim();
    const note = field(request, 'note', 501).trim();
    if (!body || body.length > LIMITS.bodyMax) return `The post must be between 1 and ${LIMITS.bodyMax} characters`;
    if (!note || note.length > 500) return 'Write a short note for readers saying what was changed (up to 500 characters)';
    const rendered = renderPost(body);
    await forums.moderation.moderate(
      post,
      {
        status: post.status === 'held' ? 'published' : post.status,
        note,
        body: { body, bodyHtml: rendered.html, searchText: rendered.text },
      },
      clock(),
    );
    await forums.notifications.notify(post.memberId, 'edited', post.topicId, post.id, note, clock());
    return { from: post.status };
  });

  // Members: suspend for a while, ban, or lift either.
  app.post(
    `${BASE}/members/:id/standing`,
    { schema: { params: MemberParams, body: StandingForm }, bodyLimit: SMALL_FORM_LIMIT },
    async (request, reply) => {
      const member = await forums.members.memberById(request.params.id);
      if (!member) return notFound(request, reply);
      const action = field(request, 'action', 20);
      const days = SUSPENSIONS[field(request, 'days', 4)];
      if (action === 'suspend' && days) {
        const until = clock() + days * 86_400_000;
        await forums.members.setMemberStatus(member.id, 'suspended', until);
        await forums.notifications.notify(
          member.id,
          'suspended',
          null,
          null,
          `A moderator has paused your posting for ${days} day${days > 1 ? 's' : ''} because of the house rules.`,
          clock(),
        );
        await audit(request, 'forum.member.suspend', 'forum_member', member.id, { days });
      } else if (action === 'ban') {
        await forums.members.setMemberStatus(member.id, 'banned', null);
        await audit(request, 'forum.member.ban', 'forum_member', member.id);
      } else if (action === 'reinstate') {
        await forums.members.setMemberStatus(member.id, 'active', null);
        await audit(request, 'forum.member.reinstate', 'forum_member', member.id);
      } else {
        return page(
          request,
          reply,
          'message',
          { heading: 'Choose what to do', paragraphs: ['Go back and choose how long to suspend the member for, or ban them.'] },
          400,
        );
      }
      const back = field(request, 'back', 200);
      return reply.redirect(/^\/staff\/moderation\/posts\/\d+$/.test(back) ? back : BASE, 303);
    },
  );

  // Professionals' forum access.
  app.get(`${BASE}/professionals`, { schema: { querystring: NoQuery } }, async (request, reply) => {
    return page(request, reply, 'professionals', { members: await forums.members.pendingProfessionals(), roles: PROFESSIONAL_ROLES });
  });

  app.post(
    `${BASE}/professionals/:id`,
    { schema: { params: MemberParams, body: ProfessionalDecisionForm }, bodyLimit: SMALL_FORM_LIMIT },
    async (request, reply) => {
      const member = await forums.members.memberById(request.params.id);
      if (member?.professionalStatus !== 'pending') return notFound(request, reply);
      const approve = field(request, 'decision', 10) === 'approve';
      await forums.members.decideProfessional(member.id, approve);
      await forums.notifications.notify(
        member.id,
        'professional',
        null,
        null,
        approve
          ? 'A moderator has checked your role. You can now read and post in the professionals’ forum.'
          : 'A moderator could not check your role, so the professionals’ forum stays closed to you. You can ask again with more detail.',
        clock(),
      );
      await audit(request, approve ? 'forum.professional.approve' : 'forum.professional.refuse', 'forum_member', member.id, {
        role: member.professionalRole,
      });
      return reply.redirect(`${BASE}/professionals`, 303);
    },
  );

  // Word and link filters.
  app.get(`${BASE}/filters`, { schema: { querystring: NoQuery } }, async (request, reply) =>
    page(request, reply, 'filters', { filters: await forums.moderation.filters(), values: {} }),
  );

  app.post(`${BASE}/filters`, { schema: { body: FilterForm }, bodyLimit: SMALL_FORM_LIMIT }, async (request, reply) => {
    const kind = field(request, 'kind', 10) === 'link' ? 'link' : 'word';
    const raw = field(request, 'pattern', 201).trim();
    const pattern = kind === 'link' ? normaliseDomain(raw) : raw.toLowerCase().replace(/\s+/g, ' ');
    if (!pattern || pattern.length < 2 || pattern.length > 200) {
      const message = kind === 'link' ? 'Enter a website address, like example.com' : 'Enter a word or phrase of 2 to 200 characters';
      return page(
        request,
        reply,
        'filters',
        { filters: await forums.moderation.filters(), values: { kind, pattern: raw }, errors: [{ text: message, href: '#pattern' }] },
        400,
      );
    }
    const id = await forums.moderation.addFilter(kind, pattern, request.staff!.id, clock());
    if (id !== undefined) await audit(request, 'forum.filter.add', 'forum_filter', id, { kind });
    return reply.redirect(`${BASE}/filters`, 303);
  });

  app.post(
    `${BASE}/filters/:id/delete`,
    { schema: { params: IdParams, body: CsrfForm }, bodyLimit: SMALL_FORM_LIMIT },
    async (request, reply) => {
      if (await forums.moderation.removeFilter(Number(request.params.id)))
        await audit(request, 'forum.filter.remove', 'forum_filter', request.params.id);
      return reply.redirect(`${BASE}/filters`, 303);
    },
  );
}

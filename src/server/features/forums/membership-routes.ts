import { randomInt } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { checkForumName, suggestForumName } from '../../../domain/forums/forum-names.ts';
import { csrfOk } from './member-session.ts';
import type { MembershipRepository } from './membership-repository.ts';
import { type ForumPages, text } from './pages.ts';
import type { ProfessionalRole } from './records.ts';
import { JoinForm, LeaveForm, MeResponse, NoQuery, ProfessionalForm, SMALL_FORM_LIMIT } from './schemas.ts';

export interface ForumMembershipOptions {
  pages: ForumPages;
  clock: () => number;
  members: MembershipRepository;
}

/** Membership: joining with a forum name, asking for the professionals' forum, leaving, and who the reader is. */
export async function forumMembershipRoutes(fastify: FastifyInstance, { pages, clock, members }: ForumMembershipOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { render, memberOr, csrfFailed, base, words } = pages;
  const roles = pages.lists.roles;

  app.post(`${base}/join`, { schema: { body: JoinForm }, bodyLimit: SMALL_FORM_LIMIT }, async (request, reply) => {
    const reader = await pages.readerOf(request);
    if (!reader) return render(reply, 'signed-out', { hideForumNav: true }, 401);
    if (!csrfOk(request, reader.session)) return csrfFailed(reply);
    if (reader.member) return reply.redirect(base, 303);
    const raw = text(request.body, 'name', 200);
    const check = checkForumName(raw, reader.session.username);
    const again = (message: string) =>
      render(
        reply,
        'join',
        {
          hideForumNav: true,
          csrfToken: reader.session.csrfToken,
          suggestion: suggestForumName(randomInt),
          values: { name: raw },
          errors: [{ text: message, href: '#name' }],
          nameError: message,
        },
        400,
      );
    if (!check.ok) return again(pages.language === 'en' ? check.message : words.nameError);
    if (text(request.body, 'agree') !== 'yes') return again(words.agreeError);
    const member = await members.join(reader.session.accountId, check.name, check.key, clock());
    if (!member) return again(words.nameTaken);
    return reply.redirect(base, 303);
  });

  // For the topic page's script: which posts are the reader's own, so it can offer "Change" and "Delete" beside them.
  app.get(`${base}/me`, { schema: { querystring: NoQuery, response: MeResponse } }, async (request, reply) => {
    const reader = await pages.readerOf(request);
    reply.header('cache-control', 'no-store');
    if (!reader?.member) return reply.code(401).send({ error: 'signed_out', message: 'Sign in to use the forums.' });
    return { memberId: reader.member.id };
  });

  // Professionals ask for access; a moderator checks.

  app.get(`${base}/professionals`, { schema: { querystring: NoQuery } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    return render(reply, 'professionals', {
      member: reader.member,
      roles,
      csrfToken: reader.session.csrfToken,
      values: {},
    });
  });

  app.post(`${base}/professionals`, { schema: { body: ProfessionalForm }, bodyLimit: SMALL_FORM_LIMIT }, async (request, reply) => {
    const reader = await memberOr(request, reply, true);
    if (!reader) return reply;
    const role = text(request.body, 'role', 40) as ProfessionalRole;
    const note = text(request.body, 'note', 400).trim();
    const errors = [
      ...(Object.hasOwn(roles, role) ? [] : [{ text: words.proRoleError, href: '#role' }]),
      ...(note.length < 10 || note.length > 300 ? [{ text: words.proNoteError, href: '#note' }] : []),
    ];
    if (errors.length)
      return render(
        reply,
        'professionals',
        { member: reader.member, roles, csrfToken: reader.session.csrfToken, values: { role, note }, errors },
        400,
      );
    if (reader.member.professionalStatus === 'approved') return reply.redirect(base, 303);
    await members.requestProfessional(reader.member.id, role, note);
    return reply.redirect(`${base}/professionals`, 303);
  });

  // Leaving: the membership and everything in it goes.

  app.get(`${base}/leave`, { schema: { querystring: NoQuery } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    return render(reply, 'leave', { csrfToken: reader.session.csrfToken, member: reader.member });
  });

  app.post(`${base}/leave`, { schema: { body: LeaveForm }, bodyLimit: SMALL_FORM_LIMIT }, async (request, reply) => {
    const reader = await memberOr(request, reply, true);
    if (!reader) return reply;
    if (text(request.body, 'confirm') !== 'yes') {
      return render(
        reply,
        'leave',
        {
          csrfToken: reader.session.csrfToken,
          member: reader.member,
          errors: [{ text: words.leaveError, href: '#confirm' }],
          confirmError: words.leaveError,
        },
        400,
      );
    }
    await members.deleteMember(reader.member.id);
    return render(reply, 'message', {
      heading: words.left,
      paragraphs: [words.leftText],
    });
  });
}

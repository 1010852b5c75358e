import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { pluralPhrase } from '../../shared/plural-phrase.ts';
import type { NotificationsRepository } from './notifications-repository.ts';
import { type ForumPages, text } from './pages.ts';
import { FollowForm, IdParams, NoQuery, SMALL_FORM_LIMIT } from './schemas.ts';

export interface ForumNotificationsOptions {
  pages: ForumPages;
  clock: () => number;
  notifications: NotificationsRepository;
}

/** Following topics and reading notifications (inside Casebook only: no email, no push). */
export async function forumNotificationsRoutes(
  fastify: FastifyInstance,
  { pages, clock, notifications }: ForumNotificationsOptions,
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { render, memberOr, topicForWriting, base } = pages;

  app.get(`${base}/topics/:id/follow`, { schema: { params: IdParams, querystring: NoQuery } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const found = await topicForWriting(reply, reader, Number(request.params.id));
    if (!found) return reply;
    return render(reply, 'follow', {
      topic: found.topic,
      following: await notifications.isFollowing(reader.member.id, found.topic.id),
      csrfToken: reader.session.csrfToken,
    });
  });

  app.post(
    `${base}/topics/:id/follow`,
    { schema: { params: IdParams, body: FollowForm }, bodyLimit: SMALL_FORM_LIMIT },
    async (request, reply) => {
      const reader = await memberOr(request, reply, true);
      if (!reader) return reply;
      const found = await topicForWriting(reply, reader, Number(request.params.id));
      if (!found) return reply;
      await notifications.setFollow(reader.member.id, found.topic.id, text(request.body, 'follow') === 'yes');
      return reply.redirect(`${base}/topics/${found.topic.id}/follow`, 303);
    },
  );

  app.get(`${base}/notifications`, { schema: { querystring: NoQuery } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const list = await notifications.notifications(reader.member.id);
    await notifications.markNotificationsRead(reader.member.id, clock());
    return render(reply, 'notifications', {
      notifications: pages.language === 'en' ? list : list.map((n) => ({ ...n, said: sayNotice(pages, n.kind, n.detail) })),
    });
  });
}

/**
 * A moderator's notice (suspended, professional) in the page's language. The moderation routes store English
 * sentences (moderation-routes.ts); a Welsh page says the same thing from its catalogue, and when a sentence is not
 * one it knows, shows it as stored, marked English. The moderators' own words (a removal reason, an edit note) stay as
 * written. Undefined: the template says it.
 */
function sayNotice(pages: ForumPages, kind: string, detail: string | null): { text: string; lang?: 'en' } | undefined {
  if (kind === 'suspended') {
    const days = /\bfor ([0-9]{1,3}) days?\b/.exec(detail ?? '')?.[1];
    if (days) return { text: pluralPhrase(pages.lists.notifySuspended, pages.language, Number(days)) };
  }
  if (kind === 'professional') {
    if (detail?.startsWith('A moderator has checked your role')) return { text: pages.words.notifyProfessionalApproved };
    if (detail?.startsWith('A moderator could not check your role')) return { text: pages.words.notifyProfessionalRefused };
  }
  if (kind === 'reply' || kind === 'approved' || kind === 'removed' || kind === 'edited') return undefined;
  return { text: detail ?? '', lang: 'en' };
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { NotificationsRepository } from './notifications-repository.ts';
import { FORUMS_PATH, type ForumPages, text } from './pages.ts';
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
  const { render, memberOr, topicForWriting } = pages;

  app.get(`${FORUMS_PATH}/topics/:id/follow`, { schema: { params: IdParams, querystring: NoQuery } }, async (request, reply) => {
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
    `${FORUMS_PATH}/topics/:id/follow`,
    { schema: { params: IdParams, body: FollowForm }, bodyLimit: SMALL_FORM_LIMIT },
    async (request, reply) => {
      const reader = await memberOr(request, reply, true);
      if (!reader) return reply;
      const found = await topicForWriting(reply, reader, Number(request.params.id));
      if (!found) return reply;
      await notifications.setFollow(reader.member.id, found.topic.id, text(request.body, 'follow') === 'yes');
      return reply.redirect(`${FORUMS_PATH}/topics/${found.topic.id}/follow`, 303);
    },
  );

  app.get(`${FORUMS_PATH}/notifications`, { schema: { querystring: NoQuery } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const list = await notifications.notifications(reader.member.id);
    await notifications.markNotificationsRead(reader.member.id, clock());
    return render(reply, 'notifications', { notifications: list });
  });
}

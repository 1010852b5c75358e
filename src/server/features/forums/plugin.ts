import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.ts';
import { forumModerationRoutes } from './moderation-routes.ts';
import { createForumsRepository } from './repository.ts';
import { forumMemberRoutes } from './routes.ts';
import { createTopicViewCache } from './topic-view-cache.ts';

/** The forums (docs/forums.md): members' pages at /forums, moderators' at /staff/moderation. */
export async function forumsRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody);
  if (!app.hasDecorator('parseCookie')) await app.register(cookie);
  const topicViews = createTopicViewCache({
    clock: services.clock,
    events: services.events,
    onError: (error) => app.log.error({ err: error }, 'topic view cache: message not sent'),
  });
  const stopListening = services.vault.sessions.onEnded(topicViews.forget);
  const forums = createForumsRepository(services.database.db, services.database.dialect, topicViews.forget);
  // Deleting the vault account leaves the forums the way /forums/leave does, so the topics replied in change too.
  const stopDeleting = services.vault.accounts.onDeleting((accountId, trx) => forums.members.deleteMemberOfAccount(accountId, trx));
  app.addHook('onClose', async () => {
    stopListening();
    stopDeleting();
    topicViews.close();
  });
  await app.register(forumMemberRoutes, { views: services.views, clock: services.clock, vault: services.vault, forums, topicViews });
  await app.register(forumModerationRoutes, { services, forums });
}

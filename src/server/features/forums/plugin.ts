import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.ts';
import { LANGUAGES } from '../../setup/messages.ts';
import { type ForumModerationDeps, forumModerationRoutes } from './moderation-routes.ts';
import { type ForumMemberDeps, forumMemberRoutes } from './routes.ts';

/** The repository and topic view cache are built in the wiring (src/server/wiring/forums.ts). */
export type ForumsDeps = ForumMemberDeps & ForumModerationDeps & Pick<Services, 'forums'>;

/** The forums (docs/forums.md): members' pages at /forums, moderators' at /staff/moderation. */
export async function forumsRoutes(app: FastifyInstance, { services }: { services: ForumsDeps }): Promise<void> {
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody);
  if (!app.hasDecorator('parseCookie')) await app.register(cookie);
  const { repo: forums, topicViews } = services.forums;
  for (const language of LANGUAGES)
    await app.register(forumMemberRoutes, {
      views: services.views,
      clock: services.clock,
      vault: services.vault,
      forums,
      topicViews,
      language,
    });
  await app.register(forumModerationRoutes, { services, forums });
}

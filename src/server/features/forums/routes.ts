import type { FastifyInstance } from 'fastify';
import { LIMITS } from '../../../domain/forums/limits.ts';
import { fill } from '../../../domain/messages/fill.ts';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE } from '../../db/unavailable.ts';
import type { Services } from '../../services.ts';
import type { Language } from '../../setup/messages.ts';
import type { VaultServices } from '../vault/index.ts';
import { forumComposingRoutes } from './composing-routes.ts';
import { forumMembershipRoutes } from './membership-routes.ts';
import { readMultipartForms } from './multipart.ts';
import { forumNotificationsRoutes } from './notifications-routes.ts';
import { createForumPages } from './pages.ts';
import { forumReadingRoutes } from './reading-routes.ts';
import { forumReportRoutes } from './report-routes.ts';
import type { ForumsRepository } from './repository.ts';
import { forumSearchRoutes } from './search-routes.ts';
import type { TopicViewCache } from './topic-view-cache.ts';

/** What the members' routes take from the services (the repository and topic views come from the wiring). */
export type ForumMemberDeps = Pick<Services, 'views' | 'clock' | 'vault'>;

export interface ForumMemberOptions {
  views: Services['views'];
  clock: () => number;
  vault: VaultServices;
  forums: ForumsRepository;
  topicViews: TopicViewCache;
  /** Registered once for each language: /forums and /cy/forums (docs/welsh.md). */
  language: Language;
}

/**
 * The peer-support forums, for members (docs/forums.md). Every page is server-rendered and works without
 * JavaScript; each change is a POST with the session's CSRF token. The victims' forum is for signed-in members
 * only, the professionals' for approved professionals; nothing is indexed and there are no feeds. Page titles
 * are a neutral "Forums", so a topic's title never lands in a tab or the history.
 *
 * This context reads the forms (multipart.ts for pictures) and answers every error as a forum page; the routes
 * are in one module for each thing the forums do.
 */
export async function forumMemberRoutes(
  app: FastifyInstance,
  { views, clock, vault, forums, topicViews, language }: ForumMemberOptions,
): Promise<void> {
  const { members, reading, composing, notifications, moderation, search } = forums;
  const pages = createForumPages({ views, clock, vault, members, reading, language });
  const { render, words, base } = pages;
  await readMultipartForms(app);

  app.setErrorHandler((error: { statusCode?: number; code?: string; validation?: unknown; validationContext?: string }, request, reply) => {
    if (error.statusCode === 413) {
      return render(
        reply,
        'message',
        { heading: words.tooLong, paragraphs: [fill(words.tooLongText, { max: LIMITS.bodyMax.toLocaleString('en-GB') })] },
        413,
      );
    }
    // A form no page of ours sends (a broken multipart body, a field out of shape).
    if (error.code === 'FORUM_FORM_UNREADABLE' || (error.validation && error.validationContext === 'body')) {
      return render(reply, 'message', { heading: words.unreadable, paragraphs: [words.unreadableText], back: base }, 400);
    }
    if (error.statusCode === 400)
      return render(reply, 'message', { heading: words.notFound, paragraphs: [words.badAddressText], back: base }, 400);
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ reqId: request.id }, 'database unavailable');
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return render(reply, 'message', { heading: UNAVAILABLE.heading, paragraphs: [...UNAVAILABLE.paragraphs] }, 503);
    }
    request.log.error({ reqId: request.id, err: error }, 'forum request failed');
    return render(reply, 'message', { heading: words.failed, paragraphs: [words.failedText] }, 500);
  });

  await app.register(forumReadingRoutes, { pages, views, clock, reading, members, notifications, topicViews });
  await app.register(forumComposingRoutes, { pages, clock, composing, reading, moderation });
  await app.register(forumMembershipRoutes, { pages, clock, members });
  await app.register(forumNotificationsRoutes, { pages, clock, notifications });
  await app.register(forumSearchRoutes, { pages, search });
  await app.register(forumReportRoutes, { pages, clock, moderation });
}

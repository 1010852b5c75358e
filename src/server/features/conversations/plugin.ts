import type { FastifyInstance } from 'fastify';
import { sendDynamicPage } from '../../http/html.ts';
import { jsonApiDefaults } from '../../http/json-api.ts';
import type { Services } from '../../services.ts';
import { LANGUAGES, type Language, loadMessages } from '../../setup/messages.ts';
import { KDF_WORKER_PATH, VAULT_CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';
import { languageLinksOf } from '../guidance/index.ts';
import { personRoutes } from './person-routes.ts';
import { type ReplyHoursWords, replyHours, replyHoursCy } from './reply-hours.ts';
import { type StaffQueueDeps, staffQueueRoutes } from './staff-routes.ts';

export const TALK_PATH = '/talk/helpline';

/** The repository and live hub are built in the wiring (src/server/wiring/conversations.ts). */
export type ConversationsDeps = StaffQueueDeps & Pick<Services, 'conversations' | 'clock' | 'views'>;

/**
 * Conversations with the helpline (docs/messaging.md): the person's page and API, the workspace queue, and the live
 * updates between them. Its API follows the house rules of src/server/http/json-api.ts.
 */
export async function conversationRoutes(app: FastifyInstance, { services }: { services: ConversationsDeps }): Promise<void> {
  const talk = services.conversations;

  const messages = loadMessages('talk');
  const hoursIn = (language: Language, now: number) =>
    language === 'cy' ? replyHoursCy(now, (messages.cy as unknown as { hours: ReplyHoursWords }).hours) : replyHours(now);
  const versions = LANGUAGES.map((language) => ({ language, href: (language === 'en' ? '' : `/${language}`) + TALK_PATH }));

  // The person's page, in English and in Welsh: a neutral title, no-store, the vault's policy (an account holder
  // may unlock their diary here to share entries, which needs Argon2id's WebAssembly). The app in src/web/talk does
  // everything else, with the words this page gives it, and tells the API the page's language (Content-Language).
  for (const { language, href } of versions) {
    app.get(href, async (_request, reply) => {
      reply.header('content-security-policy', VAULT_CONTENT_SECURITY_POLICY);
      const words = messages[language] as Record<string, unknown>;
      return sendDynamicPage(
        reply,
        services.views.render('talk/helpline.njk', {
          ...(language === 'en' ? {} : { lang: language }),
          ...languageLinksOf(versions, language),
          noindex: true,
          hours: hoursIn(language, services.clock()),
          kdfWorkerUrl: KDF_WORKER_PATH,
          m: words,
          appWords: JSON.stringify(words.app),
        }),
      );
    });
  }

  app.get('/api/talk/reply-hours', async (request, reply) => {
    const language = (request.query as Record<string, unknown>).lang === 'cy' ? 'cy' : 'en';
    return reply.header('cache-control', 'no-store').send(hoursIn(language, services.clock()));
  });

  await app.register(async (api) => {
    jsonApiDefaults(api);
    await api.register(personRoutes, { talk });
    await api.register(staffQueueRoutes, { talk, services });
  });
}

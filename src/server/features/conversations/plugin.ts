import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.ts';
import { sendDynamicPage } from '../../http/html.ts';
import { jsonApiDefaults } from '../../http/json-api.ts';
import { KDF_WORKER_PATH, VAULT_CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';
import { personRoutes } from './person-routes.ts';
import { replyHours } from './reply-hours.ts';
import { staffQueueRoutes, type StaffQueueDeps } from './staff-routes.ts';

export const TALK_PATH = '/talk/helpline';

/** The repository and live hub are built in the wiring (src/server/wiring/conversations.ts). */
export type ConversationsDeps = StaffQueueDeps & Pick<Services, 'conversations' | 'clock' | 'views'>;

/**
 * Conversations with the helpline (docs/messaging.md): the person's page and API, the workspace queue, and the live
 * updates between them. Its API follows the house rules of src/server/http/json-api.ts.
 */
export async function conversationRoutes(app: FastifyInstance, { services }: { services: ConversationsDeps }): Promise<void> {
  const talk = services.conversations;

  // The person's page: a neutral title, no-store, the vault's policy (an account holder may unlock their diary here
  // to share entries, which needs Argon2id's WebAssembly). The app in src/web/talk does everything else.
  app.get(TALK_PATH, async (_request, reply) => {
    reply.header('content-security-policy', VAULT_CONTENT_SECURITY_POLICY);
    const hours = replyHours(services.clock());
    return sendDynamicPage(reply, services.views.render('talk/helpline.njk', { noindex: true, hours, kdfWorkerUrl: KDF_WORKER_PATH }));
  });

  app.get('/api/talk/reply-hours', async (_request, reply) => reply.header('cache-control', 'no-store').send(replyHours(services.clock())));

  await app.register(async (api) => {
    jsonApiDefaults(api);
    await api.register(personRoutes, { talk });
    await api.register(staffQueueRoutes, { talk, services });
  });
}

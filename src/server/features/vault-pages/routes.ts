import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sendDynamicPage } from '../../http/html.ts';
import type { Services } from '../../services.ts';
import { KDF_WORKER_PATH, VAULT_CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';
import { languageLinksOf } from '../guidance/index.ts';

export const VAULT_PATH = '/diary';
/** The same app in Welsh: only the address and <html lang> differ, so nothing on the device says which (T1). */
export const WELSH_VAULT_PATH = `/cy${VAULT_PATH}`;

export type VaultPageDeps = Pick<Services, 'assets' | 'views'>;

/**
 * The shell of the private record. The server sends only the empty page; the app in src/web/vault runs in the
 * browser, which alone ever holds keys or plaintext. The page title stays "Casebook" (T1: a tab or history
 * entry must not say what this is), and nothing here may be cached or indexed.
 */
export async function vaultPageRoutes(app: FastifyInstance, { services }: { services: VaultPageDeps }): Promise<void> {
  if (!VAULT_CONTENT_SECURITY_POLICY.includes('wasm-unsafe-eval')) throw new Error('vault CSP: script-src not found');

  // A dedicated worker takes its policy from its own response, so the Argon2id worker is served here, with the
  // vault's policy, rather than from /assets/ with the site's. Read on first use, then kept: it changes only
  // with a new build.
  let workerSource: Buffer | undefined;
  const readWorker = () => (workerSource ??= readFileSync(join(services.assets.dir, basename(services.assets.url('vault-worker.js')))));

  const versions = [
    { language: 'en', href: VAULT_PATH },
    { language: 'cy', href: WELSH_VAULT_PATH },
  ] as const;
  for (const { language, href } of versions) {
    // The app reads <html lang> for its words; the title stays "Casebook" in both languages.
    const context = {
      noindex: true,
      kdfWorkerUrl: KDF_WORKER_PATH,
      ...(language === 'en' ? {} : { lang: language }),
      ...languageLinksOf(versions, language),
    };
    app.get(href, async (_request, reply) => {
      reply.header('content-security-policy', VAULT_CONTENT_SECURITY_POLICY);
      return sendDynamicPage(reply, services.views.render('pages/vault/diary.njk', context));
    });
  }

  app.get(KDF_WORKER_PATH, async (_request, reply) => {
    return (
      reply
        .header('content-security-policy', VAULT_CONTENT_SECURITY_POLICY)
        .header('content-type', 'text/javascript; charset=utf-8')
        // Not fingerprinted, so it must be fetched again after each deploy; it is small and holds nothing private.
        .header('cache-control', 'no-cache')
        .send(readWorker())
    );
  });
}

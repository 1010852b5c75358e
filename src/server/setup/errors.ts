import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE } from '../db/unavailable.ts';
import type { ContentStore } from '../features/guidance/index.ts';
import { sendDynamicPage } from '../http/html.ts';
import { backToEnglishLinks, currentUrl, isEnglishOnly } from './english-only.ts';
import { type Language, loadMessages } from './messages.ts';
import type { Views } from './views.ts';

interface ErrorPage {
  pageTitle: string;
  heading: string;
  paragraphs: string[];
  /** On a Welsh 404: the English page at the same address without /cy, when there is one. */
  englishPage?: string;
}

type ErrorKind = 'notFound' | 'englishOnly' | 'badRequest' | 'tooMany' | 'serverError' | 'unavailable';

/** The language an address is in: /cy and everything under /cy/ is Welsh, everything else English. */
export function languageOfUrl(url: string): Language {
  const path = url.split(/[?#]/, 1)[0]!;
  return path === '/cy' || path.startsWith('/cy/') ? 'cy' : 'en';
}

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || (request.headers.accept ?? '').startsWith('application/json');
}

/**
 * Friendly 404, 4xx, 429, 500 and 503 responses in the site's layout, in the language of the address (the
 * `errors` catalogue), or JSON for the API. Never a stack trace. A Welsh address for a page that exists only
 * in English says so, in Welsh, and links to it.
 */
export const errorPages = fp(async (app: FastifyInstance, { views, content }: { views: Views; content: ContentStore }) => {
  const messages = loadMessages('errors');
  const page = (lang: Language, kind: ErrorKind): ErrorPage => {
    const m = (messages[lang] as Record<ErrorKind, Record<string, string>>)[kind];
    const paragraphs = ['p1', 'p2'].flatMap((key) => m[key] ?? []);
    return { pageTitle: m.pageTitle ?? m.heading!, heading: m.heading!, paragraphs };
  };
  const renderError = (request: FastifyRequest, reply: FastifyReply, status: number, kind: ErrorKind) => {
    const lang = languageOfUrl(request.url);
    return sendDynamicPage(reply, views.render('pages/error.njk', { ...page(lang, kind), ...(lang === 'en' ? {} : { lang }) }), status);
  };

  const englishTwin = (url: string): string | undefined => {
    const path = url.split(/[?#]/, 1)[0]!.slice('/cy'.length).replace(/\/+$/, '');
    if (path === '') return undefined;
    return isEnglishOnly(path) || content.get(path.slice(1)) ? path : undefined;
  };

  // Every page rendered while answering a request can know its address (views.render: the Language
  // navigation of English-only pages). fastify-plugin makes this hook the whole app's.
  app.addHook('onRequest', (request, _reply, done) => currentUrl.run(request.url, done));

  app.setNotFoundHandler((request, reply) => {
    if (wantsJson(request)) return reply.code(404).send({ error: 'not_found', message: 'Not found' });
    const englishPage = languageOfUrl(request.url) === 'cy' ? englishTwin(request.url) : undefined;
    if (englishPage) {
      // The way back keeps the place: the same address without /cy, query included.
      const query = request.url.slice(request.url.split(/[?#]/, 1)[0]!.length);
      const context = {
        ...page('cy', 'englishOnly'),
        englishPage: englishPage + query,
        lang: 'cy',
        ...backToEnglishLinks(englishPage + query, request.url),
      };
      return sendDynamicPage(reply, views.render('pages/error.njk', context), 404);
    }
    return renderError(request, reply, 404, 'notFound');
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ reqId: request.id }, 'database unavailable');
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      if (wantsJson(request)) return reply.code(503).send({ error: UNAVAILABLE.code, message: UNAVAILABLE.message });
      return renderError(request, reply, 503, 'unavailable');
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ reqId: request.id, err: error }, 'request failed');
    else request.log.info({ reqId: request.id, code: error.code, statusCode: status }, 'request rejected');
    if (wantsJson(request)) {
      const message = status >= 500 ? 'Something went wrong. Please try again.' : error.message;
      return reply.code(status).send({ error: error.code ?? 'error', message });
    }
    if (status === 404) return renderError(request, reply, 404, 'notFound');
    if (status === 429) return renderError(request, reply, 429, 'tooMany');
    return renderError(request, reply, status >= 500 ? 500 : status, status >= 500 ? 'serverError' : 'badRequest');
  });
});

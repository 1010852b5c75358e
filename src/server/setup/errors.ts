import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Views } from './views.ts';
import { sendDynamicPage } from '../http/html.ts';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE } from '../db/unavailable.ts';

interface ErrorPage {
  pageTitle: string;
  heading: string;
  paragraphs: string[];
}

const NOT_FOUND: ErrorPage = {
  pageTitle: 'Page not found',
  heading: 'Page not found',
  paragraphs: ['If you typed the web address, check it is correct.', 'If you followed a link, the page may have moved.'],
};

const BAD_REQUEST: ErrorPage = {
  pageTitle: 'Something is wrong with that request',
  heading: 'Something is wrong with that request',
  paragraphs: ['The address or form you sent has something in it we cannot use. Nothing you saved before has been changed.'],
};

const SERVER_ERROR: ErrorPage = {
  pageTitle: 'Sorry, there is a problem',
  heading: 'Sorry, there is a problem with the service',
  paragraphs: ['Please try again in a moment. Nothing you saved before has been lost.'],
};

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || (request.headers.accept ?? '').startsWith('application/json');
}

/** Friendly 404, 4xx and 500 responses in the site's layout, or JSON for the API. Never a stack trace. */
export const errorPages = fp(async (app: FastifyInstance, { views }: { views: Views }) => {
  const renderError = (reply: FastifyReply, status: number, page: ErrorPage) =>
    sendDynamicPage(reply, views.render('pages/error.njk', { ...page }), status);

  app.setNotFoundHandler((request, reply) => {
    if (wantsJson(request)) return reply.code(404).send({ error: 'not_found', message: 'Not found' });
    return renderError(reply, 404, NOT_FOUND);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ reqId: request.id }, 'database unavailable');
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      if (wantsJson(request)) return reply.code(503).send({ error: UNAVAILABLE.code, message: UNAVAILABLE.message });
      return renderError(reply, 503, { pageTitle: UNAVAILABLE.heading, heading: UNAVAILABLE.heading, paragraphs: [...UNAVAILABLE.paragraphs] });
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ reqId: request.id, err: error }, 'request failed');
    else request.log.info({ reqId: request.id, code: error.code, statusCode: status }, 'request rejected');
    if (wantsJson(request)) {
      const message = status >= 500 ? 'Something went wrong. Please try again.' : error.message;
      return reply.code(status).send({ error: error.code ?? 'error', message });
    }
    if (status === 404) return renderError(reply, 404, NOT_FOUND);
    if (status === 429) {
      return renderError(reply, 429, { pageTitle: 'Too many requests', heading: 'Please wait a moment', paragraphs: ['You have sent a lot of requests in a short time. Wait a minute, then try again.'] });
    }
    return renderError(reply, status >= 500 ? 500 : status, status >= 500 ? SERVER_ERROR : BAD_REQUEST);
  });
});

import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.ts';
import { sendDynamicPage } from '../../http/html.ts';

export const MAX_QUERY_LENGTH = 200;

/** GET /search — a plain form and results; works without JavaScript. The query is never logged. */
export async function searchRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  app.get('/search', async (request, reply) => {
    const raw = (request.query as Record<string, unknown>).q;
    const render = (status: number, context: Record<string, unknown>) =>
      sendDynamicPage(reply, services.views.render('pages/search.njk', { pageTitle: 'Search', noindex: true, ...context }), status);

    if (raw === undefined || raw === '') return render(200, { query: '' });
    if (typeof raw !== 'string') return render(400, { query: '', error: 'Enter one search, in the search box' });
    const query = raw.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
    if (query.length > MAX_QUERY_LENGTH) {
      return render(400, { query: query.slice(0, MAX_QUERY_LENGTH), error: `Search must be ${MAX_QUERY_LENGTH} characters or fewer` });
    }
    if (query === '') return render(200, { query: '' });
    const pageTitle = 'Search results';
    return render(200, { pageTitle, query, results: services.search.search(query) });
  });
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { LIMITS } from '../../../domain/forums/limits.ts';
import type { ForumPages } from './pages.ts';
import { SearchQuery } from './schemas.ts';
import type { SearchRepository } from './search-repository.ts';

export interface ForumSearchOptions {
  pages: ForumPages;
  search: SearchRepository;
}

/** Search within the forums this member may read. Posts are found as written, whichever language the page is in. */
export async function forumSearchRoutes(fastify: FastifyInstance, { pages, search }: ForumSearchOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(`${pages.base}/search`, { schema: { querystring: SearchQuery } }, async (request, reply) => {
    const reader = await pages.memberOr(request, reply);
    if (!reader) return reply;
    const q = (request.query.q ?? '').slice(0, LIMITS.searchQueryMax).trim();
    const results = q ? await search.search(q, pages.forumsFor(reader.member), 30) : [];
    return pages.render(reply, 'search', { q, results: results.map((r) => ({ ...r, snippet: snippet(r.text, r.words) })) });
  });
}

/** About 200 characters around the first matching word. */
function snippet(text: string, words: string[]): string {
  const lower = text.toLowerCase();
  const at = Math.max(0, Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0), text.length) - 60);
  const part = text.slice(at, at + 200).replace(/\s+/g, ' ');
  return `${at > 0 ? '…' : ''}${part}${at + 200 < text.length ? '…' : ''}`;
}

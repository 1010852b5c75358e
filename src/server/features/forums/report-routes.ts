import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { LIMITS } from '../../../domain/forums/limits.ts';
import { fill } from '../../../domain/messages/fill.ts';
import type { ModerationRepository } from './moderation-repository.ts';
import { type ForumPages, text } from './pages.ts';
import { IdParams, NoQuery, REPORT_FORM_LIMIT, ReportForm } from './schemas.ts';

/** The reasons a member may give, by code (their words are the catalogue's `reasons`, in this order). */
const FLAG_REASONS = ['identifying', 'harassment', 'suspicious', 'unsafe-advice', 'spam', 'other'];

export interface ForumReportOptions {
  pages: ForumPages;
  clock: () => number;
  moderation: Pick<ModerationRepository, 'flag' | 'flagsToday'>;
}

/** Moderation, the members' side: "Report" on every post puts it in the moderators' queue (moderation-routes.ts). */
export async function forumReportRoutes(fastify: FastifyInstance, { pages, clock, moderation }: ForumReportOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { render, memberOr, postFor, base, words } = pages;
  const reasons = Object.fromEntries(FLAG_REASONS.map((code) => [code, pages.lists.reasons[code]]));
  const form = { reasons, detailMax: LIMITS.flagReasonMax };

  app.get(`${base}/posts/:id/report`, { schema: { params: IdParams, querystring: NoQuery } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const found = await postFor(reply, reader, Number(request.params.id), false);
    if (!found) return reply;
    return render(reply, 'report', { ...found, ...form, csrfToken: reader.session.csrfToken, values: {} });
  });

  app.post(
    `${base}/posts/:id/report`,
    { schema: { params: IdParams, body: ReportForm }, bodyLimit: REPORT_FORM_LIMIT },
    async (request, reply) => {
      const reader = await memberOr(request, reply, true);
      if (!reader) return reply;
      const found = await postFor(reply, reader, Number(request.params.id), false);
      if (!found) return reply;
      const reason = text(request.body, 'reason', 40);
      const detail = text(request.body, 'detail', LIMITS.flagReasonMax + 1).trim();
      const problems = [
        ...(FLAG_REASONS.includes(reason) ? [] : [{ text: words.reportReasonError, href: '#reason' }]),
        ...(detail.length > LIMITS.flagReasonMax
          ? [{ text: fill(words.reportDetailError, { max: LIMITS.flagReasonMax }), href: '#detail' }]
          : []),
      ];
      if (problems.length)
        return render(
          reply,
          'report',
          {
            ...found,
            ...form,
            csrfToken: reader.session.csrfToken,
            values: { reason, detail },
            errors: problems,
            reasonError: problems.find((p) => p.href === '#reason')?.text,
            detailError: problems.find((p) => p.href === '#detail')?.text,
          },
          400,
        );
      if ((await moderation.flagsToday(reader.member.id, clock())) >= LIMITS.flagsPerDay) {
        return render(reply, 'message', { heading: words.reportWait, paragraphs: [words.reportWaitText] }, 429);
      }
      await moderation.flag(found.post.id, reader.member.id, reason, detail || null, clock());
      return render(reply, 'message', {
        heading: words.reportThanks,
        paragraphs: [words.reportThanksText],
        back: `${base}/topics/${found.topic.id}`,
      });
    },
  );
}

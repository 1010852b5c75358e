import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { LIMITS } from '../../../domain/forums/limits.ts';
import type { ModerationRepository } from './moderation-repository.ts';
import { FORUMS_PATH, type ForumPages, text } from './pages.ts';
import { IdParams, NoQuery, REPORT_FORM_LIMIT, ReportForm } from './schemas.ts';

const FLAG_REASONS: Record<string, string> = {
  identifying: 'It could identify someone',
  harassment: 'It is unkind, abusive or harassing',
  suspicious: 'I think the writer may be the person stalking someone',
  'unsafe-advice': 'It gives unsafe or wrong advice',
  spam: 'It is spam or advertising',
  other: 'Something else',
};

export interface ForumReportOptions {
  pages: ForumPages;
  clock: () => number;
  moderation: Pick<ModerationRepository, 'flag' | 'flagsToday'>;
}

/** Moderation, the members' side: "Report" on every post puts it in the moderators' queue (moderation-routes.ts). */
export async function forumReportRoutes(fastify: FastifyInstance, { pages, clock, moderation }: ForumReportOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { render, memberOr, postFor } = pages;

  app.get(`${FORUMS_PATH}/posts/:id/report`, { schema: { params: IdParams, querystring: NoQuery } }, async (request, reply) => {
    const reader = await memberOr(request, reply);
    if (!reader) return reply;
    const found = await postFor(reply, reader, Number(request.params.id), false);
    if (!found) return reply;
    return render(reply, 'report', { ...found, csrfToken: reader.session.csrfToken, reasons: FLAG_REASONS, values: {} });
  });

  app.post(
    `${FORUMS_PATH}/posts/:id/report`,
    { schema: { params: IdParams, body: ReportForm }, bodyLimit: REPORT_FORM_LIMIT },
    async (request, reply) => {
      const reader = await memberOr(request, reply, true);
      if (!reader) return reply;
      const found = await postFor(reply, reader, Number(request.params.id), false);
      if (!found) return reply;
      const reason = text(request.body, 'reason', 40);
      const detail = text(request.body, 'detail', LIMITS.flagReasonMax + 1).trim();
      const problems = [
        ...(FLAG_REASONS[reason] ? [] : [{ text: 'Choose why you are reporting this post', href: '#reason' }]),
        ...(detail.length > LIMITS.flagReasonMax
          ? [{ text: `Tell us in ${LIMITS.flagReasonMax} characters or fewer`, href: '#detail' }]
          : []),
      ];
      if (problems.length)
        return render(
          reply,
          'report',
          { ...found, csrfToken: reader.session.csrfToken, reasons: FLAG_REASONS, values: { reason, detail }, errors: problems },
          400,
        );
      if ((await moderation.flagsToday(reader.member.id, clock())) >= LIMITS.flagsPerDay) {
        return render(
          reply,
          'message',
          {
            heading: 'Please wait before reporting more posts',
            paragraphs: ['You have sent a lot of reports today. If something is urgent, call the helpline or, in danger, 999.'],
          },
          429,
        );
      }
      await moderation.flag(found.post.id, reader.member.id, reason, detail || null, clock());
      return render(reply, 'message', {
        heading: 'Thank you. A moderator will look at this post',
        paragraphs: ['Moderators look at reports in order of urgency. The person who wrote the post is not told who reported it.'],
        back: `${FORUMS_PATH}/topics/${found.topic.id}`,
      });
    },
  );
}

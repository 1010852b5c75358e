import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { parseAnswers } from '../../../domain/risk-screen/index.ts';
import { sendDynamicPage } from '../../http/html.ts';
import type { Services } from '../../services.ts';
import { LANGUAGES, loadMessages } from '../../setup/messages.ts';
import { languageLinksOf } from '../guidance/index.ts';
import { nextPage, type Page } from './flow.ts';
import { answerFields, type StepBody, stepBodySchema } from './schema.ts';
import { PATH, type RiskScreenWords, riskScreenView } from './view.ts';

export type RiskScreenDeps = Pick<Services, 'directory' | 'views'>;

/**
 * The stalking risk screen, in English and in Welsh (/cy + the path). Without JavaScript it is one question
 * per page: each step is a POST whose body carries the answers so far in hidden fields, so answers never
 * appear in a URL, the history or a log, and the server stores nothing. With JavaScript
 * (src/web/components/risk-screen) the same questions are one page and the result is worked out in the
 * browser, so the answers are not sent at all; the script takes its words from the page.
 *
 * No CSRF token: these POSTs change nothing on the server. A forged one could only show its sender a page.
 */
export async function riskScreenRoutes(app: FastifyInstance, { services }: { services: RiskScreenDeps }): Promise<void> {
  // Registered here, inside this plugin's own scope, unless the whole app already parses forms.
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody);
  const messages = loadMessages('risk-screen');
  const versions = LANGUAGES.map((language) => ({ language, href: (language === 'en' ? '' : `/${language}`) + PATH }));

  for (const language of LANGUAGES) {
    const view = riskScreenView(language, messages[language] as unknown as RiskScreenWords);
    // Switching language mid-way starts the questions again in the other language: the answers live only
    // in this page's form, never in a link.
    const links = languageLinksOf(versions, language);
    const render = (reply: FastifyReply, template: string, context: Record<string, unknown>, status = 200) =>
      sendDynamicPage(reply, services.views.render(`pages/risk-screen/${template}.njk`, { ...context, ...links }), status);

    const show = (reply: FastifyReply, page: Page) => {
      switch (page.kind) {
        case 'intro':
          return render(reply, 'intro', view.intro());
        case 'question':
          return render(reply, 'question', view.question(page.index, page.answers, page.unansweredError), page.unansweredError ? 400 : 200);
        case 'result':
          return render(reply, 'result', view.result(page.answers, page.result));
        case 'problem':
          return render(reply, 'problem', view.problem(), 400);
      }
    };
    const path = versions.find((v) => v.language === language)!.href;

    app.get(path, async (_request, reply) => show(reply, { kind: 'intro' }));

    app.post(
      path,
      // The largest honest body is about 300 bytes.
      { schema: { body: stepBodySchema }, attachValidation: true, bodyLimit: 4 * 1024 },
      async (request, reply) => {
        if (request.validationError) return show(reply, { kind: 'problem' });
        const body = request.body as StepBody;
        const parsed = parseAnswers(answerFields(body));
        if (!parsed.ok) return show(reply, { kind: 'problem' });
        return show(reply, nextPage(body.go, body.at, parsed.answers));
      },
    );
  }
}

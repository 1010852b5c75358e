/**
 * The risk screen, enhanced: every question on one page, and the result worked out here in the browser by the
 * same rules the server uses (src/domain/risk-screen). The answers never leave the device: the form's submit
 * is always cancelled, and nothing is fetched. Without this script the page is the server's one-question-per-
 * page flow. The markup comes from <template>s the server rendered, and every other word (error messages, the
 * result's title, the statements) from the page's data-i18n-* attributes and its statements template, so the
 * words live in the catalogues, in the page's language.
 */
import { ErrorSummary } from 'govuk-frontend';
import {
  assessRisk,
  completeAnswers,
  parseAnswers,
  QUESTIONS,
  type Question,
  type RiskResult,
  unanswered,
} from '../../../domain/risk-screen/index.ts';

/** The script's words, as the server wrote them on the page in its language. */
interface Words {
  answerError: string;
  /** "Question {number}: select yes, no or not sure" */
  questionError: string;
  errorHidden: string;
  errorPrefix: string;
  resultTitle: string;
  statements: ReadonlyMap<string, string>;
}

function wordsOf(container: HTMLElement): Words {
  const data = container.dataset;
  const statements = new Map<string, string>();
  const list = container.querySelector<HTMLTemplateElement>('template[data-risk-screen-template="statements"]');
  for (const item of list?.content.querySelectorAll<HTMLElement>('[data-question]') ?? [])
    statements.set(item.dataset.question!, item.textContent ?? '');
  return {
    answerError: data.i18nAnswerError ?? '',
    questionError: data.i18nQuestionError ?? '',
    errorHidden: data.i18nErrorHidden ?? '',
    errorPrefix: data.i18nErrorPrefix ?? '',
    resultTitle: data.i18nResultTitle ?? '',
    statements,
  };
}

function cloneTemplate(container: HTMLElement, name: string): HTMLElement | undefined {
  const template = container.querySelector<HTMLTemplateElement>(`template[data-risk-screen-template="${name}"]`);
  const first = template?.content.firstElementChild;
  return first ? (document.importNode(first, true) as HTMLElement) : undefined;
}

function focusHeading(part: HTMLElement): void {
  part.querySelector<HTMLElement>('[data-risk-screen-heading]')?.focus();
  window.scrollTo(0, 0);
}

function formGroupOf(form: HTMLFormElement, question: Question): HTMLElement | null {
  return form.querySelector<HTMLInputElement>(`#${question.id}`)?.closest<HTMLElement>('.govuk-form-group') ?? null;
}

/** Marks each unanswered question as the design system does on the server, and lists them in a summary. */
function showErrors(words: Words, container: HTMLElement, questionsPart: HTMLElement, form: HTMLFormElement, missing: Question[]): void {
  container.querySelector('[data-risk-screen-error-summary]')?.remove();
  for (const question of QUESTIONS) {
    const group = formGroupOf(form, question);
    const fieldset = group?.querySelector('fieldset');
    if (!group || !fieldset) continue;
    const errorId = `${question.id}-error`;
    group.querySelector(`#${errorId}`)?.remove();
    group.classList.remove('govuk-form-group--error');
    const describedBy = (fieldset.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== errorId);
    if (missing.includes(question)) {
      group.classList.add('govuk-form-group--error');
      const message = document.createElement('p');
      message.className = 'govuk-error-message';
      message.id = errorId;
      const prefix = document.createElement('span');
      prefix.className = 'govuk-visually-hidden';
      prefix.textContent = words.errorHidden;
      message.append(prefix, ` ${words.answerError}`);
      fieldset.querySelector('.govuk-radios')?.before(message);
      describedBy.push(errorId);
    }
    if (describedBy.length) fieldset.setAttribute('aria-describedby', describedBy.join(' '));
    else fieldset.removeAttribute('aria-describedby');
  }
  if (document.title.startsWith(words.errorPrefix)) document.title = document.title.slice(words.errorPrefix.length);
  if (missing.length === 0) return;

  document.title = `${words.errorPrefix}${document.title}`;
  const summary = cloneTemplate(container, 'error-summary');
  if (!summary) return;
  const list = document.createElement('ul');
  list.className = 'govuk-list govuk-error-summary__list';
  for (const question of missing) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#${question.id}`;
    link.textContent = words.questionError.replace('{number}', String(QUESTIONS.indexOf(question) + 1));
    item.append(link);
    list.append(item);
  }
  summary.querySelector('.govuk-error-summary__body')?.append(list);
  questionsPart.prepend(summary);
  try {
    // Takes focus, so the summary is read out, and makes its links move focus to the question.
    new ErrorSummary(summary);
  } catch {
    summary.setAttribute('tabindex', '-1');
    summary.focus();
  }
}

function fillList(words: Words, result: HTMLElement, name: string, questions: readonly Question[]): void {
  const section = result.querySelector<HTMLElement>(`[data-risk-screen-section="${name}"]`);
  const list = result.querySelector<HTMLElement>(`[data-risk-screen-list="${name}"]`);
  if (!section || !list) return;
  list.replaceChildren(
    ...questions.map((q) => {
      const item = document.createElement('li');
      item.textContent = words.statements.get(q.id) ?? '';
      return item;
    }),
  );
  section.hidden = questions.length === 0;
}

export function enhanceRiskScreen(root: ParentNode = document): void {
  const container = root.querySelector<HTMLElement>('[data-risk-screen]');
  const questionsPart = container?.querySelector<HTMLElement>('[data-risk-screen-questions-part]');
  const start = container?.querySelector<HTMLElement>('[data-risk-screen-start]');
  if (!container || !questionsPart || !start) return;
  const form = cloneTemplate(container, 'questions');
  if (!(form instanceof HTMLFormElement)) return;
  const words = wordsOf(container);
  const pageTitle = document.title;
  let shown: HTMLElement | undefined;

  start.replaceWith(form);

  form.addEventListener('submit', (event) => {
    // First, before anything that could fail: the answers must never be sent.
    event.preventDefault();
    const fields: Record<string, string> = {};
    for (const [name, value] of new FormData(form)) {
      if (name !== 'go' && typeof value === 'string') fields[name] = value;
    }
    const parsed = parseAnswers(fields);
    if (!parsed.ok) return;
    const missing = unanswered(parsed.answers);
    showErrors(words, container, questionsPart, form, missing);
    const answers = completeAnswers(parsed.answers);
    if (!answers) return;
    showResult(assessRisk(answers));
  });

  const showResult = (result: RiskResult) => {
    const element = cloneTemplate(container, `result-${result.level}`);
    if (!element) return;
    fillList(words, element, 'yes', result.yes);
    fillList(words, element, 'not-sure', result.notSure);
    element.querySelector('[data-risk-screen-change]')?.addEventListener('click', () => {
      element.remove();
      shown = undefined;
      questionsPart.hidden = false;
      document.title = pageTitle;
      focusHeading(questionsPart);
    });
    shown?.remove();
    shown = element;
    questionsPart.hidden = true;
    container.append(element);
    document.title = pageTitle.replace(
      /^(.*?)( – Casebook)?$/,
      (_whole, _title: string, site?: string) => `${words.resultTitle}${site ?? ''}`,
    );
    focusHeading(element);
  };
}

enhanceRiskScreen();

/**
 * The risk screen, enhanced: every question on one page, and the result worked out here in the browser by the
 * same rules the server uses (src/domain/risk-screen). The answers never leave the device: the form's submit
 * is always cancelled, and nothing is fetched. Without this script the page is the server's one-question-per-
 * page flow. The markup comes from <template>s the server rendered, so the words live in one place.
 */
import { ErrorSummary } from 'govuk-frontend';
import { assessRisk, completeAnswers, parseAnswers, QUESTIONS, unanswered, type Question, type RiskResult } from '../../../domain/risk-screen/index.ts';

const ANSWER_ERROR = 'Select yes, no or not sure';

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
function showErrors(container: HTMLElement, questionsPart: HTMLElement, form: HTMLFormElement, missing: Question[]): void {
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
      prefix.textContent = 'Error:';
      message.append(prefix, ` ${ANSWER_ERROR}`);
      fieldset.querySelector('.govuk-radios')?.before(message);
      describedBy.push(errorId);
    }
    if (describedBy.length) fieldset.setAttribute('aria-describedby', describedBy.join(' '));
    else fieldset.removeAttribute('aria-describedby');
  }
  document.title = document.title.replace(/^Error: /, '');
  if (missing.length === 0) return;

  document.title = `Error: ${document.title}`;
  const summary = cloneTemplate(container, 'error-summary');
  if (!summary) return;
  const list = document.createElement('ul');
  list.className = 'govuk-list govuk-error-summary__list';
  for (const question of missing) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#${question.id}`;
    link.textContent = `Question ${QUESTIONS.indexOf(question) + 1}: ${ANSWER_ERROR.toLowerCase()}`;
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

function fillList(result: HTMLElement, name: string, questions: readonly Question[]): void {
  const section = result.querySelector<HTMLElement>(`[data-risk-screen-section="${name}"]`);
  const list = result.querySelector<HTMLElement>(`[data-risk-screen-list="${name}"]`);
  if (!section || !list) return;
  list.replaceChildren(
    ...questions.map((q) => {
      const item = document.createElement('li');
      item.textContent = q.statement;
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
    showErrors(container, questionsPart, form, missing);
    const answers = completeAnswers(parsed.answers);
    if (!answers) return;
    showResult(assessRisk(answers));
  });

  const showResult = (result: RiskResult) => {
    const element = cloneTemplate(container, `result-${result.level}`);
    if (!element) return;
    fillList(element, 'yes', result.yes);
    fillList(element, 'not-sure', result.notSure);
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
    document.title = pageTitle.replace(/^(.*?)( – Casebook)?$/, '$1 – your result$2');
    focusHeading(element);
  };
}

enhanceRiskScreen();

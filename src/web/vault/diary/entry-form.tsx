// The guided entry: one topic per step, then check your answers, then save. Used for a new entry, for
// completing a quick note and for editing (each save is a new version with its own receipt). The steps' fields
// are in entry-steps.tsx (people and files in their own files), the check page in entry-check.tsx.
import { useState } from 'preact/hooks';
import type { Attachment, Person, Problem } from '../../../domain/incidents/index.ts';
import { exactWhenAt, LIMITS, newIncident } from '../../../domain/incidents/index.ts';
import { uploadAttachment } from '../attachments/upload.ts';
import { t } from '../i18n/i18n.ts';
import { problemMessage } from '../i18n/problems.ts';
import { newItemId } from '../items/item-store.ts';
import type { FieldError } from '../ui/components.tsx';
import { Busy, Button, ErrorSummary, Heading, LinkButton } from '../ui/components.tsx';
import { useFormAction } from '../ui/form-action.ts';
import type { Diary } from './diary.ts';
import { CheckAnswers } from './entry-check.tsx';
import type { EntryDraft, EntryStepId } from './entry-draft.ts';
import { draftFromIncident, ENTRY_STEPS, fieldOfProblem, incidentFromDraft, problemsForStep, stepOfProblem } from './entry-draft.ts';
import { StepFields } from './entry-steps.tsx';
import { peopleByName } from './records.ts';

type Step = EntryStepId | 'check';

const errorsOf = (problems: readonly Problem[]): FieldError[] =>
  problems.map((problem) => ({ href: `#${fieldOfProblem(problem)}`, text: problemMessage(problem) }));

export function EntryForm({ diary, id, startAt }: { diary: Diary; id: string | undefined; startAt: Step | undefined }) {
  const previous = id ? diary.records.incidents.get(id) : undefined;
  const [draft, setDraft] = useState<EntryDraft>(() =>
    draftFromIncident(previous?.content ?? newIncident(newItemId(), exactWhenAt(Date.now()), '')),
  );
  const [files, setFiles] = useState<readonly File[]>([]);
  const [newPeople, setNewPeople] = useState<readonly Person[]>([]);
  const [step, setStep] = useState<Step>(startAt ?? (previous?.content.quickNote ? 'where' : 'when'));
  const [returnToCheck, setReturnToCheck] = useState(startAt === 'check');
  const form = useFormAction();
  const update = (change: Partial<EntryDraft>) => setDraft({ ...draft, ...change });

  if (id && !previous) {
    return (
      <>
        <Heading>{t('entry.notHere')}</Heading>
        <p class="govuk-body">
          <LinkButton onClick={() => diary.nav.replace({ name: 'timeline' })}>{t('entry.backToRecord')}</LinkButton>
        </p>
      </>
    );
  }

  const index = ENTRY_STEPS.findIndex((s) => s.id === step);
  const go = (next: Step) => {
    form.setErrors([]);
    setStep(next);
  };
  const next = (event: Event) => {
    event.preventDefault();
    if (step === 'check') return;
    const problems = problemsForStep(draft, step);
    if (files.length + draft.attachments.length > LIMITS.attachments && step === 'files')
      problems.push({ path: 'attachments', message: t('entry.tooManyFiles', { maximum: LIMITS.attachments }) });
    form.setErrors(errorsOf(problems));
    if (problems.length > 0) return;
    if (returnToCheck) go('check');
    else go(index + 1 < ENTRY_STEPS.length ? ENTRY_STEPS[index + 1]!.id : 'check');
  };
  const back = () => {
    if (step === 'check') go(ENTRY_STEPS[ENTRY_STEPS.length - 1]!.id);
    else if (index > 0 && !returnToCheck) go(ENTRY_STEPS[index - 1]!.id);
    else if (returnToCheck) go('check');
    else diary.nav.back();
  };

  // The rest can wait: straight to the check page, or to the first step that still needs an answer.
  const skipToCheck = () => {
    const result = incidentFromDraft(draft);
    if (result.ok) return go('check');
    const first = stepOfProblem(result.problems[0]!);
    go(first);
    form.setErrors(errorsOf(result.problems.filter((problem) => stepOfProblem(problem) === first)));
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const saved = await form.run({
      check: () => {
        const result = incidentFromDraft(draft);
        return result.ok ? [] : errorsOf(result.problems);
      },
      busy: t('entry.saving'),
      failureField: 'save',
      failure: t('entry.saveFailed'),
      work: async (progress) => {
        const uploaded: Attachment[] = [];
        for (const [n, file] of files.entries()) {
          uploaded.push(
            await uploadAttachment(diary.vault, file, ({ sentChunks, chunkCount }) =>
              progress(
                t('entry.sendingFile', { number: n + 1, total: files.length, percent: Math.round((100 * sentChunks) / chunkCount) }),
              ),
            ),
          );
        }
        progress(t('entry.saving'));
        for (const person of newPeople) {
          if (draft.people.some((link) => link.personId === person.id)) await diary.save(person, undefined);
        }
        const result = incidentFromDraft(draft, uploaded);
        if (!result.ok) throw new Error(result.problems[0]?.message);
        return diary.save(result.incident, previous);
      },
    });
    if (saved) diary.nav.replace({ name: 'entry', id: saved.id });
  };

  const title = previous ? (previous.content.quickNote ? t('entry.completeQuickNote') : t('entry.change')) : t('entry.new');
  const people = [...peopleByName(diary.records), ...newPeople];

  if (step === 'check') {
    const result = incidentFromDraft(draft);
    return (
      <div class="govuk-grid-row">
        <form class="govuk-grid-column-two-thirds" onSubmit={save} noValidate>
          <BackLink onClick={back} />
          <ErrorSummary errors={form.errors} />
          <Heading focusKey={step} caption={title}>
            {t('entry.check.heading')}
          </Heading>
          <CheckAnswers
            diary={diary}
            draft={draft}
            files={files}
            people={people}
            onChange={(target) => {
              setReturnToCheck(true);
              go(target);
            }}
          />
          {!result.ok ? (
            <p class="govuk-body govuk-error-message">
              {t('entry.check.needsChanging', { problems: result.problems.map((p) => problemMessage(p)).join('; ') })}
            </p>
          ) : null}
          <p class="govuk-body">
            {t('entry.check.saving')}
            {previous ? ` ${t('entry.check.historyKept')}` : ''}
          </p>
          <div id="save" tabIndex={-1}>
            {form.busy ? (
              <Busy>{form.busy}</Busy>
            ) : (
              <Button type="submit">{previous && !previous.content.quickNote ? t('entry.saveChanges') : t('entry.save')}</Button>
            )}
          </div>
        </form>
      </div>
    );
  }

  const stepInfo = ENTRY_STEPS[index]!;
  return (
    <div class="govuk-grid-row">
      <form class="govuk-grid-column-two-thirds" onSubmit={next} noValidate>
        <BackLink onClick={back} />
        <ErrorSummary errors={form.errors} />
        <span class="govuk-caption-l">{t('entry.stepCaption', { title, number: index + 1, total: ENTRY_STEPS.length })}</span>
        <Heading focusKey={step}>{t(`entry.steps.${stepInfo.id}`)}</Heading>
        <StepFields
          diary={diary}
          step={step}
          draft={draft}
          update={update}
          errors={form.errors}
          files={files}
          setFiles={setFiles}
          people={people}
          addPerson={(person) => {
            setNewPeople([...newPeople, person]);
            update({ people: [...draft.people, { personId: person.id, role: person.role }] });
          }}
        />
        <div class="govuk-button-group">
          <Button type="submit">{returnToCheck ? t('entry.backToCheck') : t('common.continue')}</Button>
          {step !== 'when' && !returnToCheck ? <LinkButton onClick={skipToCheck}>{t('entry.skipToCheck')}</LinkButton> : null}
        </div>
      </form>
    </div>
  );
}

function BackLink({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" class="govuk-back-link casebook-diary-back" onClick={onClick}>
      {t('common.back')}
    </button>
  );
}

// The guided entry: one topic per step, then check your answers, then save. Used for a new entry, for
// completing a quick note and for editing (each save is a new version with its own receipt).
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import {
  BEHAVIOURS,
  DAILY_LIFE_CHANGE_LABELS,
  DAILY_LIFE_CHANGES,
  LIMITS,
  METHOD_KINDS,
  METHOD_LABELS,
  PERSON_ROLE_LABELS,
  PERSON_ROLES,
  REPORT_TARGET_LABELS,
  REPORT_TARGETS,
  behaviourById,
  describeWhen,
  exactWhenAt,
  newIncident,
  newPerson,
} from '../../../domain/incidents/index.ts';
import type { Attachment, Person, PersonRole, Problem, ReportTarget } from '../../../domain/incidents/index.ts';
import { uploadAttachment } from '../attachments/upload.ts';
import { newItemId } from '../items/item-store.ts';
import { Checkboxes, DateTimeFields, Radios, Select, SummaryList } from '../ui/choices.tsx';
import { Busy, Button, ErrorSummary, errorFor, Heading, LinkButton, Textarea, TextInput } from '../ui/components.tsx';
import type { FieldError } from '../ui/components.tsx';
import { useFormAction } from '../ui/form-action.ts';
import { formatBytes } from '../ui/messages.ts';
import type { Diary } from './diary.ts';
import { ENTRY_STEPS, draftFromIncident, fieldOfProblem, incidentFromDraft, problemsForStep, stepOfProblem } from './entry-draft.ts';
import type { EntryDraft, EntryStepId, ReportDraft } from './entry-draft.ts';
import { LocalFilePreview, StoredFile } from './files.tsx';
import { peopleByName, placesByName } from './records.ts';

type Step = EntryStepId | 'check';

const errorsOf = (problems: readonly Problem[]): FieldError[] => problems.map((problem) => ({ href: `#${fieldOfProblem(problem)}`, text: problem.message }));

export function EntryForm({ diary, id, startAt }: { diary: Diary; id: string | undefined; startAt: Step | undefined }) {
  const previous = id ? diary.records.incidents.get(id) : undefined;
  const [draft, setDraft] = useState<EntryDraft>(() => draftFromIncident(previous?.content ?? newIncident(newItemId(), exactWhenAt(Date.now()), '')));
  const [files, setFiles] = useState<readonly File[]>([]);
  const [newPeople, setNewPeople] = useState<readonly Person[]>([]);
  const [step, setStep] = useState<Step>(startAt ?? (previous?.content.quickNote ? 'where' : 'when'));
  const [returnToCheck, setReturnToCheck] = useState(startAt === 'check');
  const form = useFormAction();
  const update = (change: Partial<EntryDraft>) => setDraft({ ...draft, ...change });

  if (id && !previous) {
    return (
      <>
        <Heading>This entry is not here</Heading>
        <p class="govuk-body"><LinkButton onClick={() => diary.nav.replace({ name: 'timeline' })}>Back to your record</LinkButton></p>
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
    if (files.length + draft.attachments.length > LIMITS.attachments && step === 'files') problems.push({ path: 'attachments', message: `An entry can hold at most ${LIMITS.attachments} files` });
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
      busy: 'Encrypting and saving',
      failureField: 'save',
      failure: 'Your entry could not be saved. Nothing was lost: try again.',
      work: async (progress) => {
        const uploaded: Attachment[] = [];
        for (const [n, file] of files.entries()) {
          uploaded.push(
            await uploadAttachment(diary.vault, file, ({ sentChunks, chunkCount }) => progress(`Encrypting and sending file ${n + 1} of ${files.length}: ${Math.round((100 * sentChunks) / chunkCount)}%`)),
          );
        }
        progress('Encrypting and saving');
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

  const title = previous ? (previous.content.quickNote ? 'Complete your quick note' : 'Change this entry') : 'New entry';
  const people = [...peopleByName(diary.records), ...newPeople];

  if (step === 'check') {
    const result = incidentFromDraft(draft);
    return (
      <div class="govuk-grid-row">
        <form class="govuk-grid-column-two-thirds" onSubmit={save} noValidate>
          <BackLink onClick={back} />
          <ErrorSummary errors={form.errors} />
          <Heading focusKey={step} caption={title}>Check your entry</Heading>
          <CheckAnswers diary={diary} draft={draft} files={files} people={people} onChange={(target) => { setReturnToCheck(true); go(target); }} />
          {!result.ok ? <p class="govuk-body govuk-error-message">Some answers need changing before you can save: {result.problems.map((p) => p.message).join('; ')}.</p> : null}
          <p class="govuk-body">Saving encrypts this entry on this device and gets a time receipt for it.{previous ? ' The earlier version is kept in its history.' : ''}</p>
          <div id="save" tabIndex={-1}>
            {form.busy ? <Busy>{form.busy}</Busy> : <Button type="submit">{previous && !previous.content.quickNote ? 'Save the changes' : 'Save entry'}</Button>}
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
        <span class="govuk-caption-l">{title} · step {index + 1} of {ENTRY_STEPS.length}</span>
        <Heading focusKey={step}>{stepInfo.title}</Heading>
        <StepFields diary={diary} step={step} draft={draft} update={update} errors={form.errors} files={files} setFiles={setFiles} people={people} addPerson={(person) => {
          setNewPeople([...newPeople, person]);
          update({ people: [...draft.people, { personId: person.id, role: person.role }] });
        }} />
        <div class="govuk-button-group">
          <Button type="submit">{returnToCheck ? 'Back to check your entry' : 'Continue'}</Button>
          {step !== 'when' && !returnToCheck ? <LinkButton onClick={skipToCheck}>Skip to check your entry</LinkButton> : null}
        </div>
      </form>
    </div>
  );
}

function BackLink({ onClick }: { onClick: () => void }) {
  return <button type="button" class="govuk-back-link casebook-diary-back" onClick={onClick}>Back</button>;
}

interface StepProps {
  diary: Diary;
  step: EntryStepId;
  draft: EntryDraft;
  update: (change: Partial<EntryDraft>) => void;
  errors: readonly FieldError[];
  files: readonly File[];
  setFiles: (files: readonly File[]) => void;
  people: readonly Person[];
  addPerson: (person: Person) => void;
}

function StepFields(props: StepProps) {
  const { diary, step, draft, update, errors } = props;
  switch (step) {
    case 'when':
      return (
        <Radios
          id="when-kind"
          legend="How well do you know the time?"
          legendSize="s"
          value={draft.whenKind}
          onChange={(whenKind) => update({ whenKind })}
          choices={[
            { value: 'exact', label: 'I know the date and time', reveal: <DateTimeFields id="when" legend="Date and time" date={draft.date} time={draft.time} onDate={(date) => update({ date })} onTime={(time) => update({ time })} dateError={errorFor(errors, 'when-date')} timeError={errorFor(errors, 'when-time')} /> },
            { value: 'day', label: 'I know the day but not the time', reveal: <DateTimeFields id="when" legend="Day" withTime={false} date={draft.date} time="" onDate={(date) => update({ date })} onTime={() => {}} dateError={errorFor(errors, 'when-date')} /> },
            {
              value: 'range',
              label: 'It happened over a period, or I only know roughly when',
              hint: 'For example, between Monday and Wednesday, or over a weekend.',
              reveal: (
                <>
                  <DateTimeFields id="when-from" legend="From" timeLabel="Time (optional)" date={draft.fromDate} time={draft.fromTime} onDate={(fromDate) => update({ fromDate })} onTime={(fromTime) => update({ fromTime })} dateError={errorFor(errors, 'when-from-date')} timeError={errorFor(errors, 'when-from-time')} />
                  <DateTimeFields id="when-to" legend="To" timeLabel="Time (optional)" date={draft.toDate} time={draft.toTime} onDate={(toDate) => update({ toDate })} onTime={(toTime) => update({ toTime })} dateError={errorFor(errors, 'when-to-date')} timeError={errorFor(errors, 'when-to-time')} />
                </>
              ),
            },
          ]}
        />
      );
    case 'where': {
      const places = placesByName(diary.records);
      return (
        <>
          <TextInput id="where" label="Where were you, or where did it happen?" hint="For example: outside my work on King Street, or online." value={draft.where} onInput={(where) => update({ where })} error={errorFor(errors, 'where')} spellcheck />
          {places.length > 0 ? (
            <Select id="place" label="Or choose a saved place" value={draft.placeId} onChange={(placeId) => update({ placeId })} choices={[{ value: '', label: 'No saved place' }, ...places.map((place) => ({ value: place.id, label: place.name }))]} />
          ) : (
            <p class="govuk-body-s">You can save places you use often (home, work) under Places.</p>
          )}
        </>
      );
    }
    case 'what':
      return (
        <Textarea id="what-happened" label="What happened, in your own words" labelClass="govuk-label--s" hint="What they did and said, in the order it happened. Include anything that made you afraid." value={draft.whatHappened} onInput={(whatHappened) => update({ whatHappened })} error={errorFor(errors, 'what-happened')} rows={8} />
      );
    case 'behaviours':
      return (
        <Checkboxes
          id="behaviour"
          legend="Tick everything that happened this time"
          legendSize="s"
          hint="These are the kinds of behaviour the law and the police look for. Tick none if none fit."
          error={errorFor(errors, 'behaviour-0')}
          selected={draft.behaviours}
          onChange={(behaviours) => update({ behaviours: BEHAVIOURS.map((b) => b.id).filter((b) => behaviours.includes(b)) })}
          choices={BEHAVIOURS.map((behaviour) => ({ value: behaviour.id, label: behaviour.label, hint: behaviour.hint }))}
        />
      );
    case 'how':
      return (
        <Checkboxes
          id="method"
          legend="How did they do it?"
          legendSize="s"
          hint="Tick all that apply."
          error={errorFor(errors, 'method-0')}
          selected={draft.methods}
          onChange={(methods) => update({ methods: METHOD_KINDS.filter((kind) => methods.includes(kind)) })}
          choices={METHOD_KINDS.map((kind) => ({
            value: kind,
            label: METHOD_LABELS[kind],
            reveal:
              kind === 'social-media' ? (
                <TextInput id="method-platform" label="Which website or app?" hint="For example: Instagram, Facebook, TikTok, WhatsApp." value={draft.platform} onInput={(platform) => update({ platform })} error={errorFor(errors, 'method-platform')} />
              ) : kind === 'other' ? (
                <TextInput id="method-other" label="How? (optional)" value={draft.otherMethod} onInput={(otherMethod) => update({ otherMethod })} error={errorFor(errors, 'method-other')} />
              ) : undefined,
          }))}
        />
      );
    case 'people':
      return <PeopleStep {...props} />;
    case 'effects':
      return (
        <>
          <Checkboxes<'fear' | 'distress'>
            id="fear"
            legend="How did it make you feel?"
            legendSize="s"
            hint="The police need to know this. Tick all that are true."
            selected={[...(draft.fearOfViolence ? (['fear'] as const) : []), ...(draft.alarmOrDistress ? (['distress'] as const) : [])]}
            onChange={(chosen) => update({ fearOfViolence: chosen.includes('fear'), alarmOrDistress: chosen.includes('distress') })}
            choices={[
              { value: 'fear', label: 'I was afraid they would use violence against me', hint: 'Even if they did not say it in words.' },
              { value: 'distress', label: 'It alarmed or distressed me' },
            ]}
          />
          <Checkboxes
            id="changes"
            legend="Have you changed your daily life because of it?"
            legendSize="s"
            hint="This can matter a lot: the law counts changes to your usual day-to-day life."
            selected={draft.dailyLifeChanges}
            onChange={(chosen) => update({ dailyLifeChanges: DAILY_LIFE_CHANGES.filter((c) => chosen.includes(c)) })}
            choices={DAILY_LIFE_CHANGES.map((change) => ({
              value: change,
              label: DAILY_LIFE_CHANGE_LABELS[change],
              reveal: change === 'other' ? <TextInput id="other-change" label="What changed?" value={draft.otherChange} onInput={(otherChange) => update({ otherChange })} error={errorFor(errors, 'other-change')} /> : undefined,
            }))}
            small
          />
          <Textarea id="feelings" label="Anything else about how it affected you (optional)" labelClass="govuk-label--s" value={draft.feelings} onInput={(feelings) => update({ feelings })} error={errorFor(errors, 'feelings')} rows={3} />
        </>
      );
    case 'reported':
      return (
        <Checkboxes<ReportTarget>
          id="report"
          legend="Who have you told about this incident?"
          legendSize="s"
          hint="Leave all unticked if you have not reported it. You can add this later."
          error={errorFor(errors, 'report-police')}
          selected={REPORT_TARGETS.filter((target) => draft.reports[target].made)}
          onChange={(chosen) => update({ reports: Object.fromEntries(REPORT_TARGETS.map((t) => [t, { ...draft.reports[t], made: chosen.includes(t) }])) as Record<ReportTarget, ReportDraft> })}
          choices={REPORT_TARGETS.map((target) => ({ value: target, label: REPORT_TARGET_LABELS[target], reveal: <ReportFields target={target} draft={draft} update={update} errors={errors} /> }))}
        />
      );
    case 'files':
      return <FilesStep {...props} />;
  }
}

function ReportFields({ target, draft, update, errors }: { target: ReportTarget; draft: EntryDraft; update: (change: Partial<EntryDraft>) => void; errors: readonly FieldError[] }) {
  const report = draft.reports[target];
  const set = (change: Partial<ReportDraft>) => update({ reports: { ...draft.reports, [target]: { ...report, ...change } } });
  return (
    <>
      {target === 'police' ? (
        <>
          <TextInput id="report-police-reference" label="Crime reference number (optional)" value={report.crimeReference} onInput={(crimeReference) => set({ crimeReference })} error={errorFor(errors, 'report-police-reference')} inputClass="govuk-input--width-20" />
          <TextInput id="report-police-officer" label="Officer's name or number (optional)" value={report.officerName} onInput={(officerName) => set({ officerName })} error={errorFor(errors, 'report-police-officer')} />
        </>
      ) : (
        <TextInput id={`report-${target}-name`} label={target === 'platform' ? 'Which website or app?' : target === 'employer' ? 'Which organisation?' : 'Who?'} value={report.name} onInput={(name) => set({ name })} />
      )}
    </>
  );
}

function PeopleStep({ draft, update, people, addPerson, errors }: StepProps) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<PersonRole>('stalker');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const linked = new Map(draft.people.map((link) => [link.personId, link.role]));
  return (
    <>
      {people.length > 0 ? (
        <Checkboxes
          id="people"
          legend="People you have saved"
          legendSize="s"
          hint="Tick everyone who was involved or saw it, and say what their part was this time."
          error={errorFor(errors, 'people')}
          selected={people.filter((p) => linked.has(p.id)).map((p) => p.id)}
          onChange={(chosen) => update({ people: chosen.map((personId) => ({ personId, role: linked.get(personId) ?? people.find((p) => p.id === personId)?.role ?? 'other' })) })}
          choices={people.map((person) => ({
            value: person.id,
            label: person.name,
            hint: person.relationship,
            reveal: (
              <Select<PersonRole>
                id={`role-${person.id}`}
                label={`${person.name}'s part this time`}
                value={linked.get(person.id) ?? person.role}
                onChange={(chosen) => update({ people: draft.people.map((link) => (link.personId === person.id ? { ...link, role: chosen } : link)) })}
                choices={PERSON_ROLES.map((r) => ({ value: r, label: PERSON_ROLE_LABELS[r] }))}
              />
            ),
          }))}
        />
      ) : (
        <p class="govuk-body">You have not saved anyone yet. Add the people involved below; they are kept for your next entries too.</p>
      )}
      <div class="casebook-diary-add-person">
        <h2 class="govuk-heading-s">Add someone new</h2>
        <TextInput id="new-person-name" label="Their name, or how you describe them" hint="For example: Sam, or “the man in the blue car”." value={name} onInput={setName} error={problem} spellcheck />
        <Select<PersonRole> id="new-person-role" label="Their part" value={role} onChange={setRole} choices={PERSON_ROLES.map((r) => ({ value: r, label: PERSON_ROLE_LABELS[r] }))} />
        <button
          type="button"
          class="govuk-button govuk-button--secondary"
          onClick={() => {
            if (name.trim() === '') return setProblem('Enter a name or a short description');
            if (name.length > LIMITS.shortText) return setProblem(`Name must be ${LIMITS.shortText} characters or fewer`);
            setProblem(undefined);
            addPerson(newPerson(newItemId(), name.trim(), role));
            setName('');
          }}
        >
          Add this person
        </button>
      </div>
    </>
  );
}

function FilesStep({ diary, draft, update, files, setFiles }: StepProps) {
  return (
    <>
      <p class="govuk-body">Photos, screenshots, recordings or documents about this incident. They are encrypted on this device. Each file's fingerprint is part of the entry, so its time receipt covers the file too.</p>
      {draft.attachments.length > 0 ? (
        <ul class="govuk-list casebook-diary-files">
          {draft.attachments.map((file) => <StoredFile key={file.id} vault={diary.vault} file={file} onRemove={() => update({ attachments: draft.attachments.filter((a) => a.id !== file.id) })} />)}
        </ul>
      ) : null}
      {files.length > 0 ? (
        <ul class="govuk-list casebook-diary-files">
          {files.map((file, i) => <LocalFilePreview key={`${file.name}-${i}`} file={file} onRemove={() => setFiles(files.filter((_, j) => j !== i))} />)}
        </ul>
      ) : null}
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="files">Add files</label>
        <div class="govuk-hint" id="files-hint">Up to 250 MB each. They are sent when you save the entry.</div>
        <input class="govuk-file-upload" id="files" name="files" type="file" multiple aria-describedby="files-hint" onChange={(event) => {
          const chosen = [...(event.currentTarget.files ?? [])];
          setFiles([...files, ...chosen]);
          event.currentTarget.value = '';
        }} />
      </div>
    </>
  );
}

function CheckAnswers({ diary, draft, files, people, onChange }: { diary: Diary; draft: EntryDraft; files: readonly File[]; people: readonly Person[]; onChange: (step: EntryStepId) => void }) {
  const result = useMemo(() => incidentFromDraft(draft), [draft]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const none = <span class="casebook-diary-none">Not given</span>;
  const change = (step: EntryStepId, hidden: string) => ({ label: 'Change', hidden, onClick: () => onChange(step) });
  const place = draft.placeId ? diary.records.places.get(draft.placeId)?.content.name : undefined;
  const list = (items: readonly ComponentChildren[]) => (items.length ? <ul class="govuk-list">{items.map((item, i) => <li key={i}>{item}</li>)}</ul> : none);
  return (
    <SummaryList
      rows={[
        { key: 'When', value: result.ok ? describeWhen(result.incident.when) : 'Needs changing', action: change('when', 'when it happened') },
        { key: 'Where', value: [draft.where, place].filter(Boolean).join(' – ') || none, action: change('where', 'where') },
        { key: 'What happened', value: draft.whatHappened.trim() ? <span class="casebook-diary-prewrap">{draft.whatHappened}</span> : none, action: change('what', 'what happened') },
        { key: 'What they did', value: list(draft.behaviours.map((b) => behaviourById(b).label)), action: change('behaviours', 'what they did') },
        { key: 'How', value: list(draft.methods.map((m) => (m === 'social-media' && draft.platform ? `${METHOD_LABELS[m]}: ${draft.platform}` : METHOD_LABELS[m]))), action: change('how', 'how they did it') },
        { key: 'People', value: list(draft.people.map((link) => `${names.get(link.personId) ?? 'Someone'} – ${PERSON_ROLE_LABELS[link.role]}`)), action: change('people', 'who was involved') },
        {
          key: 'How it affected you',
          value: list([
            ...(draft.fearOfViolence ? ['Afraid they would use violence'] : []),
            ...(draft.alarmOrDistress ? ['Alarmed or distressed'] : []),
            ...draft.dailyLifeChanges.map((c) => (c === 'other' && draft.otherChange ? draft.otherChange : DAILY_LIFE_CHANGE_LABELS[c])),
          ]),
          action: change('effects', 'how it affected you'),
        },
        {
          key: 'Reported',
          value: list(REPORT_TARGETS.filter((t) => draft.reports[t].made).map((t) => [REPORT_TARGET_LABELS[t], draft.reports[t].crimeReference && `reference ${draft.reports[t].crimeReference}`, draft.reports[t].officerName, draft.reports[t].name].filter(Boolean).join(', '))),
          action: change('reported', 'who you reported it to'),
        },
        { key: 'Files', value: list([...draft.attachments.map((a) => `${a.name} (${formatBytes(a.size)})`), ...files.map((f) => `${f.name} (${formatBytes(f.size)}) – sent when you save`)]), action: change('files', 'files') },
      ]}
    />
  );
}

// Bringing messages into the record from an export the phone or account already makes: choose the file (read in
// a worker, with progress and Cancel), choose whose messages and which dates, see what will be added, then save.
// Everything is read and grouped on this device; the server receives only ciphertext (the file as an encrypted
// attachment, each incident as an encrypted item). Nothing is written to browser storage, logs or the address.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BehaviourId } from '../../../domain/incidents/index.ts';
import { behaviourById, describeWhen, LIMITS } from '../../../domain/incidents/index.ts';
import type { Diary } from '../diary/diary.ts';
import { peopleByName } from '../diary/records.ts';
import type { StoredItem } from '../items/item-store.ts';
import { Checkboxes, Radios } from '../ui/choices.tsx';
import { Busy, Button, Heading, LinkButton } from '../ui/components.tsx';
import { describeFailure, formatBytes } from '../ui/messages.ts';
import type { ImportJob } from './job.ts';
import { unfinishedJob } from './job.ts';
import type { Grouping, ImportChoices, KeyedRecord, PlannedGroup } from './plan.ts';
import { DEFAULT_BURST_GAP_MINUTES, dateSpan, defaultSenders, describeMessages, existingKeys, messageOf, planImport } from './plan.ts';
import type { ReadExport } from './read-export.ts';
import { ReadFailed, readExport } from './read-export.ts';
import type { SaveProgress } from './save.ts';
import { saveImport } from './save.ts';

type Stage =
  | { readonly name: 'choose'; readonly problem?: string }
  | { readonly name: 'reading'; readonly file: File; readonly fraction: number }
  | { readonly name: 'review'; readonly file: File; readonly read: ReadExport; readonly stripped?: boolean }
  | { readonly name: 'saving'; readonly file: File; readonly progress: SaveProgress | undefined }
  | { readonly name: 'stopped'; readonly saved: number; readonly total: number; readonly problem?: string }
  | { readonly name: 'done'; readonly added: number; readonly messages: number };

export function ImportScreen({ diary }: { diary: Diary }) {
  const [stage, setStage] = useState<Stage>({ name: 'choose' });
  const abort = useRef<AbortController | undefined>(undefined);
  // Leaving the screen (or locking) stops whatever is running.
  useEffect(() => () => abort.current?.abort(), []);

  const read = (file: File, stripped = false) => {
    abort.current?.abort();
    const controller = (abort.current = new AbortController());
    setStage({ name: 'reading', file, fraction: 0 });
    readExport(file, (fraction) => !controller.signal.aborted && setStage({ name: 'reading', file, fraction }), controller.signal).then(
      (result) => !controller.signal.aborted && setStage({ name: 'review', file, read: result, stripped }),
      (error) => {
        if (controller.signal.aborted) return;
        setStage({
          name: 'choose',
          problem: error instanceof ReadFailed ? error.message : 'This file could not be read. Nothing was added to your record.',
        });
      },
    );
  };

  const cancel = () => {
    abort.current?.abort();
    setStage({ name: 'choose' });
  };

  switch (stage.name) {
    case 'choose':
      return <ChooseFile problem={stage.problem} onFile={read} />;
    case 'reading':
      return (
        <div class="casebook-import">
          <Heading>Reading the file</Heading>
          <p class="govuk-body">
            {stage.file.name} ({formatBytes(stage.file.size)}). It is read on this device only.
          </p>
          <progress class="casebook-import__bar" max={1} value={stage.fraction} aria-label="Reading the file" />
          <p class="govuk-body" role="status">
            {Math.round(stage.fraction * 100)}% read
          </p>
          <Button variant="secondary" onClick={cancel}>
            Cancel
          </Button>
        </div>
      );
    case 'review':
      return (
        <Review
          diary={diary}
          file={stage.file}
          read={stage.read}
          stripped={stage.stripped ?? false}
          onCancel={() => setStage({ name: 'choose' })}
          {...(stage.read.parsed.location && stage.read.parsed.format === 'image'
            ? {
                onDropLocation: () =>
                  void withoutLocation(stage.file).then((copy) =>
                    typeof copy === 'string' ? setStage({ name: 'choose', problem: copy }) : read(copy, true),
                  ),
              }
            : {})}
          onSave={(request) => {
            const controller = (abort.current = new AbortController());
            setStage({ name: 'saving', file: stage.file, progress: undefined });
            const written: StoredItem[] = [];
            const total = request.groups.reduce((n, { group }) => n + group.parts.length, 0);
            // Requests already on their way may still report after a failure: the first outcome is the one shown.
            let settled = false;
            const onProgress = (progress: SaveProgress) => !settled && setStage({ name: 'saving', file: stage.file, progress });
            saveImport(
              diary.vault,
              { file: stage.file, sha256: stage.read.sha256, format: stage.read.parsed.format, ...request },
              diary.checker,
              onProgress,
              controller.signal,
              written,
            ).then(
              (result) => {
                settled = true;
                diary.rememberAll(written);
                setStage({ name: 'done', added: result.added, messages: result.messages });
              },
              (error) => {
                settled = true;
                // What was saved stays saved, and is shown; choosing the same file again adds the rest.
                diary.rememberAll(written);
                const saved = written.filter((item) => (item.content as { kind?: unknown }).kind === 'incident').length;
                setStage({
                  name: 'stopped',
                  saved,
                  total,
                  ...(controller.signal.aborted ? {} : { problem: describeFailure(error, 'Saving stopped. Try again.') }),
                });
              },
            );
          }}
        />
      );
    case 'saving':
      return <Saving file={stage.file} progress={stage.progress} onCancel={() => abort.current?.abort()} />;
    case 'stopped':
      return (
        <div class="casebook-import">
          <Heading>{stage.problem ? 'Saving stopped' : 'You stopped saving'}</Heading>
          {stage.problem ? <p class="govuk-body govuk-error-message">{stage.problem}</p> : null}
          <p class="govuk-body" data-import-stopped>
            {stage.saved === 0
              ? 'Nothing new was added yet.'
              : `${plural(stage.saved, 'entry', 'entries')} were added before it stopped; they are in your record.`}{' '}
            To add the rest, choose the same file again: Casebook carries on where it stopped and adds nothing twice.
          </p>
          <div class="govuk-button-group">
            <Button onClick={() => setStage({ name: 'choose' })}>Choose the file again</Button>
            <LinkButton onClick={() => diary.nav.go({ name: 'timeline' })}>Go to your record</LinkButton>
          </div>
        </div>
      );
    case 'done':
      return (
        <div class="casebook-import">
          <div class="govuk-panel govuk-panel--confirmation casebook-import__done">
            <h1 class="govuk-panel__title">Added to your record</h1>
            <div class="govuk-panel__body">
              {plural(stage.added, 'entry', 'entries')}, {plural(stage.messages, 'message')}
            </div>
          </div>
          <p class="govuk-body">
            The original file is kept, encrypted, with each entry. An evidence pack includes it, so anyone can check that the messages came
            from it unchanged.
          </p>
          <div class="govuk-button-group">
            <Button onClick={() => diary.nav.go({ name: 'timeline' })}>Go to your record</Button>
            <LinkButton onClick={() => setStage({ name: 'choose' })}>Bring in another file</LinkButton>
          </div>
        </div>
      );
  }
}

/** The photo without its location (and its other hidden metadata), as a file of the same name and date. */
async function withoutLocation(file: File): Promise<File | string> {
  const { stripImageMetadata } = await import('../../../domain/forums/image-metadata.ts');
  const result = stripImageMetadata(new Uint8Array(await file.arrayBuffer()), { maxBytes: LIMITS.fileBytes, maxSide: 100_000 });
  if (!result.ok) return result.message;
  return new File([result.image.bytes as Uint8Array<ArrayBuffer>], file.name, { type: result.image.type, lastModified: file.lastModified });
}

function ChooseFile({ problem, onFile }: { problem: string | undefined; onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div class="casebook-import">
      <Heading>Bring in messages</Heading>
      <p class="govuk-body">
        Add messages, emails, calls, screenshots or a saved web page to your record from the file your phone or account makes. Casebook
        keeps the original file, the exact times and who sent each one.
      </p>
      <details class="govuk-details">
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">Which files work</span>
        </summary>
        <div class="govuk-details__text">
          <ul class="govuk-list govuk-list--bullet">
            <li>WhatsApp: open the chat, choose More, then Export chat (the .txt, or the .zip with media)</li>
            <li>Text messages and call logs saved with the SMS Backup &amp; Restore app (.xml)</li>
            <li>Emails saved as .eml, or a mailbox as .mbox</li>
            <li>Instagram and Facebook messages from "Download your information" (JSON)</li>
            <li>Screenshots and photos</li>
            <li>A web page you saved (.mhtml or .html)</li>
          </ul>
        </div>
      </details>
      <div class={`govuk-form-group${problem ? ' govuk-form-group--error' : ''}`}>
        <label class="govuk-label govuk-label--s" for="import-file">
          Choose the file
        </label>
        <div id="import-file-hint" class="govuk-hint">
          It is read on this device. Only an encrypted copy is sent to Casebook.
        </div>
        {problem ? (
          <p id="import-file-error" class="govuk-error-message" role="alert">
            <span class="govuk-visually-hidden">Error:</span> {problem}
          </p>
        ) : null}
        <input
          ref={input}
          class={`govuk-file-upload${problem ? ' govuk-file-upload--error' : ''}`}
          id="import-file"
          name="import-file"
          type="file"
          aria-describedby={problem ? 'import-file-hint import-file-error' : 'import-file-hint'}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            // Emptied at once, so the same file can be chosen again (to resume) and the input holds nothing.
            event.currentTarget.value = '';
            if (file) onFile(file);
          }}
        />
      </div>
    </div>
  );
}

/** The behaviours offered on every group: the ones the issue's own words name, plus any the guess found. */
const OFFERED: readonly BehaviourId[] = ['contacting', 'threat-of-violence', 'publishing'];
const PAGE = 20;

interface SaveChoices {
  readonly choices: ImportChoices;
  readonly groups: readonly { readonly group: PlannedGroup; readonly behaviours: readonly BehaviourId[] }[];
  readonly people: ReturnType<typeof peopleByName>;
  readonly job?: StoredItem<ImportJob>;
}

function Review({
  diary,
  file,
  read,
  stripped,
  onCancel,
  onSave,
  onDropLocation,
}: {
  diary: Diary;
  file: File;
  read: ReadExport;
  stripped: boolean;
  onCancel: () => void;
  onSave: (request: SaveChoices) => void;
  onDropLocation?: () => void;
}) {
  const { parsed } = read;
  const job = useMemo(() => unfinishedJob(diary.records.imports.values(), read.sha256), [read.sha256]);
  const span = useMemo(() => dateSpan(parsed), [parsed]);
  const [choices, setChoices] = useState<ImportChoices>(
    () =>
      job?.content.choices ?? {
        senders: defaultSenders(parsed),
        from: span?.first ?? '',
        to: span?.last ?? '',
        by: 'day',
        burstGapMinutes: DEFAULT_BURST_GAP_MINUTES,
        includeDuplicates: false,
      },
  );
  const [edits, setEdits] = useState<ReadonlyMap<string, readonly BehaviourId[]>>(new Map());
  const [shown, setShown] = useState(PAGE);
  const keyed = useMemo<KeyedRecord[]>(() => parsed.records.map((record, i) => ({ record, key: read.keys[i]! })), [parsed]);
  const existing = useMemo(
    () => existingKeys([...diary.records.incidents.values()].map((item) => item.content)),
    [diary.records.incidents],
  );
  const plan = useMemo(() => planImport(keyed, choices, existing), [keyed, choices, existing]);
  const adding = plan.groups.filter((g) => g.records.length > 0);
  const wholeDuplicates = plan.groups.length - adding.length;
  const messages = adding.reduce((n, g) => n + g.records.length, 0);
  const entries = adding.reduce((n, g) => n + g.parts.length, 0);
  const set = (change: Partial<ImportChoices>) => {
    setChoices({ ...choices, ...change });
    setShown(PAGE);
  };
  const behavioursOf = (group: PlannedGroup) => edits.get(group.key) ?? group.guessed;
  const warnings = parsed.warnings;

  return (
    <div class="casebook-import">
      <Heading caption={file.name}>What to bring in</Heading>
      {job ? (
        <div class="govuk-inset-text" data-import-resume>
          You started bringing in this file before, and it did not finish. Casebook carries on with the same choices: what was saved then is
          already in your record and is left out below.
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <div class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">Warning</span>
            <ul class="govuk-list">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {parsed.location ? (
        <div class="govuk-inset-text" data-import-location>
          <p class="govuk-body">
            This file records where it was made: latitude {parsed.location.latitude.toFixed(5)}, longitude{' '}
            {parsed.location.longitude.toFixed(5)}. Only you, and whoever you give an evidence pack, can see it.
          </p>
          <p class="govuk-body">
            If that place could show where you live or stay, keep a copy without it. The copy loses the photo's own time too (the file's
            date is used, and labelled as weaker), and the pack will hold the copy, not the original.
          </p>
          {onDropLocation ? (
            <Button variant="secondary" onClick={onDropLocation}>
              Keep a copy without the location
            </Button>
          ) : null}
        </div>
      ) : null}
      {stripped ? (
        <div class="govuk-inset-text" data-import-stripped>
          This is a copy of the photo without its location and other hidden details.
        </div>
      ) : null}

      {parsed.participants.length > 0 ? (
        <Checkboxes
          id="import-senders"
          legend="Whose messages matter?"
          legendSize="m"
          headingLegend
          hint="Untick yourself and anyone whose messages are not part of what is happening."
          choices={parsed.participants.map((p) => ({ value: p.name, label: `${p.name} (${plural(p.count, 'message')})` }))}
          selected={choices.senders}
          onChange={(senders) => set({ senders })}
        />
      ) : null}

      <fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 class="govuk-fieldset__heading">Which dates?</h2>
        </legend>
        <div class="govuk-hint">
          {span ? `The file runs from ${longDate(span.first)} to ${longDate(span.last)}.` : 'The file has no dates.'}
        </div>
        <div class="casebook-import__dates">
          <div class="govuk-form-group">
            <label class="govuk-label" for="import-from">
              From
            </label>
            <input
              class="govuk-input casebook-import__date"
              id="import-from"
              type="date"
              value={choices.from}
              min={span?.first}
              max={span?.last}
              onInput={(e) => set({ from: e.currentTarget.value })}
            />
          </div>
          <div class="govuk-form-group">
            <label class="govuk-label" for="import-to">
              To
            </label>
            <input
              class="govuk-input casebook-import__date"
              id="import-to"
              type="date"
              value={choices.to}
              min={span?.first}
              max={span?.last}
              onInput={(e) => set({ to: e.currentTarget.value })}
            />
          </div>
        </div>
      </fieldset>

      <Radios<Grouping>
        id="import-grouping"
        legend="How to group them into entries"
        legendSize="m"
        headingLegend
        value={choices.by}
        onChange={(by) => set({ by })}
        choices={[
          { value: 'day', label: 'One entry for each day' },
          {
            value: 'burst',
            label: 'One entry for each burst of messages',
            hint: 'A quiet gap starts a new entry.',
            reveal: (
              <div class="govuk-form-group">
                <label class="govuk-label" for="import-gap">
                  A gap of more than
                </label>
                <select
                  class="govuk-select"
                  id="import-gap"
                  value={String(choices.burstGapMinutes)}
                  onChange={(e) => set({ burstGapMinutes: Number(e.currentTarget.value) })}
                >
                  {[15, 30, 60, 120, 240].map((m) => (
                    <option key={m} value={String(m)}>
                      {m < 60 ? `${m} minutes` : plural(m / 60, 'hour')}
                    </option>
                  ))}
                </select>
              </div>
            ),
          },
        ]}
      />

      <h2 class="govuk-heading-m">What will be added</h2>
      <p class="govuk-body" data-import-summary>
        {adding.length === 0
          ? 'Nothing new: every message you chose is already in your record, or none was chosen.'
          : `${plural(entries, 'entry', 'entries')} with ${plural(messages, 'message')}.`}
        {plan.duplicates > 0
          ? ` ${plural(plan.duplicates, 'message')} ${plan.duplicates === 1 ? 'is' : 'are'} already in your record from an earlier import and ${plan.duplicates === 1 ? 'is' : 'are'} left out${wholeDuplicates > 0 ? ` (${plural(wholeDuplicates, 'whole day or burst', 'whole days or bursts')})` : ''}.`
          : ''}
        {plan.tooLong > 0
          ? ` ${plural(plan.tooLong, 'message')} ${plan.tooLong === 1 ? 'is' : 'are'} too long to keep as an entry; ${plan.tooLong === 1 ? 'it stays' : 'they stay'} in the original file.`
          : ''}
      </p>
      {plan.duplicates > 0 || choices.includeDuplicates ? (
        <div class="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4">
          <div class="govuk-checkboxes__item">
            <input
              class="govuk-checkboxes__input"
              id="import-duplicates"
              type="checkbox"
              checked={choices.includeDuplicates}
              onChange={(e) => set({ includeDuplicates: e.currentTarget.checked })}
            />
            <label class="govuk-label govuk-checkboxes__label" for="import-duplicates">
              Add the messages already in my record again
            </label>
          </div>
        </div>
      ) : null}
      <ol class="govuk-list casebook-import__groups">
        {plan.groups.slice(0, shown).map((group) => (
          <GroupPreview
            key={group.key}
            group={group}
            behaviours={behavioursOf(group)}
            onBehaviours={(list) => setEdits(new Map(edits).set(group.key, list))}
          />
        ))}
      </ol>
      {plan.groups.length > shown ? (
        <p class="govuk-body">
          <LinkButton onClick={() => setShown(shown + PAGE)}>Show {Math.min(PAGE, plan.groups.length - shown)} more</LinkButton> (
          {plural(plan.groups.length - shown, 'more')})
        </p>
      ) : null}
      <div class="govuk-button-group">
        <Button
          disabled={adding.length === 0}
          onClick={() =>
            onSave({
              choices,
              groups: adding.map((group) => ({ group, behaviours: behavioursOf(group) })),
              people: peopleByName(diary.records),
              ...(job ? { job } : {}),
            })
          }
        >
          {adding.length === 0 ? 'Nothing to add' : `Add ${plural(entries, 'entry', 'entries')}`}
        </Button>
        <LinkButton onClick={onCancel}>Choose another file</LinkButton>
      </div>
    </div>
  );
}

function GroupPreview({
  group,
  behaviours,
  onBehaviours,
}: {
  group: PlannedGroup;
  behaviours: readonly BehaviourId[];
  onBehaviours: (list: BehaviourId[]) => void;
}) {
  const when = describeWhen(
    Date.parse(group.end) > Date.parse(group.start)
      ? { precision: 'range', from: group.start, to: group.end }
      : { precision: 'exact', at: group.start },
  );
  const id = `import-group-${group.key.replace(/[^A-Za-z0-9]/g, '')}`;
  const sample = group.records.filter(({ record }) => record.text.trim() !== '' || record.call).slice(0, 3);
  const offered = [...new Set([...OFFERED, ...group.guessed])];
  return (
    <li class="casebook-import__group" data-import-group={group.records.length > 0 ? 'new' : 'duplicate'}>
      <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{when}</h3>
      {group.records.length > 0 ? (
        <>
          <p class="govuk-body govuk-!-margin-bottom-2">
            {describeMessages(group.records.map(({ record, key }) => messageOf(record, key)))}
            {group.parts.length > 1
              ? ` Saved as ${group.parts.length} entries, as one entry holds up to ${LIMITS.importMessages} messages.`
              : ''}
          </p>
          <ul class="govuk-list casebook-import__sample">
            {sample.map(({ record, key }) => (
              <li key={key}>
                {record.sender ? (
                  <>
                    <strong>{record.sender}</strong>:{' '}
                  </>
                ) : null}
                <span class="casebook-diary-prewrap">
                  {record.call ? `${record.call.kind} call` : record.text.length > 200 ? `${record.text.slice(0, 200)}…` : record.text}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {group.duplicates > 0 ? (
        <p class="govuk-body-s casebook-import__duplicates">
          <strong class="govuk-tag govuk-tag--grey">Already in your record</strong> {plural(group.duplicates, 'message')} left out
        </p>
      ) : null}
      {group.records.length > 0 ? (
        <Checkboxes
          id={id}
          small
          legendSize="s"
          legend="What they did"
          choices={offered.map((b) => ({ value: b, label: behaviourById(b).label }))}
          selected={behaviours as BehaviourId[]}
          onChange={onBehaviours}
        />
      ) : null}
    </li>
  );
}

const STEP_TEXT = { file: 'Saving the original file, encrypted', entries: 'Saving the entries, encrypted' } as const;

function Saving({ file, progress, onCancel }: { file: File; progress: SaveProgress | undefined; onCancel: () => void }) {
  return (
    <div class="casebook-import">
      <Heading>Saving</Heading>
      <p class="govuk-body">{file.name}. Keep this page open. If it stops, choose the same file again to carry on.</p>
      {progress ? (
        <>
          <p class="govuk-body">
            {STEP_TEXT[progress.step]}: {progress.done.toLocaleString('en-GB')} of {progress.total.toLocaleString('en-GB')}
          </p>
          <progress
            class="casebook-import__bar"
            max={Math.max(1, progress.total)}
            value={progress.done}
            aria-label={STEP_TEXT[progress.step]}
          />
          <p class="govuk-visually-hidden" role="status">
            {STEP_TEXT[progress.step]}
          </p>
        </>
      ) : (
        <Busy>Getting ready.</Busy>
      )}
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function longDate(date: string): string {
  return dateFormat.format(new Date(`${date}T00:00:00Z`));
}

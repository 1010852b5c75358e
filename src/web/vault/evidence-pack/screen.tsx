// The evidence pack screen: choose → making → ready (or a failure that keeps the choices). The record's items
// are read afresh when it opens; the pack, once made, lives in this component's state only, so going back to
// the record, locking or leaving the page drops it.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';
import { loadItems } from '../items/item-store.ts';
import type { FieldError } from '../ui/components.tsx';
import { Busy, Button, Heading, LinkButton } from '../ui/components.tsx';
import { describeFailure } from '../ui/messages.ts';
import type { UnlockedVault } from '../vault-session.ts';
import type { Candidates } from './candidates.ts';
import { candidatesFrom } from './candidates.ts';
import type { PackChoices } from './choices.ts';
import { DEFAULT_CHOICES, packFileNames, packTitle, resolveChoices } from './choices.ts';
import { ChooseForm } from './choose-form.tsx';
import { diaryLanguage } from './language-choice.tsx';
import type { LeftOut, MadePack, Progress } from './make-pack.ts';
import { NothingToPack, PackMaker } from './make-pack.ts';
import { isRetryable } from './pack-files.ts';
import { pdfMaker } from './pdf.ts';
import { ProgressView } from './progress-view.tsx';
import { LeftOutList, ResultView } from './result-view.tsx';

export interface EvidencePackScreenProps {
  /** The open vault: the screen fetches and decrypts what it needs itself. */
  readonly vault: UnlockedVault;
  /** Back to the diary ("Back to your record"); the screen drops everything it made. */
  readonly onDone: () => void;
}

type Stage =
  | { readonly name: 'choose' }
  | { readonly name: 'making' }
  | { readonly name: 'failed'; readonly message: string; readonly retryable: boolean; readonly leftOut: readonly LeftOut[] }
  | { readonly name: 'ready'; readonly pack: MadePack; readonly names: { zip: string; pdf: string } };

// Re-rendering on every fetched entry would spend the time the pack needs on drawing its progress.
const PROGRESS_INTERVAL_MS = 120;

export function EvidencePackScreen({ vault, onDone }: EvidencePackScreenProps) {
  const [candidates, setCandidates] = useState<Candidates | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [loadAttempt, setLoadAttempt] = useState(0);
  const [choices, setChoices] = useState<PackChoices>(() => ({ ...DEFAULT_CHOICES, language: diaryLanguage() }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [stage, setStage] = useState<Stage>({ name: 'choose' });
  const [progress, setProgress] = useState<Progress | undefined>(undefined);
  // Kept for the life of the screen, so a retry resumes rather than fetching everything again.
  const maker = useMemo(() => new PackMaker(vault, pdfMaker), [vault]);
  const running = useRef<AbortController | undefined>(undefined);

  useEffect(() => {
    let current = true;
    setLoadError(undefined);
    loadItems(vault).then(
      ({ items }) => current && setCandidates(candidatesFrom(items)),
      (error) => current && setLoadError(describeFailure(error, t('diary.openFailed'))),
    );
    return () => {
      current = false;
    };
  }, [vault, loadAttempt]);

  // Leaving the screen stops any work in progress.
  useEffect(() => () => running.current?.abort(), []);

  const make = async () => {
    if (!candidates) return;
    const { errors: problems, selection } = resolveChoices(candidates, choices);
    setErrors(problems);
    if (!selection) return;
    const controller = new AbortController();
    running.current = controller;
    setProgress(undefined);
    setStage({ name: 'making' });
    let last = 0;
    let pending: Progress | undefined;
    const report = (next: Progress) => {
      pending = next;
      const now = performance.now();
      if (now - last >= PROGRESS_INTERVAL_MS || next.done === next.total || next.done === 0) {
        last = now;
        setProgress(pending);
      }
    };
    const createdAt = Date.now();
    try {
      const pack = await maker.make(
        { selection, title: packTitle(selection, choices.name), name: choices.name, language: choices.language, createdAt },
        report,
        controller.signal,
      );
      if (controller.signal.aborted) return;
      setStage({ name: 'ready', pack, names: packFileNames(createdAt) });
    } catch (error) {
      if (controller.signal.aborted) return;
      setStage(failure(error));
    } finally {
      if (running.current === controller) running.current = undefined;
    }
  };

  if (loadError) {
    return (
      <div class="casebook-vault-pack">
        <Heading>{t('timeline.evidencePack')}</Heading>
        <p class="govuk-body govuk-error-message">{loadError}</p>
        <div class="govuk-button-group">
          <Button onClick={() => setLoadAttempt((n) => n + 1)}>{t('pack.tryAgain')}</Button>
          <LinkButton onClick={onDone}>{t('entry.backToRecord')}</LinkButton>
        </div>
      </div>
    );
  }
  if (!candidates) {
    return (
      <div class="casebook-vault-pack">
        <Heading>{t('timeline.evidencePack')}</Heading>
        <Busy>{t('diary.opening')}</Busy>
      </div>
    );
  }

  switch (stage.name) {
    case 'choose':
      return (
        <ChooseForm
          candidates={candidates}
          choices={choices}
          errors={errors}
          onChange={setChoices}
          onSubmit={() => void make()}
          onDone={onDone}
        />
      );
    case 'making':
      return (
        <ProgressView
          progress={progress}
          onStop={() => {
            running.current?.abort();
            setStage({ name: 'choose' });
          }}
        />
      );
    case 'failed':
      return (
        <div class="casebook-vault-pack">
          <Heading>{t('pack.failedHeading')}</Heading>
          <p class="govuk-body">{stage.message}</p>
          {stage.retryable ? <p class="govuk-body">{t('pack.choicesKept')}</p> : null}
          {stage.leftOut.length > 0 ? <LeftOutList leftOut={stage.leftOut} /> : null}
          <div class="govuk-button-group">
            {stage.retryable ? <Button onClick={() => void make()}>{t('pack.tryAgain')}</Button> : null}
            <Button variant={stage.retryable ? 'secondary' : undefined} onClick={() => setStage({ name: 'choose' })}>
              {t('pack.changeChoices')}
            </Button>
            <LinkButton onClick={onDone}>{t('entry.backToRecord')}</LinkButton>
          </div>
        </div>
      );
    case 'ready':
      return <ResultView pack={stage.pack} names={stage.names} onAgain={() => setStage({ name: 'choose' })} onDone={onDone} />;
  }
}

function failure(error: unknown): Stage {
  if (error instanceof NothingToPack) return { name: 'failed', message: error.message, retryable: false, leftOut: error.leftOut };
  if (isRetryable(error)) {
    return { name: 'failed', message: describeFailure(error, t('pack.unreachable')), retryable: true, leftOut: [] };
  }
  const detail = error instanceof Error && error.name === 'LogProblem' ? error.message : t('pack.wentWrong');
  return { name: 'failed', message: t('pack.nothingSent', { detail }), retryable: true, leftOut: [] };
}

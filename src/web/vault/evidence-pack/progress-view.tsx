// While the pack is being made: each step with its state, a bar for the current one, and a way to stop.
// Screen readers hear each step as it starts, not every tick of the count.
import { Button, Heading } from '../ui/components.tsx';
import { STEPS } from './make-pack.ts';
import type { Progress, Step } from './make-pack.ts';

const STEP_TEXT: Readonly<Record<Step, string>> = {
  entries: 'Fetching and checking every version of each entry',
  proofs: "Fetching the log's proof for each version",
  files: 'Downloading and checking the attached files',
  zip: 'Making the ZIP file',
  pdf: 'Making the PDF',
};

export function ProgressView({ progress, onStop }: { progress: Progress | undefined; onStop: () => void }) {
  const current = progress ? STEPS.indexOf(progress.step) : 0;
  return (
    <div class="casebook-vault-pack">
      <Heading>Making your pack</Heading>
      <p class="govuk-body">This stays on this device. A large record with many photos can take a minute. Keep this page open.</p>
      <ol class="govuk-list casebook-vault-pack__steps">
        {STEPS.map((step, index) => {
          const state = index < current ? 'done' : index === current ? 'doing' : 'waiting';
          return (
            <li key={step} class={`casebook-vault-pack__step casebook-vault-pack__step--${state}`} aria-current={state === 'doing' ? 'step' : undefined}>
              <span class="casebook-vault-pack__step-text">{STEP_TEXT[step]}</span>
              <span class="casebook-vault-pack__step-state">
                {state === 'done' ? 'Done' : state === 'waiting' ? 'Waiting' : progress && progress.total > 1 ? `${progress.done.toLocaleString('en-GB')} of ${progress.total.toLocaleString('en-GB')}` : 'In progress'}
              </span>
              {state === 'doing' && progress && progress.total > 1 ? (
                <progress class="casebook-vault-pack__bar" max={progress.total} value={progress.done} aria-label={STEP_TEXT[step]} />
              ) : null}
            </li>
          );
        })}
      </ol>
      <p class="govuk-visually-hidden" role="status">
        {progress ? `Step ${current + 1} of ${STEPS.length}: ${STEP_TEXT[progress.step]}` : ''}
      </p>
      <Button variant="secondary" onClick={onStop}>Stop</Button>
    </div>
  );
}

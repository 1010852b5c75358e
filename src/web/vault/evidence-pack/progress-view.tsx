// While the pack is being made: each step with its state, a bar for the current one, and a way to stop.
// Screen readers hear each step as it starts, not every tick of the count.

import { LOCALE, t } from '../i18n/i18n.ts';
import { Button, Heading } from '../ui/components.tsx';
import type { Progress, Step } from './make-pack.ts';
import { STEPS } from './make-pack.ts';

const stepText = (step: Step) => t(`pack.steps.${step}`);

export function ProgressView({ progress, onStop }: { progress: Progress | undefined; onStop: () => void }) {
  const current = progress ? STEPS.indexOf(progress.step) : 0;
  return (
    <div class="casebook-vault-pack">
      <Heading>{t('pack.making')}</Heading>
      <p class="govuk-body">{t('pack.makingIntro')}</p>
      <ol class="govuk-list casebook-vault-pack__steps">
        {STEPS.map((step, index) => {
          const state = index < current ? 'done' : index === current ? 'doing' : 'waiting';
          return (
            <li
              key={step}
              class={`casebook-vault-pack__step casebook-vault-pack__step--${state}`}
              aria-current={state === 'doing' ? 'step' : undefined}
            >
              <span class="casebook-vault-pack__step-text">{stepText(step)}</span>
              <span class="casebook-vault-pack__step-state">
                {state === 'done'
                  ? t('pack.done')
                  : state === 'waiting'
                    ? t('pack.waiting')
                    : progress && progress.total > 1
                      ? t('pack.doneOf', { done: progress.done.toLocaleString(LOCALE), total: progress.total.toLocaleString(LOCALE) })
                      : t('pack.inProgress')}
              </span>
              {state === 'doing' && progress && progress.total > 1 ? (
                <progress class="casebook-vault-pack__bar" max={progress.total} value={progress.done} aria-label={stepText(step)} />
              ) : null}
            </li>
          );
        })}
      </ol>
      <p class="govuk-visually-hidden" role="status">
        {progress ? t('pack.stepOf', { number: current + 1, total: STEPS.length, step: stepText(progress.step) }) : ''}
      </p>
      <Button variant="secondary" onClick={onStop}>
        {t('pack.stop')}
      </Button>
    </div>
  );
}

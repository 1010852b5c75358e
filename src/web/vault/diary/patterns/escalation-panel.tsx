// "Is it happening more often?" in plain words at the top of the patterns. It compares, it never predicts. The
// guidance asks people to tell the police whether it is getting worse, so a rise links to that advice.
import type { Escalation } from '../../../../domain/patterns/index.ts';
import { LANGUAGE, sitePath, t } from '../../i18n/i18n.ts';
import type { HeadingLevel } from './chart-figure.tsx';
import { Heading } from './chart-figure.tsx';

function TrendMark({ trend }: { trend: Escalation['trend'] }) {
  // A shape for each trend, beside the words that say the same.
  const path =
    trend === 'rising'
      ? 'M4 18 L12 6 L20 18 Z'
      : trend === 'falling'
        ? 'M4 6 L12 18 L20 6 Z'
        : trend === 'steady'
          ? 'M3 10 H21 V14 H3 Z'
          : 'M12 4 A8 8 0 1 0 12.01 4 Z';
  return (
    <svg
      class={`casebook-patterns__trend-mark casebook-patterns__trend-mark--${trend}`}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path d={path} />
    </svg>
  );
}

export function EscalationPanel({ escalation, level, id }: { escalation: Escalation; level: HeadingLevel; id: string }) {
  return (
    <section class={`casebook-patterns__signal casebook-patterns__signal--${escalation.trend}`} aria-labelledby={`${id}-title`}>
      <Heading level={level} id={`${id}-title`} class="govuk-heading-m casebook-patterns__signal-title">
        {t('patterns.escalation.heading')}
      </Heading>
      <p class="govuk-body-l casebook-patterns__trend">
        <TrendMark trend={escalation.trend} />
        <strong>{t(`patterns.escalation.trends.${escalation.trend}`)}</strong>
      </p>
      <p class="govuk-body" lang={LANGUAGE === 'en' ? undefined : 'en'}>
        {escalation.text}
      </p>
      {escalation.trend === 'rising' ? (
        <p class="govuk-body">
          {t('patterns.escalation.rising')}{' '}
          <a class="govuk-link" href={sitePath('/get-help/report-to-the-police#what-to-tell-the-police')}>
            {t('patterns.escalation.whatToTell')}
          </a>
          {t('patterns.escalation.danger')}
        </p>
      ) : null}
    </section>
  );
}

// The pattern and the law: the patterns helper's views, fetched when first shown (charts and the legal rules
// are not needed to write an entry, so they stay out of the main bundle).
import { useMemo } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';
import { Heading } from '../ui/components.tsx';
import type { Diary } from './diary.ts';
import { Lazy } from './lazy.tsx';
import { peopleByName } from './records.ts';

const loadPatterns = () => import('./patterns/index.ts');

function useDomainData(diary: Diary) {
  const incidents = useMemo(() => [...diary.records.incidents.values()].map((item) => item.content), [diary.records.incidents]);
  const people = useMemo(() => peopleByName(diary.records), [diary.records.people]);
  const now = useMemo(() => new Date(), [diary.records.incidents]);
  const onPerson = (id: string) => diary.nav.go({ name: 'person-form', id });
  return { incidents, people, now, onPerson };
}

export function PatternsScreen({ diary }: { diary: Diary }) {
  const data = useDomainData(diary);
  return (
    <>
      <Heading>{t('patterns.heading')}</Heading>
      <p class="govuk-body">{t('patterns.intro')}</p>
      <Lazy load={loadPatterns} busy={t('patterns.drawing')} render={({ PatternsView }) => <PatternsView {...data} />} />
    </>
  );
}

export function LegalElementsScreen({ diary }: { diary: Diary }) {
  const data = useDomainData(diary);
  return (
    <>
      <Heading>{t('diary.menu.legal')}</Heading>
      <Lazy load={loadPatterns} busy={t('patterns.checkingLaw')} render={({ LegalElementsPanel }) => <LegalElementsPanel {...data} />} />
    </>
  );
}

// The diary's home: what to do now (a quick note or a full entry) and the timeline, filtered and searched
// here in the browser over the decrypted entries.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BehaviourId, Incident, MethodKind, ReportTarget } from '../../../domain/incidents/index.ts';
import { BEHAVIOURS, isReported, METHOD_KINDS, REPORT_TARGETS, whenSortKey } from '../../../domain/incidents/index.ts';
import type { TimelineFilter, TimelineIndex, TimelineOrder } from '../../../domain/patterns/index.ts';
import { filterTimeline, indexTimeline } from '../../../domain/patterns/index.ts';
import { describeWhen } from '../i18n/dates.ts';
import { LOCALE, plural, t } from '../i18n/i18n.ts';
import { behaviourLabel, methodLabel } from '../i18n/vocabulary.ts';
import { Select } from '../ui/choices.tsx';
import { Heading } from '../ui/components.tsx';
import type { Diary } from './diary.ts';
import type { DiaryRecords } from './records.ts';
import { peopleByName, placesByName } from './records.ts';

const PAGE = 50;
const EXCERPT = 220;

type Reported = '' | 'reported' | 'not-reported' | ReportTarget;

export interface TimelineChoices {
  readonly text: string;
  readonly behaviour: BehaviourId | '';
  readonly person: string;
  readonly method: MethodKind | '';
  readonly reported: Reported;
  readonly order: TimelineOrder;
}

export const NO_FILTER: TimelineChoices = { text: '', behaviour: '', person: '', method: '', reported: '', order: 'newest' };

/** The domain filter for what the person chose. */
export function filterOf(choices: TimelineChoices): TimelineFilter {
  return {
    ...(choices.text.trim() ? { text: choices.text } : {}),
    ...(choices.behaviour ? { behaviours: [choices.behaviour] } : {}),
    ...(choices.person ? { personIds: [choices.person] } : {}),
    ...(choices.method ? { methods: [choices.method] } : {}),
    ...(choices.reported ? { reported: choices.reported } : {}),
  };
}

const count = (n: number) => n.toLocaleString(LOCALE);

export function incidentsOf(records: DiaryRecords): Incident[] {
  return [...records.incidents.values()].map((item) => item.content);
}

/** The timeline's order without the search index: by when it happened, ties by id (as indexTimeline orders). */
export function inOrder(incidents: readonly Incident[], order: TimelineOrder): Incident[] {
  const keyed = incidents.map((incident) => ({ incident, key: whenSortKey(incident.when) }));
  keyed.sort((a, b) => a.key - b.key || (a.incident.id < b.incident.id ? -1 : a.incident.id > b.incident.id ? 1 : 0));
  const sorted = keyed.map((k) => k.incident);
  return order === 'newest' ? sorted.reverse() : sorted;
}

/** The search index for a set of records, built once per change to them. */
export function indexRecords(records: DiaryRecords): TimelineIndex {
  return indexTimeline(incidentsOf(records), peopleByName(records), placesByName(records));
}

export function excerpt(text: string, length = EXCERPT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}

export function TimelineScreen({ diary, aside }: { diary: Diary; aside: ComponentChildren }) {
  const { records, nav } = diary;
  // Kept by the diary, so the filters are still there after opening an entry and coming back.
  const [choices, setChoices] = diary.timelineChoices;
  const [shown, setShown] = useState(PAGE);
  const incidents = useMemo(() => incidentsOf(records), [records.incidents]);
  const people = useMemo(() => peopleByName(records), [records.people]);
  // The search index is built by the diary just after the timeline first shows; until it is ready for these
  // records, the list is shown in order without filters (a few hundred milliseconds at most).
  const index = diary.timelineIndex?.records === records ? diary.timelineIndex.index : undefined;
  const matches = useMemo(
    () => (index ? filterTimeline(index, filterOf(choices), choices.order) : inOrder(incidents, choices.order)),
    [index, incidents, choices],
  );
  useEffect(() => {
    performance.mark('diary:timeline-shown');
  }, []);
  const filtering = JSON.stringify({ ...choices, order: 'newest' }) !== JSON.stringify(NO_FILTER);
  const openNotes = incidents.filter((incident) => incident.quickNote).length;
  const choose = (change: Partial<TimelineChoices>) => {
    setChoices({ ...choices, ...change });
    setShown(PAGE);
  };

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <Heading>{t('timeline.heading')}</Heading>
        <div class="casebook-diary-actions">
          <button
            type="button"
            class="govuk-button casebook-diary-actions__quick"
            data-module="govuk-button"
            onClick={() => nav.go({ name: 'quick-note' })}
          >
            {t('timeline.quickNote')}
          </button>
          <button
            type="button"
            class="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            onClick={() => nav.go({ name: 'entry-form' })}
          >
            {t('entry.new')}
          </button>
        </div>
        <p class="govuk-body-s casebook-diary-actions__hint">{t('timeline.quickNoteHint')}</p>
        {openNotes > 0 ? <p class="govuk-inset-text govuk-!-margin-top-2">{plural('timeline.openNotes', openNotes)}</p> : null}
        {records.unreadable > 0 ? <p class="govuk-body">{plural('timeline.unreadable', records.unreadable)}</p> : null}

        <h2 class="govuk-heading-m">{t('timeline.timeline')}</h2>
        {incidents.length === 0 ? (
          <p class="govuk-body">{t('timeline.empty')}</p>
        ) : (
          <>
            <Filters diary={diary} choices={choices} choose={choose} people={people} />
            <p class="govuk-body" role="status" aria-live="polite">
              {filtering && !index
                ? t('timeline.searchGettingReady')
                : filtering
                  ? plural('timeline.matching', incidents.length, { matches: count(matches.length) })
                  : plural(choices.order === 'newest' ? 'timeline.countNewest' : 'timeline.countOldest', incidents.length)}
              {filtering ? (
                <>
                  {' '}
                  <button
                    type="button"
                    class="casebook-vault__link-button govuk-link"
                    onClick={() => choose({ ...NO_FILTER, order: choices.order })}
                  >
                    {t('timeline.clearFilters')}
                  </button>
                </>
              ) : null}
            </p>
            <ol class="govuk-list casebook-diary-timeline">
              {matches.slice(0, shown).map((incident) => (
                <TimelineEntry key={incident.id} incident={incident} onOpen={() => nav.go({ name: 'entry', id: incident.id })} />
              ))}
            </ol>
            {matches.length > shown ? (
              <button type="button" class="govuk-button govuk-button--secondary" onClick={() => setShown(shown + PAGE)}>
                {t('timeline.showMore', { count: count(Math.min(PAGE, matches.length - shown)) })}
              </button>
            ) : null}
          </>
        )}
        <p class="govuk-body">
          <button type="button" class="casebook-vault__link-button govuk-link" onClick={() => nav.go({ name: 'evidence-pack' })}>
            {t('timeline.evidencePack')}
          </button>{' '}
          {t('timeline.evidencePackWhat')}
        </p>
      </div>
      <div class="govuk-grid-column-one-third">{aside}</div>
    </div>
  );
}

function Filters({
  choices,
  choose,
  people,
}: {
  diary: Diary;
  choices: TimelineChoices;
  choose: (change: Partial<TimelineChoices>) => void;
  people: readonly { id: string; name: string }[];
}) {
  // Open at first when a filter is already set; after that, the person opens and closes it.
  const [open] = useState(
    choices.behaviour !== '' || choices.person !== '' || choices.method !== '' || choices.reported !== '' || choices.order !== 'newest',
  );
  return (
    <div class="casebook-diary-filters">
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="timeline-search">
          {t('timeline.search')}
        </label>
        <div class="govuk-hint" id="timeline-search-hint">
          {t('timeline.searchHint')}
        </div>
        <input
          class="govuk-input"
          id="timeline-search"
          type="search"
          autocomplete="off"
          spellcheck={false}
          aria-describedby="timeline-search-hint"
          value={choices.text}
          onInput={(event) => choose({ text: event.currentTarget.value })}
        />
      </div>
      <details class="govuk-details casebook-diary-filters__more" open={open}>
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">{t('timeline.filterAndOrder')}</span>
        </summary>
        <div class="govuk-details__text">
          <Select
            id="filter-behaviour"
            label={t('entry.check.behaviours')}
            value={choices.behaviour}
            onChange={(behaviour) => choose({ behaviour })}
            choices={[
              { value: '' as const, label: t('timeline.anything') },
              ...BEHAVIOURS.map((b) => ({ value: b.id, label: behaviourLabel(b.id) })),
            ]}
          />
          <Select
            id="filter-person"
            label={t('timeline.whoInvolved')}
            value={choices.person}
            onChange={(person) => choose({ person })}
            choices={[{ value: '', label: t('timeline.anyone') }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
          />
          <Select
            id="filter-method"
            label={t('entry.check.how')}
            value={choices.method}
            onChange={(method) => choose({ method })}
            choices={[
              { value: '' as const, label: t('timeline.anyWay') },
              ...METHOD_KINDS.map((kind) => ({ value: kind, label: methodLabel(kind) })),
            ]}
          />
          <Select<Reported>
            id="filter-reported"
            label={t('entry.check.reported')}
            value={choices.reported}
            onChange={(reported) => choose({ reported })}
            choices={[
              { value: '', label: t('timeline.reportedOrNot') },
              { value: 'reported', label: t('timeline.reportedToAnyone') },
              { value: 'not-reported', label: t('timeline.notReported') },
              ...REPORT_TARGETS.map((target) => ({ value: target, label: t(`timeline.reportedTo.${target}`) })),
            ]}
          />
          <Select<TimelineOrder>
            id="timeline-order"
            label={t('timeline.order')}
            value={choices.order}
            onChange={(order) => choose({ order })}
            choices={[
              { value: 'newest', label: t('timeline.newestFirst') },
              { value: 'oldest', label: t('timeline.oldestFirst') },
            ]}
          />
        </div>
      </details>
    </div>
  );
}

function TimelineEntry({ incident, onOpen }: { incident: Incident; onOpen: () => void }) {
  return (
    <li class="casebook-diary-timeline__entry">
      <h3 class="govuk-heading-s casebook-diary-timeline__when">
        <button type="button" class="casebook-vault__link-button govuk-link casebook-diary-timeline__open" onClick={onOpen}>
          {describeWhen(incident.when)}
        </button>
      </h3>
      <p class="govuk-body casebook-diary-timeline__text">{excerpt(incident.whatHappened)}</p>
      <ul class="casebook-diary-tags" aria-label={t('timeline.aboutEntry')}>
        {incident.quickNote ? <li class="govuk-tag govuk-tag--yellow">{t('timeline.quickNoteTag')}</li> : null}
        {incident.behaviours.slice(0, 3).map((id) => (
          <li key={id} class="govuk-tag govuk-tag--grey">
            {behaviourLabel(id)}
          </li>
        ))}
        {incident.behaviours.length > 3 ? (
          <li class="govuk-tag govuk-tag--grey">{t('timeline.moreTags', { count: incident.behaviours.length - 3 })}</li>
        ) : null}
        {isReported(incident) ? <li class="govuk-tag govuk-tag--blue">{t('entry.check.reported')}</li> : null}
        {incident.attachments.length > 0 ? (
          <li class="govuk-tag govuk-tag--grey">{plural('timeline.files', incident.attachments.length)}</li>
        ) : null}
      </ul>
    </li>
  );
}

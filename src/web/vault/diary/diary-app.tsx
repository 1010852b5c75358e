// The diary, shown once the vault is open: loads and decrypts every item, then shows one screen at a time.
// Everything here is dropped when the vault locks (the app replaces this component), and the routes with it.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Incident, Person, Place } from '../../../domain/incidents/index.ts';
import { t } from '../i18n/i18n.ts';
import type { StoredItem } from '../items/item-store.ts';
import { checkReceipts, newItemId, putItem } from '../items/item-store.ts';
import { ReceiptChecker } from '../items/receipts.ts';
import type { AccountPanelProps } from '../screens/account-panel.tsx';
import { AccountPanel } from '../screens/account-panel.tsx';
import { Busy, Heading } from '../ui/components.tsx';
import { describeFailure } from '../ui/messages.ts';
import type { UnlockedVault } from '../vault-session.ts';
import type { Diary } from './diary.ts';
import { EntryForm } from './entry-form.tsx';
import { EntryHistoryScreen, EntryScreen } from './entry-screen.tsx';
import { Lazy } from './lazy.tsx';
import { loadRecords } from './load-records.ts';
import { NotesScreen } from './notes-screen.tsx';
import { LegalElementsScreen, PatternsScreen } from './patterns-screens.tsx';
import { PeopleScreen, PersonForm, PlaceForm, PlacesScreen } from './people-places.tsx';
import { QuickNoteScreen } from './quick-note.tsx';
import type { DiaryRecords } from './records.ts';
import { EMPTY_RECORDS, withItem, withItems } from './records.ts';
import type { Route } from './routes.ts';
import { useNavigation } from './routes.ts';
import type { TimelineChoices } from './timeline-screen.tsx';
import { indexRecords, NO_FILTER, TimelineScreen } from './timeline-screen.tsx';

// pdf-lib and the pack builder are large: fetched only when the person asks for a pack.
const loadPackMaker = () => import('../evidence-pack/index.ts').then((module) => module.EvidencePackScreen);
// The export parsers (MIME, XML, ZIP, EXIF) likewise: fetched when the person opens the import screen.
const loadImportScreen = () => import('../import/import-screen.tsx').then((module) => module.ImportScreen);

export type DiaryAppProps = AccountPanelProps & { vault: UnlockedVault; onLock: () => void };

export function DiaryApp(props: DiaryAppProps) {
  const { vault, onLock } = props;
  const nav = useNavigation();
  const checker = useMemo(() => new ReceiptChecker(), [vault]);
  const [records, setRecords] = useState<DiaryRecords | undefined>(undefined);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const timelineChoices = useState<TimelineChoices>(NO_FILTER);
  const [timelineIndex, setTimelineIndex] = useState<Diary['timelineIndex']>(undefined);

  // Indexing 2,000 entries for search takes a moment: done after the timeline has been shown, and again after
  // each save (an index of other records is never used).
  useEffect(() => {
    if (!records) return;
    // A frame callback runs just before the next paint; a timeout set from it runs after that paint.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setTimelineIndex({ records, index: indexRecords(records) }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [records]);

  useEffect(() => {
    const abort = new AbortController();
    // Named marks (no content) so the benchmark can say where unlocking spends its time.
    performance.mark('diary:load-start');
    loadRecords(vault).then(
      ({ records: loaded, items }) => {
        if (abort.signal.aborted) return;
        setRecords(loaded);
        performance.mark('diary:sorted');
        // The record is usable now; receipts are checked in the background, in batches.
        void checkReceipts(items, checker, (ids) => setChecked((before) => new Set([...before, ...ids])), abort.signal);
      },
      (error) => !abort.signal.aborted && setLoadError(describeFailure(error, t('diary.openFailed'))),
    );
    return () => abort.abort();
  }, [vault]);

  const diary: Diary = {
    vault,
    records: records ?? EMPTY_RECORDS,
    checker,
    nav,
    timelineChoices,
    timelineIndex,
    isChecked: (item) => item.receiptChecked || checked.has(item.id),
    async save<T extends Incident | Person | Place>(content: T, previous: StoredItem<T> | undefined) {
      const stored = await putItem(vault, previous?.id ?? content.id ?? newItemId(), previous?.version ?? 0, content, checker);
      setRecords((before) => withItem(before ?? EMPTY_RECORDS, stored));
      return stored;
    },
    remember(item) {
      setRecords((before) => withItem(before ?? EMPTY_RECORDS, item));
    },
    rememberAll(items) {
      setRecords((before) => withItems(before ?? EMPTY_RECORDS, items));
    },
  };

  return (
    <div class="casebook-diary">
      <div class="casebook-vault-home__bar">
        <p class="govuk-body-s casebook-vault-home__who">
          {t('diary.signedInAs')} <strong class="casebook-vault__code">{vault.username}</strong>
        </p>
        <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={onLock}>
          {t('diary.lock')}
        </button>
      </div>
      <DiaryMenu route={nav.route} go={(route) => nav.go(route)} />
      {loadError ? (
        <>
          <Heading>{t('timeline.heading')}</Heading>
          <p class="govuk-body govuk-error-message">{loadError}</p>
        </>
      ) : records === undefined ? (
        <>
          <Heading>{t('timeline.heading')}</Heading>
          <Busy>{t('diary.opening')}</Busy>
        </>
      ) : (
        <Screen diary={diary} account={props} />
      )}
    </div>
  );
}

const MENU: readonly { route: Route; label: () => string; matches: readonly Route['name'][] }[] = [
  {
    route: { name: 'timeline' },
    label: () => t('timeline.heading'),
    matches: ['timeline', 'entry', 'history', 'entry-form', 'quick-note'],
  },
  { route: { name: 'patterns' }, label: () => t('diary.menu.patterns'), matches: ['patterns'] },
  { route: { name: 'legal' }, label: () => t('diary.menu.legal'), matches: ['legal'] },
  { route: { name: 'people' }, label: () => t('diary.menu.people'), matches: ['people', 'person-form'] },
  { route: { name: 'places' }, label: () => t('diary.menu.places'), matches: ['places', 'place-form'] },
  { route: { name: 'notes' }, label: () => t('diary.menu.notes'), matches: ['notes'] },
  { route: { name: 'import' }, label: () => t('diary.menu.import'), matches: ['import'] },
];

function DiaryMenu({ route, go }: { route: Route; go: (route: Route) => void }) {
  return (
    <nav class="casebook-diary-menu" aria-label={t('diary.menu.label')}>
      <ul class="casebook-diary-menu__list">
        {MENU.map((item) => {
          const current = item.matches.includes(route.name);
          return (
            <li class={`casebook-diary-menu__item${current ? ' casebook-diary-menu__item--current' : ''}`} key={item.route.name}>
              <button
                type="button"
                class="casebook-diary-menu__link"
                aria-current={current ? 'page' : undefined}
                onClick={() => go({ ...item.route })}
              >
                {item.label()}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

const visits = new WeakMap<Route, number>();
let lastVisit = 0;

function visitOf(route: Route): number {
  let visit = visits.get(route);
  if (visit === undefined) visits.set(route, (visit = ++lastVisit));
  return visit;
}

function Screen({ diary, account }: { diary: Diary; account: AccountPanelProps }) {
  const { route } = diary.nav;
  switch (route.name) {
    case 'timeline':
      return <TimelineScreen diary={diary} aside={<AccountPanel {...account} />} />;
    case 'quick-note':
      return <QuickNoteScreen diary={diary} />;
    case 'entry-form':
      return <EntryForm key={route.id ?? 'new'} diary={diary} id={route.id} startAt={route.step} />;
    case 'entry':
      return <EntryScreen diary={diary} id={route.id} />;
    case 'history':
      return <EntryHistoryScreen diary={diary} id={route.id} />;
    case 'people':
      return <PeopleScreen diary={diary} />;
    case 'person-form':
      return <PersonForm key={route.id ?? 'new'} diary={diary} id={route.id} />;
    case 'places':
      return <PlacesScreen diary={diary} />;
    case 'place-form':
      return <PlaceForm key={route.id ?? 'new'} diary={diary} id={route.id} />;
    case 'patterns':
      return <PatternsScreen diary={diary} />;
    case 'legal':
      return <LegalElementsScreen diary={diary} />;
    case 'notes':
      return <NotesScreen diary={diary} />;
    case 'import':
      // Each visit starts afresh (choosing it from the menu again leaves a finished or failed import behind).
      return (
        <Lazy
          key={visitOf(route)}
          load={loadImportScreen}
          busy={t('diary.importLoading')}
          render={(ImportScreen) => <ImportScreen diary={diary} />}
        />
      );
    case 'evidence-pack':
      return (
        <Lazy
          load={loadPackMaker}
          busy={t('diary.packLoading')}
          render={(EvidencePackScreen) => <EvidencePackScreen vault={diary.vault} onDone={() => diary.nav.back()} />}
        />
      );
  }
}

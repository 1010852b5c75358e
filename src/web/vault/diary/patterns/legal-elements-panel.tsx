// Which parts of the law the record may support, and what is missing, in the domain's own plain words
// (src/domain/legal-elements: every sentence and rule is there, tested). This file only lays them out. It is
// guidance, never legal advice, and says so at the top and on every element.
import { useMemo } from 'preact/hooks';
import type { Incident, Person } from '../../../../domain/incidents/index.ts';
import type { ElementFinding, ElementStatus, GuidanceLink, Point, Strengthener } from '../../../../domain/legal-elements/index.ts';
import { analyseLegalElements, GUIDANCE_NOTICE, LINKS } from '../../../../domain/legal-elements/index.ts';
import { LANGUAGE, sitePath, t } from '../../i18n/i18n.ts';
import type { HeadingLevel } from './chart-figure.tsx';
import { Heading } from './chart-figure.tsx';
import { ContactPanel } from './contact-panel.tsx';

export const GUIDANCE_LABEL = t('legal.guidanceLabel');

// The domain's links, named by their key in LINKS, so each has its words in the catalogue; the address is
// the guidance page in the page's language (the Welsh twins share the English path under /cy).
const linkNames = new Map<string, string>(Object.entries(LINKS).map(([name, link]) => [link.href, name]));
function GuidanceAnchor({ link }: { link: GuidanceLink }) {
  const name = linkNames.get(link.href);
  return (
    <a class="govuk-link" href={sitePath(link.href)}>
      {name ? t(`legal.links.${name}`) : link.text}
    </a>
  );
}

/**
 * The findings' own sentences are composed by the domain in English (counts, names, dates), and are not in
 * Welsh yet: on a Welsh page they say so with lang="en", so a screen reader reads them as English.
 */
const domainText = (text: string) => (LANGUAGE === 'en' ? text : <span lang="en">{text}</span>);

function PointText({ point }: { point: Point }) {
  return (
    <>
      {point === GUIDANCE_NOTICE ? t('legal.notice') : domainText(point.text)}
      {point.link ? (
        <>
          {' '}
          <GuidanceAnchor link={point.link} />
        </>
      ) : null}
    </>
  );
}

function Points({ title, points }: { title: string; points: readonly Point[] }) {
  if (points.length === 0) return null;
  return (
    <>
      <p class="govuk-body govuk-!-font-weight-bold casebook-legal__points-title">{title}</p>
      <ul class="govuk-list govuk-list--bullet casebook-legal__points">
        {points.map((point) => (
          <li key={point.text}>
            <PointText point={point} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** The status in words: a Stalking Protection Order has its own ("An order might be relevant…"). */
const statusText = (element: ElementFinding) =>
  t(`legal.status.${element.id === 'stalking-protection-order' ? 'order' : 'element'}.${element.status}`);

/** A shape per status (full, half, empty circle) beside the words, so colour is never the only sign. */
function StatusMark({ status }: { status: ElementStatus }) {
  return (
    <svg class={`casebook-legal__mark casebook-legal__mark--${status}`} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <circle cx={10} cy={10} r={8} class="casebook-legal__mark-ring" />
      {status === 'supported' ? <circle cx={10} cy={10} r={8} class="casebook-legal__mark-fill" /> : null}
      {status === 'partly' ? <path d="M10 2 A8 8 0 0 1 10 18 Z" class="casebook-legal__mark-fill" /> : null}
    </svg>
  );
}

function ElementCard({ element, level }: { element: ElementFinding; level: HeadingLevel }) {
  // The closing link is left out when a sentence above already links to the same section.
  const linked = [...element.shows, ...element.missing].some((point) => point.link?.href === element.link.href);
  return (
    <li class={`casebook-legal__element casebook-legal__element--${element.status}`} data-element={element.id} data-status={element.status}>
      <Heading level={level} class="govuk-heading-s casebook-legal__element-title">
        {t(`legal.elements.${element.id}.title`)}
      </Heading>
      <p class="govuk-body casebook-legal__status">
        <StatusMark status={element.status} />
        <strong>{statusText(element)}</strong>
      </p>
      <Points title={t('legal.shows')} points={element.shows} />
      <Points title={element.status === 'supported' ? t('legal.clearer') : t('legal.missing')} points={element.missing} />
      {linked ? null : (
        <p class="govuk-body">
          <GuidanceAnchor link={element.link} />
        </p>
      )}
      <p class="govuk-body-s casebook-legal__law">
        {t(`legal.elements.${element.id}.law`)}. {t('legal.notLegalAdvice')}
      </p>
    </li>
  );
}

function StrengthenerItem({ item }: { item: Strengthener }) {
  return (
    <li class={`casebook-legal__strengthener casebook-legal__strengthener--${item.done ? 'done' : 'to-do'}`} data-strengthener={item.id}>
      <svg class="casebook-legal__tick" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        {item.done ? (
          <path d="M4 10.5 L8.5 15 L16 5.5" class="casebook-legal__tick-line" />
        ) : (
          <circle cx={10} cy={10} r={7} class="casebook-legal__tick-ring" />
        )}
      </svg>
      <span>
        <span class="govuk-visually-hidden">{item.done ? t('legal.done') : t('legal.toDo')} </span>
        {domainText(item.text)} <GuidanceAnchor link={item.link} />
      </span>
    </li>
  );
}

export function LegalElementsPanel({
  incidents,
  people,
  now,
  headingLevel = 2,
  onPerson,
}: {
  incidents: readonly Incident[];
  people: readonly Person[];
  now: Date;
  headingLevel?: HeadingLevel;
  onPerson?: (id: string) => void;
}) {
  const report = useMemo(() => analyseLegalElements({ incidents, people, now: now.getTime() }), [incidents, people, now.getTime()]);
  return (
    <div class="casebook-legal">
      <div class="casebook-legal__notice">
        <p class="govuk-body casebook-legal__label">
          <strong>{GUIDANCE_LABEL}</strong>
        </p>
        <p class="govuk-body">
          <PointText point={report.notice} />
        </p>
        <p class="govuk-body-s casebook-legal__leaving">{t('legal.leaving')}</p>
      </div>
      {report.notes.map((note) => (
        <p key={note.text} class="govuk-inset-text">
          <PointText point={note} />
        </p>
      ))}
      <Heading level={headingLevel} class="govuk-heading-m">
        {t('legal.atAGlance')}
      </Heading>
      <ul class="casebook-legal__glance">
        {report.elements.map((element) => (
          <li key={element.id} class="casebook-legal__glance-item">
            <StatusMark status={element.status} />
            <span>
              {t('legal.glance', { title: t(`legal.elements.${element.id}.title`) })} <strong>{statusText(element)}</strong>
            </span>
          </li>
        ))}
      </ul>
      <Heading level={headingLevel} class="govuk-heading-m">
        {t('legal.eachPart')}
      </Heading>
      <ul class="casebook-legal__elements">
        {report.elements.map((element) => (
          <ElementCard key={element.id} element={element} level={Math.min(4, headingLevel + 1) as HeadingLevel} />
        ))}
      </ul>
      <ContactPanel
        incidents={incidents}
        people={people}
        level={headingLevel}
        intro={t('legal.contactIntro')}
        {...(onPerson ? { onPerson } : {})}
      />
      <Heading level={headingLevel} class="govuk-heading-m">
        {t('legal.stronger')}
      </Heading>
      <p class="govuk-body">{t('legal.strongerIntro')}</p>
      <ul class="casebook-legal__strengtheners">
        {report.strengtheners.map((item) => (
          <StrengthenerItem key={item.id} item={item} />
        ))}
      </ul>
    </div>
  );
}

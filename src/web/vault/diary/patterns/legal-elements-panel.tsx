// Which parts of the law the record may support, and what is missing, in the domain's own plain words
// (src/domain/legal-elements: every sentence and rule is there, tested). This file only lays them out. It is
// guidance, never legal advice, and says so at the top and on every element.
import { useMemo } from 'preact/hooks';
import type { Incident, Person } from '../../../../domain/incidents/index.ts';
import { analyseLegalElements } from '../../../../domain/legal-elements/index.ts';
import type { ElementFinding, ElementStatus, Point, Strengthener } from '../../../../domain/legal-elements/index.ts';
import { Heading } from './chart-figure.tsx';
import { ContactPanel } from './contact-panel.tsx';
import type { HeadingLevel } from './chart-figure.tsx';

export const GUIDANCE_LABEL = 'Guidance, not legal advice';

function PointText({ point }: { point: Point }) {
  return (
    <>
      {point.text}
      {point.link ? (
        <>
          {' '}
          <a class="govuk-link" href={point.link.href}>
            {point.link.text}
          </a>
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
        {element.title}
      </Heading>
      <p class="govuk-body casebook-legal__status">
        <StatusMark status={element.status} />
        <strong>{element.statusText}</strong>
      </p>
      <Points title="What your record shows" points={element.shows} />
      <Points title={element.status === 'supported' ? 'What would make it clearer' : 'What is missing'} points={element.missing} />
      {linked ? null : (
        <p class="govuk-body">
          <a class="govuk-link" href={element.link.href}>
            {element.link.text}
          </a>
        </p>
      )}
      <p class="govuk-body-s casebook-legal__law">
        {element.law}. {element.notice}
      </p>
    </li>
  );
}

function StrengthenerItem({ item }: { item: Strengthener }) {
  return (
    <li class={`casebook-legal__strengthener casebook-legal__strengthener--${item.done ? 'done' : 'to-do'}`} data-strengthener={item.id}>
      <svg class="casebook-legal__tick" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        {item.done ? <path d="M4 10.5 L8.5 15 L16 5.5" class="casebook-legal__tick-line" /> : <circle cx={10} cy={10} r={7} class="casebook-legal__tick-ring" />}
      </svg>
      <span>
        <span class="govuk-visually-hidden">{item.done ? 'Done: ' : 'To do: '}</span>
        {item.text}{' '}
        <a class="govuk-link" href={item.link.href}>
          {item.link.text}
        </a>
      </span>
    </li>
  );
}

export function LegalElementsPanel({ incidents, people, now, headingLevel = 2, onPerson }: { incidents: readonly Incident[]; people: readonly Person[]; now: Date; headingLevel?: HeadingLevel; onPerson?: (id: string) => void }) {
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
        <p class="govuk-body-s casebook-legal__leaving">The links open Casebook's guidance pages. Your diary locks when you leave it.</p>
      </div>
      {report.notes.map((note) => (
        <p key={note.text} class="govuk-inset-text">
          <PointText point={note} />
        </p>
      ))}
      <Heading level={headingLevel} class="govuk-heading-m">
        At a glance
      </Heading>
      <ul class="casebook-legal__glance">
        {report.elements.map((element) => (
          <li key={element.id} class="casebook-legal__glance-item">
            <StatusMark status={element.status} />
            <span>
              {element.title}: <strong>{element.statusText}</strong>
            </span>
          </li>
        ))}
      </ul>
      <Heading level={headingLevel} class="govuk-heading-m">
        Each part of the law
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
        intro="Each message or call is part of the course of conduct the law looks at. Contact after you told them to stop helps show that they knew, or ought to have known, it was unwanted (Protection from Harassment Act 1997, section 1)."
        {...(onPerson ? { onPerson } : {})}
      />
      <Heading level={headingLevel} class="govuk-heading-m">
        Making your record stronger
      </Heading>
      <p class="govuk-body">These make any record stronger, whatever the law involved.</p>
      <ul class="casebook-legal__strengtheners">
        {report.strengtheners.map((item) => (
          <StrengthenerItem key={item.id} item={item} />
        ))}
      </ul>
    </div>
  );
}

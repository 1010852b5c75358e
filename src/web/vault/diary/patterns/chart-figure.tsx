// Every chart is a figure: a heading, one or two sentences saying what it shows, the picture, and the same
// numbers as a table behind "Show as a table", for screen readers and for anyone who would rather read.
import type { ComponentChildren } from 'preact';
import type { DataTable } from '../../../../domain/patterns/index.ts';
import { LANGUAGE, t } from '../../i18n/i18n.ts';

export type HeadingLevel = 2 | 3 | 4;

export function Heading({
  level,
  id,
  class: className,
  children,
}: {
  level: HeadingLevel;
  id?: string;
  class: string;
  children: ComponentChildren;
}) {
  const Tag = `h${level}` as 'h2';
  return (
    <Tag class={className} id={id}>
      {children}
    </Tag>
  );
}

/** The design system's table. The first column names the row, so it is a row header. */
export function DataTableView({ table }: { table: DataTable }) {
  return (
    <table class="govuk-table casebook-patterns__table">
      <caption class="govuk-table__caption govuk-table__caption--s">{table.caption}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          {table.columns.map((column, index) => (
            <th key={column} scope="col" class={`govuk-table__header${index > 0 ? ' govuk-table__header--numeric' : ''}`}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {table.rows.map((row) => (
          <tr key={String(row[0])} class="govuk-table__row">
            {row.map((cell, index) =>
              index === 0 ? (
                <th key={index} scope="row" class="govuk-table__header">
                  {cell}
                </th>
              ) : (
                <td key={index} class={`govuk-table__cell${typeof cell === 'number' ? ' govuk-table__cell--numeric' : ''}`}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ChartFigure({
  id,
  level,
  title,
  summary,
  table,
  wide,
  children,
}: {
  /** Unique in the page: the summary's id labels the picture. */
  id: string;
  level: HeadingLevel;
  title: string;
  summary: string;
  table: DataTable;
  /** Spans both columns on a wide screen. */
  wide?: boolean;
  children: ComponentChildren;
}) {
  return (
    <figure class={`casebook-patterns__figure${wide ? ' casebook-patterns__figure--wide' : ''}`} aria-labelledby={`${id}-title`}>
      <Heading level={level} id={`${id}-title`} class="govuk-heading-s casebook-patterns__figure-title">
        {title}
      </Heading>
      {/* The summaries and tables are composed in English (summaries.ts, src/domain/patterns); not in Welsh yet. */}
      <p class="govuk-body casebook-patterns__summary" id={`${id}-summary`} lang={LANGUAGE === 'en' ? undefined : 'en'}>
        {summary}
      </p>
      <div class="casebook-patterns__picture">{children}</div>
      <details class="govuk-details casebook-patterns__details">
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">{t('patterns.showTable')}</span>
        </summary>
        <div class="govuk-details__text" lang={LANGUAGE === 'en' ? undefined : 'en'}>
          {/* A wide table scrolls sideways on its own, not the page; focusable so a keyboard can scroll it. */}
          <div class="casebook-patterns__table-scroll" tabIndex={0} role="region" aria-label={table.caption}>
            <DataTableView table={table} />
          </div>
        </div>
      </details>
    </figure>
  );
}

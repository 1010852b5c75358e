// The cover: what this is, who made it, the period, the counts, the chart, the legal-elements summary (labelled
// as guidance), and the pack's SHA-256 to compare with the ZIP.

import type { PackSummary } from '../../../crypto/evidence-pack/index.ts';
import type { LegalElementsReport } from '../../../domain/legal-elements/index.ts';
import { drawChart } from './chart.ts';
import type { Flow } from './flow.ts';
import {
  BODY,
  CONTENT_WIDTH,
  field,
  gap,
  H1,
  H3,
  heading,
  INK,
  LABEL,
  leadingOf,
  MARGIN,
  need,
  paragraph,
  rule,
  SHADE,
  SMALL,
} from './flow.ts';
import { box } from './ink.ts';
import type { Model } from './model.ts';
import type { EvidencePdfInput } from './types.ts';
import { drawLine, widthOf, wrap } from './typeset.ts';
import { day, groupedHex, periodText, ukTime } from './words.ts';

export const GUIDANCE_HEADING = 'What the law says — guidance, not legal advice';

export function drawCover(
  flow: Flow,
  input: EvidencePdfInput,
  model: Model,
  summary: PackSummary,
  legal: LegalElementsReport,
  uncovered: number,
): void {
  paragraph(flow, 'Casebook', { size: 10, bold: true, color: INK });
  gap(flow, 2);
  paragraph(flow, 'Incident record and evidence pack', H1);
  const title = input.title?.trim();
  if (title) {
    gap(flow, 2);
    paragraph(flow, title, { size: 13, color: INK });
  }
  gap(flow, 6);
  rule(flow, 1.2);
  gap(flow, 8);

  const madeBy = input.madeBy?.trim();
  if (madeBy) field(flow, 'Made by', madeBy);
  field(flow, 'Period', periodText(input.period));
  field(flow, 'Made on', `${ukTime(input.createdAt)} (the clock of the device that made it)`);
  field(
    flow,
    'Incidents recorded',
    summary.incidentDates
      ? `${summary.incidents.toLocaleString('en-GB')}, from ${day(summary.incidentDates.first)} to ${day(summary.incidentDates.last)}`
      : String(summary.incidents),
  );
  const others = summary.entries - summary.incidents;
  field(
    flow,
    'In this pack',
    `${count(summary.entries, 'entry', 'entries')}${others > 0 ? ` (${count(others, 'note or other item', 'notes or other items')})` : ''}, ${count(summary.versions, 'saved version')}, ${count(summary.attachments, 'attached file')}`,
  );
  field(
    flow,
    'Reported to the police',
    `${count(summary.reportedToPolice, 'incident')}, ${summary.withCrimeReference.toLocaleString('en-GB')} with a crime reference`,
  );
  field(flow, 'Pack SHA-256', groupedHex(input.packSha256));
  paragraph(
    flow,
    'The SHA-256 of the ZIP file this PDF came with. It is on every page; if it matches the ZIP, this PDF describes that ZIP.',
    SMALL,
    MARGIN + 118,
    CONTENT_WIDTH - 118,
  );
  if (uncovered > 0) {
    gap(flow, 4);
    field(
      flow,
      'Characters not shown',
      `${count(uncovered, 'entry or name', 'entries or names')} use${uncovered === 1 ? 's' : ''} a writing system this PDF\u2019s font does not include; those characters print as empty boxes. The exact words are in the ZIP, and Casebook\u2019s verifier shows them.`,
    );
  }
  gap(flow, 10);

  if (summary.behaviours.length > 0) {
    heading(flow, 'What happened, by behaviour', H3);
    behaviourTable(flow, summary.behaviours);
    gap(flow, 10);
  }
  if (model.incidents.length > 0) {
    heading(flow, 'Incidents over time', H3, 2, 160);
    drawChart(flow, model.incidents);
    gap(flow, 6);
  }
  legalSummary(flow, legal);
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

function behaviourTable(flow: Flow, behaviours: PackSummary['behaviours']): void {
  const lead = leadingOf(BODY);
  const numberWidth = 40;
  const barMax = 120;
  const max = Math.max(...behaviours.map((b) => b.count));
  for (const behaviour of behaviours) {
    const lines = wrap(flow.faces, behaviour.label, CONTENT_WIDTH - numberWidth - barMax - 12, BODY);
    need(flow, lines.length * lead + 2);
    const top = flow.y;
    const text = behaviour.count.toLocaleString('en-GB');
    drawLine(flow.page, flow.faces, text, MARGIN + numberWidth - 8 - widthOf(flow.faces, text, LABEL), top - lead + lead * 0.24, LABEL);
    lines.forEach((line, i) => drawLine(flow.page, flow.faces, line, MARGIN + numberWidth, top - (i + 1) * lead + lead * 0.24, BODY));
    const barWidth = Math.max(1.5, (behaviour.count / max) * barMax);
    box(flow.page, MARGIN + CONTENT_WIDTH - barMax, top - lead + 2, barWidth, lead - 4.5, { fill: INK });
    flow.y = top - lines.length * lead - 2;
  }
}

function legalSummary(flow: Flow, legal: LegalElementsReport): void {
  heading(flow, GUIDANCE_HEADING, H3, 2, 90);
  // A shaded band so the label cannot be missed, even on a black-and-white printout.
  const noticeLines = wrap(flow.faces, legal.notice.text, CONTENT_WIDTH - 16, BODY);
  const bandHeight = noticeLines.length * leadingOf(BODY) + 10;
  need(flow, bandHeight);
  box(flow.page, MARGIN, flow.y - bandHeight, CONTENT_WIDTH, bandHeight, { fill: SHADE, stroke: INK, lineWidth: 0.8 });
  flow.y -= 5;
  paragraph(flow, legal.notice.text, BODY, MARGIN + 8, CONTENT_WIDTH - 16);
  flow.y -= 5 + 6;
  for (const element of legal.elements) {
    need(flow, 3 * leadingOf(BODY));
    field(flow, element.title, `${element.statusText}. ${element.shows.map((point) => point.text).join(' ')}`.trim(), 170);
  }
  paragraph(
    flow,
    'Worked out by Casebook from the incidents in this pack only, by the same rules as the diary\u2019s legal panel. It is not a finding: the police and the courts decide what the law means.',
    SMALL,
  );
}

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
import { groupedHex, periodText } from './words.ts';

export function drawCover(
  flow: Flow,
  input: EvidencePdfInput,
  model: Model,
  summary: PackSummary,
  legal: LegalElementsReport,
  uncovered: number,
): void {
  const w = flow.words;
  paragraph(flow, 'Casebook', { size: 10, bold: true, color: INK });
  gap(flow, 2);
  paragraph(flow, w.say('cover.title'), H1);
  const title = input.title?.trim();
  if (title) {
    gap(flow, 2);
    paragraph(flow, title, { size: 13, color: INK });
  }
  gap(flow, 6);
  rule(flow, 1.2);
  gap(flow, 8);

  const madeBy = input.madeBy?.trim();
  if (madeBy) field(flow, w.say('cover.madeBy'), madeBy);
  field(flow, w.say('cover.period'), periodText(w, input.period));
  field(flow, w.say('cover.madeOn'), w.say('cover.madeOnValue', { when: w.time(input.createdAt) }));
  field(
    flow,
    w.say('cover.incidents'),
    summary.incidentDates
      ? w.say('cover.incidentsValue', {
          count: summary.incidents,
          first: w.day(summary.incidentDates.first),
          last: w.day(summary.incidentDates.last),
        })
      : w.count(summary.incidents),
  );
  const others = summary.entries - summary.incidents;
  const counts = {
    entries: w.say('cover.entries', { count: summary.entries }),
    others: w.say('cover.others', { count: others }),
    versions: w.say('cover.versions', { count: summary.versions }),
    files: w.say('cover.files', { count: summary.attachments }),
  };
  field(flow, w.say('cover.inPack'), w.say(others > 0 ? 'cover.inPackWithOthers' : 'cover.inPackValue', counts));
  field(
    flow,
    w.say('cover.police'),
    w.say('cover.policeValue', {
      incidents: w.say('cover.policeIncidents', { count: summary.reportedToPolice }),
      references: w.count(summary.withCrimeReference),
    }),
  );
  field(flow, w.say('cover.packSha'), groupedHex(input.packSha256));
  paragraph(flow, w.say('cover.packShaNote'), SMALL, MARGIN + 118, CONTENT_WIDTH - 118);
  if (uncovered > 0) {
    gap(flow, 4);
    field(flow, w.say('cover.uncovered'), w.say('cover.uncoveredValue', { count: uncovered }));
  }
  gap(flow, 10);

  if (summary.behaviours.length > 0) {
    heading(flow, w.say('cover.byBehaviour'), H3);
    behaviourTable(
      flow,
      summary.behaviours.map((b) => ({ ...b, label: w.labels.behaviour(b.id as Parameters<typeof w.labels.behaviour>[0]) })),
    );
    gap(flow, 10);
  }
  if (model.incidents.length > 0) {
    heading(flow, w.say('cover.overTime'), H3, 2, 160);
    drawChart(flow, model.incidents);
    gap(flow, 6);
  }
  legalSummary(flow, legal);
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
    const text = flow.words.count(behaviour.count);
    drawLine(flow.page, flow.faces, text, MARGIN + numberWidth - 8 - widthOf(flow.faces, text, LABEL), top - lead + lead * 0.24, LABEL);
    lines.forEach((line, i) => drawLine(flow.page, flow.faces, line, MARGIN + numberWidth, top - (i + 1) * lead + lead * 0.24, BODY));
    const barWidth = Math.max(1.5, (behaviour.count / max) * barMax);
    box(flow.page, MARGIN + CONTENT_WIDTH - barMax, top - lead + 2, barWidth, lead - 4.5, { fill: INK });
    flow.y = top - lines.length * lead - 2;
  }
}

function legalSummary(flow: Flow, legal: LegalElementsReport): void {
  heading(flow, flow.words.say('cover.guidance'), H3, 2, 90);
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
  paragraph(flow, flow.words.say('cover.guidanceNote'), SMALL);
}

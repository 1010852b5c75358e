// An imported entry's messages as a table an officer can read: time, sender, channel and text, every word, with
// the original export named by its SHA-256 (the file itself is in the ZIP and the verifier checks each message
// against it).

import type { Incident } from '../../../domain/incidents/index.ts';
import { messageWhat } from '../../../domain/incidents/index.ts';
import type { Flow } from './flow.ts';
import { CONTENT_WIDTH, gap, LABEL, leadingOf, MARGIN, need, paragraph, SMALL } from './flow.ts';
import { cellLines, drawHeader, drawRow } from './log-table.ts';
import type { Model } from './model.ts';
import { drawLine } from './typeset.ts';

const FIXED = [92, 84, 58];
const WIDTHS = [...FIXED, CONTENT_WIDTH - FIXED.reduce((a, b) => a + b, 0)];

export function drawImportedMessages(flow: Flow, incident: Incident, model: Model, entryNumber: number): void {
  const imported = incident.imported;
  if (!imported) return;
  const w = flow.words;
  const titles = [
    w.say('messages.columns.time'),
    w.say('messages.columns.from'),
    w.say('messages.columns.channel'),
    w.say('messages.columns.text'),
  ];
  const file = model.attachments.get(imported.source.attachmentId);
  need(flow, 6 * leadingOf(LABEL));
  flow.y -= leadingOf(LABEL);
  drawLine(
    flow.page,
    flow.faces,
    w.say('messages.heading', { number: entryNumber, count: imported.messages.length }),
    MARGIN,
    flow.y + leadingOf(LABEL) * 0.24,
    LABEL,
  );
  paragraph(
    flow,
    `${w.say('messages.source', { name: file ? `"${file.name}"` : '', sha256: imported.source.sha256 })} ${w.say(file ? 'messages.inZip' : 'messages.notInZip')}`,
    SMALL,
  );
  gap(flow, 3);
  drawHeader(flow, titles, WIDTHS);
  flow.onNewPage = () => drawHeader(flow, titles, WIDTHS);
  for (const message of imported.messages) {
    drawRow(
      flow,
      [
        cellLines(flow, `${w.time(Date.parse(message.at))}${w.labels.timeSourceNote(message.timeSource)}`, WIDTHS[0]!),
        cellLines(flow, message.sender, WIDTHS[1]!),
        cellLines(flow, w.labels.channel(message.channel), WIDTHS[2]!),
        cellLines(flow, messageWhat(message) || w.say('messages.noText'), WIDTHS[3]!),
      ],
      WIDTHS,
    );
  }
  flow.onNewPage = undefined;
  gap(flow, 6);
}

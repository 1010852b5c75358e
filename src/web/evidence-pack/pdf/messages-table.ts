// An imported entry's messages as a table an officer can read: time, sender, channel and text, every word, with
// the original export named by its SHA-256 (the file itself is in the ZIP and the verifier checks each message
// against it).

import type { Incident } from '../../../domain/incidents/index.ts';
import { CHANNEL_LABELS, messageWhat, TIME_SOURCE_NOTES } from '../../../domain/incidents/index.ts';
import type { Flow } from './flow.ts';
import { CONTENT_WIDTH, gap, LABEL, leadingOf, MARGIN, need, paragraph, SMALL } from './flow.ts';
import { cellLines, drawHeader, drawRow } from './log-table.ts';
import type { Model } from './model.ts';
import { drawLine } from './typeset.ts';
import { ukTime } from './words.ts';

const TITLES = ['Time', 'From', 'Channel', 'Text'];
const FIXED = [92, 84, 58];
const WIDTHS = [...FIXED, CONTENT_WIDTH - FIXED.reduce((a, b) => a + b, 0)];

export function drawImportedMessages(flow: Flow, incident: Incident, model: Model, entryNumber: number): void {
  const imported = incident.imported;
  if (!imported) return;
  const file = model.attachments.get(imported.source.attachmentId);
  need(flow, 6 * leadingOf(LABEL));
  flow.y -= leadingOf(LABEL);
  drawLine(
    flow.page,
    flow.faces,
    `Messages in entry ${entryNumber} (${imported.messages.length.toLocaleString('en-GB')})`,
    MARGIN,
    flow.y + leadingOf(LABEL) * 0.24,
    LABEL,
  );
  paragraph(
    flow,
    `Exactly as the original export ${file ? `"${file.name}"` : ''} holds them (SHA-256 ${imported.source.sha256}). ` +
      (file
        ? 'The file is in the ZIP under attachments/, and the verifier checks each message against it.'
        : 'That file is not in this pack, so the messages cannot be checked against it here.'),
    SMALL,
  );
  gap(flow, 3);
  drawHeader(flow, TITLES, WIDTHS);
  flow.onNewPage = () => drawHeader(flow, TITLES, WIDTHS);
  for (const message of imported.messages) {
    drawRow(
      flow,
      [
        cellLines(flow, `${ukTime(Date.parse(message.at))}${TIME_SOURCE_NOTES[message.timeSource]}`, WIDTHS[0]!),
        cellLines(flow, message.sender, WIDTHS[1]!),
        cellLines(flow, CHANNEL_LABELS[message.channel], WIDTHS[2]!),
        cellLines(flow, messageWhat(message) || '(no text)', WIDTHS[3]!),
      ],
      WIDTHS,
    );
  }
  flow.onNewPage = undefined;
  gap(flow, 6);
}

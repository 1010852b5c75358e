// The last page: how anyone can check the pack without trusting Casebook or the person, and what the check
// does and does not prove (the same claims as docs/evidence-pack.md, in plain words).

import type { Flow } from './flow.ts';
import { BODY, CONTENT_WIDTH, field, gap, H3, heading, INK, LABEL, leadingOf, MARGIN, need, paragraph, SMALL, section } from './flow.ts';
import { box } from './ink.ts';
import type { EvidencePdfInput } from './types.ts';
import { groupedHex, ukTime } from './words.ts';

export const VERIFY_HEADING = 'How to check this pack';

export function drawVerifyPage(flow: Flow, input: EvidencePdfInput): void {
  section(flow, VERIFY_HEADING);
  gap(flow, 2);
  paragraph(
    flow,
    'This PDF comes with a ZIP file: the evidence pack. The ZIP holds each entry exactly as it was saved, the attached files, and a receipt for every saved version from Casebook\u2019s public log. Anyone can check it without an account and without trusting Casebook or the person who made it.',
  );
  gap(flow, 8);

  heading(flow, 'Three ways to check it', H3, 2);
  step(
    flow,
    '1. In a web browser',
    `Open ${input.verifyUrl ?? 'the /verify page of the Casebook website'} and drop the ZIP (and this PDF) on it. Everything is checked on your computer; nothing is uploaded.`,
  );
  step(
    flow,
    '2. On the command line',
    'With Casebook\u2019s source code and Node.js: npm run verify -- pack.zip (add --online <Casebook address> to compare with the log as it is today). Exit code 0 means every check passed.',
  );
  step(
    flow,
    '3. With your own tools',
    'docs/evidence-pack.md in Casebook\u2019s source code describes the format byte by byte and gives a short Python script that checks a pack with sha256sum-style hashing and Ed25519 only.',
  );
  gap(flow, 6);

  heading(flow, 'What the checks prove', H3, 2);
  bullet(
    flow,
    'That each entry\u2019s text (and each photo whose SHA-256 the entry names) is exactly what existed no later than the time on its receipt, and has not been changed since: not one character.',
  );
  bullet(
    flow,
    'That every saved version is in Casebook\u2019s public, append-only log, in the order it was written, so an entry cannot have been backdated or quietly rewritten.',
  );
  bullet(
    flow,
    'That the files in the ZIP are the ones listed in it. The SHA-256 at the foot of every page names the ZIP this PDF was made with.',
  );
  gap(flow, 4);
  heading(flow, 'What they do not prove', H3, 2);
  bullet(
    flow,
    'That the events happened, or happened when or as the entry says: only that these words were written no later than the receipt time.',
  );
  bullet(
    flow,
    'That the pack holds every entry the person wrote: they choose what goes in. Record the pack\u2019s SHA-256 when you receive it; an entry removed later changes it.',
  );
  bullet(
    flow,
    '"Made on" on the cover is the clock of the device that made the pack; it proves nothing. The receipt times come from Casebook\u2019s log.',
  );
  bullet(
    flow,
    'The summary and the legal guidance on the cover are worked out from the entries for convenience. They are not evidence and not legal advice.',
  );
  bullet(
    flow,
    'This PDF is a readable copy and is not itself signed: where it and the ZIP differ, the ZIP is the evidence. The /verify page can compare the two.',
  );
  gap(flow, 8);

  heading(flow, 'This pack\u2019s log details', H3, 2);
  field(flow, 'Pack SHA-256', groupedHex(input.packSha256));
  field(flow, 'Log key (Ed25519)', input.logPublicKey);
  field(flow, 'Log id', input.treeHead.logId);
  field(
    flow,
    'Signed tree head',
    `${input.treeHead.treeSize.toLocaleString('en-GB')} entries in the log at ${ukTime(input.treeHead.timestamp)}; root hash ${input.treeHead.rootHash}`,
  );
  paragraph(
    flow,
    'To rule out a pack made with someone else\u2019s key, compare the log id above with the one Casebook publishes at /.well-known/casebook-log.json on its website, or give that key to the verifier (--key).',
    SMALL,
    MARGIN + 118,
    CONTENT_WIDTH - 118,
  );
}

function step(flow: Flow, title: string, text: string): void {
  paragraph(flow, title, LABEL);
  paragraph(flow, text, BODY, MARGIN + 12, CONTENT_WIDTH - 12);
  gap(flow, 4);
}

function bullet(flow: Flow, text: string): void {
  // The bullet sits on the first line of its text, so that line is kept on this page.
  need(flow, leadingOf(BODY));
  const page = flow.page;
  const top = flow.y;
  paragraph(flow, text, BODY, MARGIN + 12, CONTENT_WIDTH - 12);
  box(page, MARGIN + 2.6, top - leadingOf(BODY) * 0.76 + 1.6, 2.8, 2.8, { fill: INK });
  gap(flow, 2);
}

// The last page: how anyone can check the pack without trusting Casebook or the person, and what the check
// does and does not prove (the same claims as docs/evidence-pack.md, in plain words).

import type { Flow } from './flow.ts';
import { BODY, CONTENT_WIDTH, field, gap, H3, heading, INK, LABEL, leadingOf, MARGIN, need, paragraph, SMALL, section } from './flow.ts';
import { box } from './ink.ts';
import type { EvidencePdfInput } from './types.ts';
import { groupedHex } from './words.ts';

export function drawVerifyPage(flow: Flow, input: EvidencePdfInput): void {
  const w = flow.words;
  section(flow, w.say('verify.heading'));
  gap(flow, 2);
  paragraph(flow, w.say('verify.intro'));
  gap(flow, 8);

  heading(flow, w.say('verify.ways'), H3, 2);
  step(flow, w.say('verify.browser'), w.say('verify.browserText', { url: input.verifyUrl ?? w.say('verify.browserNoUrl') }));
  step(flow, w.say('verify.command'), w.say('verify.commandText'));
  step(flow, w.say('verify.own'), w.say('verify.ownText'));
  gap(flow, 6);

  heading(flow, w.say('verify.proves'), H3, 2);
  for (const key of ['verify.proof1', 'verify.proof2', 'verify.proof3'] as const) bullet(flow, w.say(key));
  gap(flow, 4);
  heading(flow, w.say('verify.notProves'), H3, 2);
  for (const key of ['verify.limit1', 'verify.limit2', 'verify.limit3', 'verify.limit4', 'verify.limit5'] as const)
    bullet(flow, w.say(key));
  gap(flow, 8);

  heading(flow, w.say('verify.details'), H3, 2);
  field(flow, w.say('verify.packSha'), groupedHex(input.packSha256));
  field(flow, w.say('verify.logKey'), input.logPublicKey);
  field(flow, w.say('verify.logId'), input.treeHead.logId);
  field(
    flow,
    w.say('verify.treeHead'),
    w.say('verify.treeHeadValue', {
      size: w.count(input.treeHead.treeSize),
      when: w.time(input.treeHead.timestamp),
      root: input.treeHead.rootHash,
    }),
  );
  paragraph(flow, w.say('verify.keyNote'), SMALL, MARGIN + 118, CONTENT_WIDTH - 118);
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

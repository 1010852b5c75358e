import { type CrisisSignal, detectCrisis } from '../../../domain/forums/crisis.ts';
import { applyFilters, countLinks, type ModerationFilter } from '../../../domain/forums/filters.ts';
import {
  DETAIL_LABELS,
  describeFindings,
  type Finding,
  findIdentifyingDetails,
  highlightSegments,
} from '../../../domain/forums/identifying-details.ts';
import { checkPostLimits, type FieldError, mustHoldForApproval } from '../../../domain/forums/limits.ts';
import { renderPost } from './markdown.ts';
import type { Member, NewPost } from './records.ts';

export interface Draft {
  title?: string | undefined;
  body: string;
  /** The member says the details found are not real or not about anyone: post, but only after a moderator looks. */
  detailsConfirmed: boolean;
  imageCount: number;
}

export type Assessment =
  | { ok: false; errors: FieldError[]; findings: Finding[]; blockedLinks: string[] }
  | { ok: true; post: Omit<NewPost, 'member' | 'images'>; crisis: CrisisSignal[] };

/**
 * Every rule a post passes before it is stored, in order: limits, the moderators' link filter, identifying
 * details (ask the member to remove them), then how it is published: held for a moderator (new member, a
 * filtered word, details the member vouched for, a crisis) or straight away. Crisis wording never stops a
 * post: the member sees where to get help, and moderators see the post first.
 */
export function assessDraft(draft: Draft, member: Member, filters: readonly ModerationFilter[], now: number): Assessment {
  const body = draft.body.replace(/\r\n/g, '\n').trim();
  const title = draft.title?.trim().replace(/\s+/g, ' ');
  const combined = title === undefined ? body : `${title}\n${body}`;
  const errors = checkPostLimits({ title, body, linkCount: countLinks(body), imageCount: draft.imageCount }, member, now);
  const filtered = applyFilters(combined, filters);
  if (filtered.blockedLinks.length) {
    errors.push({
      field: 'body',
      message: `Links to ${filtered.blockedLinks.join(', ')} are not allowed in the forums. Remove them to post`,
    });
  }
  const findings = findIdentifyingDetails(combined);
  if (findings.length && !draft.detailsConfirmed) {
    errors.push({
      field: 'body',
      message: `Your post has what looks like ${describeFindings(findings)}. Remove it so nobody can be identified`,
    });
  }
  if (errors.length) return { ok: false, errors, findings, blockedLinks: filtered.blockedLinks };

  const crisis = detectCrisis(combined);
  const reasons: string[] = [];
  if (mustHoldForApproval(member)) reasons.push('new member');
  if (filtered.heldFor.length) reasons.push(`filtered words: ${filtered.heldFor.join(', ')}`);
  if (findings.length)
    reasons.push(`member says these are not identifying: ${[...new Set(findings.map((f) => DETAIL_LABELS[f.kind]))].join(', ')}`);
  const rendered = renderPost(body);
  return {
    ok: true,
    crisis,
    post: {
      body,
      bodyHtml: rendered.html,
      searchText: title === undefined ? rendered.text : `${title}\n${rendered.text}`,
      status: reasons.length ? 'held' : 'published',
      priority: crisis.length ? 2 : findings.length || filtered.heldFor.length ? 1 : 0,
      crisis: crisis.length ? crisis.map((c) => c.kind).join(',') : null,
      heldReason: reasons.length ? reasons.join('; ').slice(0, 300) : null,
    },
  };
}

export { highlightSegments };

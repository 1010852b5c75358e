import { DateTime } from 'luxon';
import type { Services } from '../../../services.ts';
import { type AuditEntry, type AuditFilter, brokenEntry } from '../../../shared/audit/audit-log.ts';

const ZONE = 'Europe/London';
const FIELD_LIMITS: Record<string, number> = { staff: 36, action: 64, subject: 32, subjectId: 100, from: 10, to: 10, before: 16 };

export interface AuditPageContext {
  status: number;
  entries: (AuditEntry & { when: string; who: string; detailText: string })[];
  members: { id: string; displayName: string }[];
  form: Record<string, string>;
  errors: { field: string; text: string }[];
  olderHref: string | null;
  /** The whole chain, when asked for (?check=1): it reads every entry. Otherwise only this page's entries. */
  chain: Awaited<ReturnType<Services['audit']['verifyChain']>> | null;
  pageBrokenAt: number | null;
  checkHref: string;
}

function londonDay(value: string, endOfDay: boolean): number | undefined {
  const day = DateTime.fromISO(value, { zone: ZONE });
  if (!day.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  return (endOfDay ? day.plus({ days: 1 }) : day).startOf('day').toMillis();
}

/** The audit screen: GET filters (so a filtered view can be bookmarked), newest first, 50 a page, chain status. */
export async function auditPageContext(
  services: Pick<Services, 'audit' | 'staff'>,
  query: Record<string, string | undefined>,
): Promise<AuditPageContext> {
  const form: Record<string, string> = {};
  for (const [key, max] of Object.entries(FIELD_LIMITS)) form[key] = (query[key] ?? '').trim().slice(0, max);
  const errors: { field: string; text: string }[] = [];
  const filter: AuditFilter = {};
  if (form.staff) filter.staffId = form.staff;
  if (form.action) filter.action = form.action;
  if (form.subject) filter.subjectType = form.subject;
  if (form.subjectId) filter.subjectId = form.subjectId;
  if (form.from) {
    filter.from = londonDay(form.from, false);
    if (filter.from === undefined) errors.push({ field: 'from', text: 'Enter the “from” date as YYYY-MM-DD, for example 2026-11-02' });
  }
  if (form.to) {
    filter.to = londonDay(form.to, true);
    if (filter.to === undefined) errors.push({ field: 'to', text: 'Enter the “to” date as YYYY-MM-DD, for example 2026-11-23' });
  }
  const before = /^\d{1,15}$/.test(form.before ?? '') ? Number(form.before) : undefined;
  const accounts = await services.staff.accounts.list();
  const names = new Map(accounts.map((a) => [a.id, a.displayName]));
  const page = errors.length ? { entries: [], nextCursor: null } : await services.audit.list(filter, { before, limit: 50 });
  const olderParams = new URLSearchParams(Object.entries({ ...form, before: String(page.nextCursor ?? '') }).filter(([, v]) => v));
  return {
    status: errors.length ? 400 : 200,
    entries: page.entries.map((e) => ({
      ...e,
      when: DateTime.fromMillis(e.at, { zone: ZONE }).toFormat('d LLL yyyy, HH:mm:ss'),
      who: e.staffId ? (names.get(e.staffId) ?? 'Removed member') : 'System',
      detailText: Object.entries(e.detail)
        .map(([k, v]) => `${k}: ${typeof v === 'string' ? v.replaceAll(',', ', ') : JSON.stringify(v)}`)
        .join('; '),
      subjectLabel: e.subjectType === 'staff' ? (names.get(e.subjectId) ?? e.subjectId) : e.subjectId,
    })),
    members: accounts.map((a) => ({ id: a.id, displayName: a.displayName })),
    form,
    errors,
    olderHref: page.nextCursor ? `/staff/audit?${olderParams.toString()}` : null,
    chain: query.check === '1' ? await services.audit.verifyChain() : null,
    pageBrokenAt: brokenEntry(page.entries),
    checkHref: `/staff/audit?${new URLSearchParams(Object.entries({ ...form, check: '1' }).filter(([, v]) => v)).toString()}`,
  };
}

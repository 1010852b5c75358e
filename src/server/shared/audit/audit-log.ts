import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { canonicalize } from '../../../crypto/canonical-json.ts';
import type { DialectName } from '../../db/database.ts';
import type { Schema } from '../../db/schema.ts';

// The append-only audit log (docs/staff.md). Triggers on both databases refuse UPDATE and DELETE; the hash chain
// makes any change made around them (a restored backup, a superuser dropping the trigger) detectable:
// hash(n) = sha256(hash(n-1) ‖ "\n" ‖ canonical JSON of row n), starting from 64 zeros.

type Db = Kysely<Schema> | Transaction<Schema>;

export const GENESIS_HASH = '0'.repeat(64);
export const MAX_DETAIL_BYTES = 2048;
const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
/** Any constant: every appender takes the same PostgreSQL advisory lock, so chain positions never race. */
const CHAIN_LOCK = 7_300_006;

export interface AuditInput {
  staffId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  detail?: Record<string, unknown>;
}

export interface AuditEntry {
  id: number;
  at: number;
  staffId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface AuditFilter {
  staffId?: string | undefined;
  /** Exact, or a prefix ending in "." (`staff.` matches every staff action). */
  action?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

export interface AuditPage {
  /** Entries with a smaller id than this (the previous page's nextCursor). */
  before?: number | undefined;
  limit?: number | undefined;
}

export type ChainCheck = { ok: true; count: number } | { ok: false; brokenAt: number };

export class AuditInputError extends Error {
  override name = 'AuditInputError';
}

export function canonicalEntry(entry: Omit<AuditEntry, 'prevHash' | 'hash'>): string {
  return canonicalize({
    id: entry.id,
    at: entry.at,
    staffId: entry.staffId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    detail: entry.detail,
  });
}

export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

function validate(input: AuditInput): string {
  if (!ACTION.test(input.action) || input.action.length > 64)
    throw new AuditInputError(`audit action "${input.action}" must look like feature.verb`);
  if (!/^[a-z][a-z0-9_]{0,31}$/.test(input.subjectType)) throw new AuditInputError('audit subjectType must be a short lower-case word');
  if (input.subjectId.length < 1 || input.subjectId.length > 100) throw new AuditInputError('audit subjectId must be 1–100 characters');
  if (input.staffId !== null && (input.staffId.length < 1 || input.staffId.length > 36))
    throw new AuditInputError('audit staffId is not an id');
  const detail = canonicalize(input.detail ?? {});
  if (Buffer.byteLength(detail) > MAX_DETAIL_BYTES) throw new AuditInputError(`audit detail is over ${MAX_DETAIL_BYTES} bytes`);
  return detail;
}

type Row = Schema['audit_log'] extends infer T ? { [K in keyof T]: unknown } : never;

function fromRow(row: Row): AuditEntry {
  return {
    id: row.id as number,
    at: row.at as number,
    staffId: (row.staff_id as string | null) ?? null,
    action: row.action as string,
    subjectType: row.subject_type as string,
    subjectId: row.subject_id as string,
    detail: JSON.parse(row.detail as string) as Record<string, unknown>,
    prevHash: row.prev_hash as string,
    hash: row.hash as string,
  };
}

/**
 * Checks the entries of one page (newest first, as list() returns them) without reading the rest of the log:
 * each hash matches its row, and each row links to the one before it. The id of the first bad row, or null.
 */
export function brokenEntry(entries: readonly AuditEntry[]): number | null {
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.hash !== chainHash(e.prevHash, canonicalEntry(e))) return e.id;
    const older = entries[i + 1];
    if (older && older.id === e.id - 1 && older.hash !== e.prevHash) return e.id;
  }
  return null;
}

export function createAuditLog(db: Kysely<Schema>, dialect: DialectName, clock: () => number) {
  async function append(trx: Db, input: AuditInput, detail: string): Promise<AuditEntry> {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
    const last = await trx.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
    const id = last ? last.id + 1 : 1;
    const prevHash = last?.hash ?? GENESIS_HASH;
    const base = {
      id,
      at: clock(),
      staffId: input.staffId,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      detail: JSON.parse(detail) as Record<string, unknown>,
    };
    const hash = chainHash(prevHash, canonicalEntry(base));
    await trx
      .insertInto('audit_log')
      .values({
        id,
        at: base.at,
        staff_id: input.staffId,
        action: input.action,
        subject_type: input.subjectType,
        subject_id: input.subjectId,
        detail,
        prev_hash: prevHash,
        hash,
      })
      .execute();
    return { ...base, prevHash, hash };
  }

  return {
    /**
     * Appends one entry. Pass the caller's transaction to record in the same commit as the change; the
     * PostgreSQL advisory lock is then held until that transaction ends, so keep such transactions short.
     */
    async record(input: AuditInput, trx?: Transaction<Schema>): Promise<AuditEntry> {
      const detail = validate(input);
      if (trx) return append(trx, input, detail);
      return db.transaction().execute((t) => append(t, input, detail));
    },

    /** Newest first; `nextCursor` is the `before` for the next (older) page, or null at the start of the log. */
    async list(filter: AuditFilter = {}, page: AuditPage = {}): Promise<{ entries: AuditEntry[]; nextCursor: number | null }> {
      const limit = Math.min(Math.max(page.limit ?? 50, 1), 200);
      let query = db.selectFrom('audit_log').selectAll();
      if (filter.staffId) query = query.where('staff_id', '=', filter.staffId);
      if (filter.action) {
        query = filter.action.endsWith('.')
          ? query.where('action', '>=', filter.action).where('action', '<', `${filter.action.slice(0, -1)}/`)
          : query.where('action', '=', filter.action);
      }
      if (filter.subjectType) query = query.where('subject_type', '=', filter.subjectType);
      if (filter.subjectId) query = query.where('subject_id', '=', filter.subjectId);
      if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
      if (filter.to !== undefined) query = query.where('at', '<', filter.to);
      if (page.before !== undefined) query = query.where('id', '<', page.before);
      const rows = await query
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      const entries = rows.slice(0, limit).map((row) => fromRow(row as Row));
      return { entries, nextCursor: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
    },

    /** Recomputes the whole chain in id order, a batch at a time; reports the first row that does not match. */
    async verifyChain(): Promise<ChainCheck> {
      let prevHash = GENESIS_HASH;
      let expectedId = 1;
      for (;;) {
        const rows = await db.selectFrom('audit_log').selectAll().where('id', '>=', expectedId).orderBy('id').limit(1000).execute();
        if (rows.length === 0) return { ok: true, count: expectedId - 1 };
        for (const raw of rows) {
          const entry = fromRow(raw as Row);
          if (entry.id !== expectedId || entry.prevHash !== prevHash || entry.hash !== chainHash(prevHash, canonicalEntry(entry))) {
            return { ok: false, brokenAt: expectedId };
          }
          prevHash = entry.hash;
          expectedId += 1;
        }
      }
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;

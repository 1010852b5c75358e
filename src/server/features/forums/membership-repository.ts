import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { type Changed, type Db, type Member, type ProfessionalRole, type Row, toMember } from './records.ts';
import { refreshTopic } from './topic-writes.ts';

/** Members: joining, visits, professional access, standing, and leaving. */
export function createMembershipRepository(db: Kysely<Schema>, changed: Changed) {
  const memberById = async (id: string): Promise<Member | undefined> => {
    const row = await db.selectFrom('forum_members').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toMember(row as unknown as Row) : undefined;
  };

  /**
   * Leaving: the membership, and every post, topic started, picture, flag, follow and notification with it (foreign
   * keys cascade); the topics they replied in move to a new version with their counts redone. Inside `outer` when
   * the vault deletes the whole account.
   */
  const deleteMember = async (memberId: string, outer?: Transaction<Schema>): Promise<void> => {
    const remove = async (trx: Db) => {
      const topics = await trx.selectFrom('forum_posts').select('topic_id').distinct().where('member_id', '=', memberId).execute();
      await trx.deleteFrom('forum_members').where('id', '=', memberId).execute();
      for (const { topic_id } of topics) {
        const exists = await trx.selectFrom('forum_topics').select('id').where('id', '=', topic_id).executeTakeFirst();
        if (exists) await refreshTopic(trx, topic_id);
      }
      return topics;
    };
    const touched = outer ? await remove(outer) : await db.transaction().execute(remove);
    // Inside `outer` this is before the commit; the account's sessions end in the same transaction, and the topic
    // view cache keeps nothing read for a while after that (topic-view-cache.ts, QUIET_MS).
    changed({ memberId });
    for (const { topic_id } of touched) changed({ topicId: topic_id });
  };

  return {
    memberById,
    deleteMember,

    async memberByAccount(accountId: string): Promise<Member | undefined> {
      const row = await db.selectFrom('forum_members').selectAll().where('account_id', '=', accountId).executeTakeFirst();
      return row ? toMember(row as unknown as Row) : undefined;
    },

    async nameTaken(key: string): Promise<boolean> {
      return Boolean(await db.selectFrom('forum_members').select('id').where('name_key', '=', key).executeTakeFirst());
    },

    /** undefined when the name was taken in the meantime (the unique key decides). */
    async join(accountId: string, name: string, key: string, now: number): Promise<Member | undefined> {
      const id = randomUUID();
      try {
        await db
          .insertInto('forum_members')
          .values({ id, account_id: accountId, name, name_key: key, joined_at: now, last_visit_at: now, previous_visit_at: now })
          .execute();
      } catch (error) {
        if (/unique|duplicate/i.test(String((error as Error).message))) return undefined;
        throw error;
      }
      return memberById(id);
    },

    /** A visit starts after half an hour away: what was new is measured from the start of the visit before. */
    async recordVisit(member: Member, now: number): Promise<Member> {
      if (now - member.lastVisitAt < 60_000) return member;
      const newVisit = now - member.lastVisitAt > 30 * 60_000;
      const previous = newVisit ? member.lastVisitAt : member.previousVisitAt;
      await db.updateTable('forum_members').set({ last_visit_at: now, previous_visit_at: previous }).where('id', '=', member.id).execute();
      return { ...member, lastVisitAt: now, previousVisitAt: previous };
    },

    async requestProfessional(memberId: string, role: ProfessionalRole, note: string): Promise<void> {
      await db
        .updateTable('forum_members')
        .set({ professional_status: 'pending', professional_role: role, professional_note: note })
        .where('id', '=', memberId)
        .execute();
      changed({ memberId });
    },

    async decideProfessional(memberId: string, approve: boolean): Promise<void> {
      await db
        .updateTable('forum_members')
        .set({ professional_status: approve ? 'approved' : 'refused' })
        .where('id', '=', memberId)
        .execute();
      changed({ memberId });
    },

    async pendingProfessionals(): Promise<Member[]> {
      const rows = await db
        .selectFrom('forum_members')
        .selectAll()
        .where('professional_status', '=', 'pending')
        .orderBy('joined_at')
        .limit(100)
        .execute();
      return rows.map((r) => toMember(r as unknown as Row));
    },

    async setMemberStatus(memberId: string, status: Member['status'], suspendedUntil: number | null): Promise<void> {
      await db.updateTable('forum_members').set({ status, suspended_until: suspendedUntil }).where('id', '=', memberId).execute();
      changed({ memberId });
    },

    /** The vault deleting an account (`accounts.onDeleting`): the member leaves first, inside the same transaction. */
    async deleteMemberOfAccount(accountId: string, trx: Transaction<Schema>): Promise<void> {
      const member = await trx.selectFrom('forum_members').select('id').where('account_id', '=', accountId).executeTakeFirst();
      if (member) await deleteMember(member.id, trx);
    },
  };
}

export type MembershipRepository = ReturnType<typeof createMembershipRepository>;

import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, type Session, type VaultServices } from '../vault/index.ts';
import type { MembershipRepository } from './membership-repository.ts';
import type { Member } from './records.ts';

export interface Reader {
  session: Session;
  member: Member | undefined;
}

/** The vault session behind a forum request (forum membership rides on the Casebook account), or undefined. */
export async function readerOf(
  request: FastifyRequest,
  vault: VaultServices,
  members: Pick<MembershipRepository, 'memberByAccount'>,
): Promise<Reader | undefined> {
  const id = request.cookies[SESSION_COOKIE];
  if (!id || id.length > 100) return undefined;
  const session = await vault.sessions.find(id, vault.clock());
  if (!session) return undefined;
  return { session, member: await members.memberByAccount(session.accountId) };
}

/** Forms carry the session's token in `_csrf`, as the staff workspace's do. */
export function csrfOk(request: FastifyRequest, session: Session): boolean {
  const field = (request.body as Record<string, unknown> | undefined)?._csrf;
  const given = Buffer.from(typeof field === 'string' ? field : '');
  const expected = Buffer.from(session.csrfToken);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function isSuspended(member: Member, now: number): boolean {
  return member.status === 'banned' || (member.status === 'suspended' && (member.suspendedUntil === null || member.suspendedUntil > now));
}

export type { FastifyReply };

import type { VaultServices } from '../vault/index.ts';
import type { LiveHub } from './live.ts';
import type { Conversation, Message, Note, Share } from './records.ts';
import type { ConversationsRepository } from './repository.ts';

/** What the conversation routes share: the repository, the vault's clock, secret and limits, and the live hub. */
export interface TalkContext {
  repo: ConversationsRepository;
  vault: VaultServices;
  live: LiveHub;
}

export const messageJson = (m: Message) => ({
  id: m.id,
  author: m.author,
  createdAt: m.createdAt,
  teamKeyVersion: m.teamKeyVersion,
  body: m.body,
  keyTeam: m.keyTeam,
  keyPerson: m.keyPerson,
});

export const shareJson = (s: Share) => ({
  id: s.id,
  createdAt: s.createdAt,
  teamKeyVersion: s.teamKeyVersion,
  body: s.body,
  keyTeam: s.keyTeam,
  keyPerson: s.keyPerson,
});

export const noteJson = (n: Note) => ({
  id: n.id,
  staffId: n.staffId,
  kind: n.kind,
  agency: n.agency,
  teamKeyVersion: n.teamKeyVersion,
  sealed: n.sealed,
  createdAt: n.createdAt,
});

/** What the person sees: their messages and shares, the queue state in plain words, the key to write to. */
export async function conversationJson(talk: TalkContext, c: Conversation) {
  const [messages, shares, teamKey] = await Promise.all([talk.repo.messages(c.id), talk.repo.shares(c.id), talk.repo.currentTeamKey()]);
  return {
    id: c.id,
    status: c.status === 'closed' ? 'closed' : c.status === 'waiting' ? 'answered' : 'with-helpline',
    createdAt: c.createdAt,
    teamKey: teamKey ?? null,
    messages: messages.map(messageJson),
    shares: shares.map(shareJson),
  };
}

/** A queue row for the workspace: no content at all, only routing facts. */
export const queueRowJson = (c: Conversation) => ({
  id: c.id,
  status: c.status,
  assignedTo: c.assignedTo,
  riskLevel: c.riskLevel,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  lastPersonAt: c.lastPersonAt,
  lastStaffAt: c.lastStaffAt,
  language: c.language,
});

// The workspace's view of the queue API (/staff/queue/api, docs/messaging.md), and decrypting what it returns with
// the team keys. Nothing decrypted is kept anywhere but the objects returned.
import { base64urlDecode } from '../../../crypto/encoding.ts';
import type { TeamKeys } from '../../../crypto/team-keys.ts';
import type { StoredMessage, StoredShare } from '../../talk/api.ts';
import { type MessageContent, openContent, openForTeam, type ShareContent, sealContent, sealForTeam } from '../../talk/sealed-content.ts';
import { staffFetch } from '../index.ts';

export type QueueView = 'new' | 'mine' | 'waiting' | 'closed';

export interface QueueRow {
  readonly id: string;
  readonly status: 'new' | 'open' | 'waiting' | 'closed';
  readonly assignedTo: string | null;
  readonly riskLevel: 'raised' | 'high' | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly lastPersonAt: number | null;
  readonly lastStaffAt: number | null;
  /** The language the person wrote in (the page they wrote from). */
  readonly language: 'en' | 'cy';
}

export interface QueueAnswer {
  readonly view: QueueView;
  readonly counts: Record<QueueView, number>;
  readonly conversations: readonly QueueRow[];
  readonly team: readonly { id: string; displayName: string }[];
  readonly me: string;
}

export interface StoredNote {
  readonly id: string;
  readonly staffId: string;
  readonly kind: 'note' | 'referral' | 'risk';
  readonly agency: string | null;
  readonly teamKeyVersion: number;
  readonly sealed: string;
  readonly createdAt: number;
}

interface DetailAnswer extends QueueRow {
  readonly personPublicKey: string;
  readonly riskReason: string | null;
  readonly riskTeamKeyVersion: number | null;
  readonly teamKey: { version: number; publicKey: string } | null;
  readonly messages: readonly StoredMessage[];
  readonly shares: readonly StoredShare[];
  readonly notes: readonly StoredNote[];
}

export interface OpenedDetail extends QueueRow {
  readonly personPublicKey: string;
  readonly currentTeamKeyVersion: number | null;
  readonly riskReason: string | undefined;
  readonly messages: readonly { id: string; author: 'person' | 'staff'; createdAt: number; content: MessageContent | undefined }[];
  readonly shares: readonly { id: string; createdAt: number; content: ShareContent | undefined }[];
  readonly notes: readonly {
    id: string;
    kind: StoredNote['kind'];
    agency: string | null;
    staffId: string;
    createdAt: number;
    text: string | undefined;
  }[];
}

const base = '/staff/queue/api';

export const fetchQueue = (view: QueueView) => staffFetch(`${base}/conversations?view=${view}`) as Promise<QueueAnswer>;

export async function fetchConversation(id: string, keys: TeamKeys): Promise<OpenedDetail> {
  const detail = (await staffFetch(`${base}/conversations/${encodeURIComponent(id)}`)) as DetailAnswer;
  const keyOf = (version: number) => keys.privateKeys.get(version);
  const open = async <T>(kind: 'message' | 'share', item: StoredMessage | StoredShare): Promise<T | undefined> => {
    const key = keyOf(item.teamKeyVersion);
    return key ? openContent<T>(kind, id, item, key, 'team').catch(() => undefined) : undefined;
  };
  const openNote = async (version: number | null, sealed: string | null) => {
    const key = version === null ? undefined : keyOf(version);
    return key && sealed ? openForTeam(key, id, sealed).catch(() => undefined) : undefined;
  };
  return {
    ...detail,
    currentTeamKeyVersion: detail.teamKey?.version ?? null,
    riskReason: await openNote(detail.riskTeamKeyVersion, detail.riskReason),
    messages: await Promise.all(
      detail.messages.map(async (m) => ({
        id: m.id,
        author: m.author,
        createdAt: m.createdAt,
        content: await open<MessageContent>('message', m),
      })),
    ),
    shares: await Promise.all(
      detail.shares.map(async (s) => ({ id: s.id, createdAt: s.createdAt, content: await open<ShareContent>('share', s) })),
    ),
    notes: await Promise.all(
      detail.notes.map(async (n) => ({
        id: n.id,
        kind: n.kind,
        agency: n.agency,
        staffId: n.staffId,
        createdAt: n.createdAt,
        text: await openNote(n.teamKeyVersion, n.sealed),
      })),
    ),
  };
}

export async function sendReply(detail: OpenedDetail, keys: TeamKeys, text: string): Promise<void> {
  const id = crypto.randomUUID();
  const sealed = await sealContent(
    'message',
    detail.id,
    id,
    { text },
    { teamKeyVersion: keys.version, teamPublicKey: keys.publicKey, personPublicKey: base64urlDecode(detail.personPublicKey) },
  );
  await staffFetch(`${base}/conversations/${detail.id}/messages`, { method: 'POST', body: JSON.stringify(sealed) });
}

const post = (path: string, body: unknown, method = 'POST') =>
  staffFetch(`${base}/conversations/${path}`, { method, body: JSON.stringify(body) });

export const assign = (id: string, to: string | null) => post(`${id}/assign`, { to });
export const setStatus = (id: string, status: 'open' | 'waiting' | 'closed') => post(`${id}/status`, { status });

export async function addNote(id: string, keys: TeamKeys, text: string): Promise<void> {
  await post(`${id}/notes`, { teamKeyVersion: keys.version, sealed: await sealForTeam(keys.publicKey, id, text) });
}

export async function addReferral(id: string, keys: TeamKeys, agency: string, reason: string): Promise<void> {
  await post(`${id}/referrals`, { agency, teamKeyVersion: keys.version, sealed: await sealForTeam(keys.publicKey, id, reason) });
}

export async function setRisk(id: string, keys: TeamKeys, level: 'none' | 'raised' | 'high', reason: string): Promise<void> {
  const sealed = level === 'none' ? null : await sealForTeam(keys.publicKey, id, reason);
  await post(`${id}/risk`, { level, teamKeyVersion: level === 'none' ? null : keys.version, reason: sealed }, 'PUT');
}

export interface SavedReply {
  readonly id: string;
  readonly title: string;
  readonly body: string;
}

export const fetchSavedReplies = async () => ((await staffFetch(`${base}/saved-replies`)) as { savedReplies: SavedReply[] }).savedReplies;
export const addSavedReply = (title: string, body: string) =>
  staffFetch(`${base}/saved-replies`, { method: 'POST', body: JSON.stringify({ title, body }) });
export const deleteSavedReply = (id: string) => staffFetch(`${base}/saved-replies/${encodeURIComponent(id)}`, { method: 'DELETE' });

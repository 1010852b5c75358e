import type { Envelope } from '../../../crypto/envelope.ts';

// The conversations' records. Rows hold ciphertext, sealed keys and queue state; nothing here sees plaintext and
// nothing needs to.

export type ConversationStatus = 'new' | 'open' | 'waiting' | 'closed';
export type QueueView = 'new' | 'mine' | 'waiting' | 'closed';
export type RiskLevel = 'raised' | 'high';
export type Author = 'person' | 'staff';
/** The language a person writes in: the language of the page they write from. */
export type PersonLanguage = 'en' | 'cy';

export interface Conversation {
  id: string;
  personPublicKey: string;
  status: ConversationStatus;
  assignedTo: string | null;
  riskLevel: RiskLevel | null;
  riskReason: string | null;
  riskTeamKeyVersion: number | null;
  createdAt: number;
  updatedAt: number;
  lastPersonAt: number | null;
  lastStaffAt: number | null;
  language: PersonLanguage;
}

/** A message or a share as it travels: ciphertext plus the content key sealed to each side. */
export interface SealedContent {
  teamKeyVersion: number;
  body: Envelope;
  keyTeam: string;
  keyPerson: string;
}

export interface Message extends SealedContent {
  id: string;
  conversationId: string;
  author: Author;
  staffId: string | null;
  createdAt: number;
}

export interface Share extends SealedContent {
  id: string;
  createdAt: number;
}

export interface Note {
  id: string;
  staffId: string;
  kind: 'note' | 'referral' | 'risk';
  agency: string | null;
  teamKeyVersion: number;
  sealed: string;
  createdAt: number;
}

export interface SavedReply {
  id: string;
  title: string;
  body: string;
  createdBy: string;
  createdAt: number;
}

export interface TeamKey {
  version: number;
  publicKey: string;
}

export type Row = Record<string, unknown>;

export function toConversation(row: Row): Conversation {
  return {
    id: row.id as string,
    personPublicKey: row.person_public_key as string,
    status: row.status as ConversationStatus,
    assignedTo: (row.assigned_to as string | null) ?? null,
    riskLevel: (row.risk_level as RiskLevel | null) ?? null,
    riskReason: (row.risk_reason as string | null) ?? null,
    riskTeamKeyVersion: (row.risk_team_key_version as number | null) ?? null,
    createdAt: row.created_at as number,
    updatedAt: row.updated_at as number,
    lastPersonAt: (row.last_person_at as number | null) ?? null,
    lastStaffAt: (row.last_staff_at as number | null) ?? null,
    language: row.language === 'cy' ? 'cy' : 'en',
  };
}

/** A unique-key violation, in either dialect: the row (a message id chosen by the browser) already exists. */
export function isDuplicate(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || /UNIQUE constraint failed/.test(e?.message ?? '');
}

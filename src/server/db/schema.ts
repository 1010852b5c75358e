import type { ColumnType } from 'kysely';

// The tables Kysely knows about. Each migration that adds a table adds its interface here.
export interface ServiceMetaTable {
  key: string;
  value: string;
}

// Vault tables (migrations 0002–0005). `Int8` is a bigint column: PostgreSQL's int8 is read as a number (db/database.ts).
export type Int8 = ColumnType<number, number, number>;

export interface VaultAccountsTable {
  id: string;
  username: string;
  auth_hash: Uint8Array;
  auth_salt: Uint8Array;
  auth_params: string;
  recovery_hash: Uint8Array;
  recovery_salt: Uint8Array;
  recovery_params: string;
  kdf_version: number;
  kdf_salt: string;
  wrapped_key_passphrase: string;
  wrapped_key_recovery: string;
  created_at: Int8;
}

export interface VaultSessionsTable {
  id_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: Int8;
  last_seen_at: Int8;
  expires_at: Int8;
}

export interface VaultRecoveryTokensTable {
  token_hash: string;
  account_id: string;
  expires_at: Int8;
}

export interface VaultSignInsTable {
  id: string;
  account_id: string;
  at: Int8;
  device: string;
  succeeded: number;
}

export interface VaultRateLimitsTable {
  key: string;
  window_start: Int8;
  count: number;
  failures: ColumnType<number, number | undefined, number>;
  locked_until: ColumnType<number, number | undefined, number>;
}

export interface VaultItemsTable {
  account_id: string;
  item_id: string;
  version: number;
  deleted: number;
  seq: Int8;
  updated_at: Int8;
}

export interface VaultItemVersionsTable {
  account_id: string;
  item_id: string;
  version: number;
  deleted: number;
  envelope: Uint8Array | null;
  stored_size: number;
  commitment: Uint8Array;
  leaf_index: Int8;
  created_at: Int8;
}

export interface VaultAttachmentsTable {
  id: string;
  account_id: string;
  chunk_count: number;
  size: Int8;
  header: string;
  metadata: string;
  created_at: Int8;
  completed_at: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface VaultAttachmentChunksTable {
  attachment_id: string;
  idx: number;
  size: number;
  received_at: Int8;
}

export interface VaultLogStateTable {
  id: number;
  tree_size: Int8;
  updated_at: Int8;
}

export interface VaultLogLeavesTable {
  leaf_index: Int8;
  leaf_hash: Uint8Array;
  timestamp: Int8;
  log_id: string;
  signature: Uint8Array;
}

export interface VaultLogNodesTable {
  level: number;
  idx: Int8;
  hash: Uint8Array;
}

export interface VaultTreeHeadsTable {
  id: string;
  tree_size: Int8;
  root_hash: Uint8Array;
  timestamp: Int8;
  log_id: string;
  signature: Uint8Array;
}

// Staff workspace tables (migration 0006, docs/staff.md).
export interface StaffAccountsTable {
  id: string;
  sign_in_name: string;
  display_name: string;
  /** Sorted, comma-separated set of roles. */
  roles: string;
  status: 'pending' | 'active' | 'disabled';
  created_at: Int8;
  created_by: string | null;
  updated_at: Int8;
}

export interface StaffPasswordsTable {
  staff_id: string;
  auth_hash: Uint8Array;
  auth_salt: Uint8Array;
  auth_params: string;
  kdf_version: number;
  kdf_salt: string;
  totp_secret: string;
  totp_last_step: ColumnType<number, number | undefined, number>;
  updated_at: Int8;
}

export interface StaffPasskeysTable {
  credential_id: string;
  staff_id: string;
  public_key: Uint8Array;
  counter: Int8;
  transports: string;
  name: string;
  created_at: Int8;
  last_used_at: Int8 | null;
}

export interface StaffSessionsTable {
  id_hash: string;
  staff_id: string;
  csrf_token: string;
  method: 'passkey' | 'password';
  created_at: Int8;
  last_seen_at: Int8;
  expires_at: Int8;
}

export interface StaffSetupCodesTable {
  code_hash: string;
  staff_id: string;
  expires_at: Int8;
}

export interface StaffChallengesTable {
  id: string;
  challenge: string;
  purpose: string;
  staff_id: string | null;
  expires_at: Int8;
}

export interface StaffMemberKeysTable {
  staff_id: string;
  public_key: string;
  wrapped_private_key: string;
  kdf_version: number;
  kdf_salt: string;
  created_at: Int8;
}

export interface StaffTeamKeysTable {
  version: number;
  public_key: string;
  sealed_previous: string | null;
  created_at: Int8;
  created_by: string;
}

export interface StaffTeamKeyGrantsTable {
  version: number;
  staff_id: string;
  sealed_key: string;
  granted_by: string;
  created_at: Int8;
}

export interface AuditLogTable {
  id: Int8;
  at: Int8;
  staff_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  /** Canonical JSON; never personal content. */
  detail: string;
  prev_hash: string;
  hash: string;
}

// Conversations with the helpline (migration 0007): ciphertext, sealed keys and queue state only.
export interface TalkConversationsTable {
  id: string;
  token_hash: string;
  person_public_key: string;
  status: string;
  assigned_to: string | null;
  risk_level: string | null;
  risk_reason: string | null;
  risk_team_key_version: number | null;
  created_at: Int8;
  updated_at: Int8;
  last_person_at: Int8 | null;
  last_staff_at: Int8 | null;
  /** 'en' or 'cy': the language of the page the person last wrote from. */
  language: string;
}

export interface TalkMessagesTable {
  id: string;
  conversation_id: string;
  author: string;
  staff_id: string | null;
  team_key_version: number;
  body: string;
  key_team: string;
  key_person: string;
  size: number;
  created_at: Int8;
}

export interface TalkSharesTable {
  id: string;
  conversation_id: string;
  team_key_version: number;
  body: string;
  key_team: string;
  key_person: string;
  size: number;
  created_at: Int8;
}

export interface TalkNotesTable {
  id: string;
  conversation_id: string;
  staff_id: string;
  kind: string;
  agency: string | null;
  team_key_version: number;
  sealed: string;
  created_at: Int8;
}

export interface TalkSavedRepliesTable {
  id: string;
  title: string;
  body: string;
  created_by: string;
  created_at: Int8;
}

export interface Schema {
  service_meta: ServiceMetaTable;
  vault_accounts: VaultAccountsTable;
  vault_sessions: VaultSessionsTable;
  vault_recovery_tokens: VaultRecoveryTokensTable;
  vault_sign_ins: VaultSignInsTable;
  vault_rate_limits: VaultRateLimitsTable;
  vault_items: VaultItemsTable;
  vault_item_versions: VaultItemVersionsTable;
  vault_attachments: VaultAttachmentsTable;
  vault_attachment_chunks: VaultAttachmentChunksTable;
  vault_log_state: VaultLogStateTable;
  vault_log_leaves: VaultLogLeavesTable;
  vault_log_nodes: VaultLogNodesTable;
  vault_tree_heads: VaultTreeHeadsTable;
  staff_accounts: StaffAccountsTable;
  staff_passwords: StaffPasswordsTable;
  staff_passkeys: StaffPasskeysTable;
  staff_sessions: StaffSessionsTable;
  staff_setup_codes: StaffSetupCodesTable;
  staff_challenges: StaffChallengesTable;
  staff_member_keys: StaffMemberKeysTable;
  staff_team_keys: StaffTeamKeysTable;
  staff_team_key_grants: StaffTeamKeyGrantsTable;
  audit_log: AuditLogTable;
  talk_conversations: TalkConversationsTable;
  talk_messages: TalkMessagesTable;
  talk_shares: TalkSharesTable;
  talk_notes: TalkNotesTable;
  talk_saved_replies: TalkSavedRepliesTable;
  forum_members: ForumMembersTable;
  forum_boards: ForumBoardsTable;
  forum_topics: ForumTopicsTable;
  forum_posts: ForumPostsTable;
  forum_images: ForumImagesTable;
  forum_flags: ForumFlagsTable;
  forum_follows: ForumFollowsTable;
  forum_reads: ForumReadsTable;
  forum_notifications: ForumNotificationsTable;
  forum_filters: ForumFiltersTable;
  training_events: TrainingEventsTable;
  training_bookings: TrainingBookingsTable;
  training_campaigns: TrainingCampaignsTable;
}

// Forums (migration 0008). Serial ids are integers on both databases; Generated marks the ones the database fills.
type Serial = ColumnType<number, never, never>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface ForumMembersTable {
  id: string;
  account_id: string;
  name: string;
  name_key: string;
  professional_status: Defaulted<string>;
  professional_role: Nullable<string>;
  professional_note: Nullable<string>;
  status: Defaulted<string>;
  suspended_until: Nullable<number>;
  approved_posts: Defaulted<number>;
  joined_at: Int8;
  last_visit_at: Int8;
  previous_visit_at: Int8;
}

export interface ForumBoardsTable {
  id: string;
  forum: string;
  title: string;
  description: string;
  position: number;
}

export interface ForumTopicsTable {
  id: Serial;
  board_id: string;
  member_id: string;
  title: string;
  status: string;
  created_at: Int8;
  last_post_at: Int8;
  reply_count: Defaulted<number>;
  version: Defaulted<number>;
}

export interface ForumPostsTable {
  id: Serial;
  topic_id: number;
  member_id: string;
  is_opening: number;
  body: string;
  body_html: string;
  search_text: string;
  status: string;
  priority: Defaulted<number>;
  crisis: Nullable<string>;
  held_reason: Nullable<string>;
  created_at: Int8;
  edited_at: Nullable<number>;
  moderator_note: Nullable<string>;
  removal_reason: Nullable<string>;
}

export interface ForumImagesTable {
  id: string;
  post_id: number;
  type: string;
  width: number;
  height: number;
  bytes: Uint8Array;
  created_at: Int8;
}

export interface ForumFlagsTable {
  id: Serial;
  post_id: number;
  member_id: string;
  reason: string;
  detail: Nullable<string>;
  created_at: Int8;
  resolved_at: Nullable<number>;
}

export interface ForumFollowsTable {
  member_id: string;
  topic_id: number;
}

export interface ForumReadsTable {
  member_id: string;
  topic_id: number;
  read_at: Int8;
}

export interface ForumNotificationsTable {
  id: Serial;
  member_id: string;
  kind: string;
  topic_id: Nullable<number>;
  post_id: Nullable<number>;
  detail: Nullable<string>;
  created_at: Int8;
  read_at: Nullable<number>;
}

export interface ForumFiltersTable {
  id: Serial;
  kind: string;
  pattern: string;
  created_by: Nullable<string>;
  created_at: Int8;
}

// Training and events (migration 0009).
export interface TrainingEventsTable {
  id: Serial;
  status: string;
  title: string;
  summary: string;
  /** Comma-separated audience ids. */
  audiences: string;
  topic: string;
  format: string;
  region: string | null;
  venue: string;
  joining_url: string;
  starts_at: Int8;
  ends_at: Int8;
  agenda: string;
  speakers: string;
  cpd_tenths: number;
  price_pence: number;
  capacity: number;
  accessibility: string;
  materials: string;
  booked_count: Defaulted<number>;
  waiting_count: Defaulted<number>;
  next_seq: Defaulted<number>;
  version: Defaulted<number>;
  anonymised_at: Nullable<number>;
  created_at: Int8;
  updated_at: Int8;
}

export interface TrainingBookingsTable {
  id: Serial;
  event_id: number;
  seq: number;
  reference: string;
  token_hash: Nullable<string>;
  status: string;
  name: string;
  organisation: string;
  role: string;
  email: Nullable<string>;
  phone: Nullable<string>;
  access_needs: Nullable<string>;
  attended: Defaulted<number>;
  certificate_code: Nullable<string>;
  certificate_issued_at: Nullable<number>;
  promoted_at: Nullable<number>;
  cancelled_at: Nullable<number>;
  version: Defaulted<number>;
  created_at: Int8;
  updated_at: Int8;
  anonymised_at: Nullable<number>;
}

export interface TrainingCampaignsTable {
  id: Serial;
  title: string;
  message: string;
  link_url: string;
  starts_at: Int8;
  ends_at: Int8;
  created_at: Int8;
  updated_at: Int8;
}

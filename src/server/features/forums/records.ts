import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema.ts';

/** The forums' records as the routes see them, and the row mapping every repository module shares. */

export type Db = Kysely<Schema> | Transaction<Schema>;

export type Forum = 'victims' | 'professionals';
export type PostStatus = 'held' | 'published' | 'hidden' | 'removed';
export type ProfessionalRole = 'police' | 'idva' | 'solicitor' | 'support_worker';

export const PROFESSIONAL_ROLES: Record<ProfessionalRole, string> = {
  police: 'Police',
  idva: 'IDVA',
  solicitor: 'Solicitor',
  support_worker: 'Support worker',
};

export interface Member {
  id: string;
  accountId: string;
  name: string;
  professionalStatus: 'none' | 'pending' | 'approved' | 'refused';
  professionalRole: ProfessionalRole | null;
  professionalNote: string | null;
  status: 'active' | 'suspended' | 'banned';
  suspendedUntil: number | null;
  approvedPosts: number;
  joinedAt: number;
  lastVisitAt: number;
  previousVisitAt: number;
}

export interface Board {
  id: string;
  forum: Forum;
  title: string;
  description: string;
}

export interface Topic {
  id: number;
  boardId: string;
  memberId: string;
  title: string;
  status: PostStatus;
  createdAt: number;
  lastPostAt: number;
  replyCount: number;
  version: number;
}

export interface Post {
  id: number;
  topicId: number;
  memberId: string;
  isOpening: boolean;
  body: string;
  bodyHtml: string;
  status: PostStatus;
  priority: number;
  crisis: string | null;
  heldReason: string | null;
  createdAt: number;
  editedAt: number | null;
  moderatorNote: string | null;
  removalReason: string | null;
}

/** A post as readers see it: with its author's forum name and, in the professionals' forum, their role. */
export interface PostView extends Post {
  authorName: string;
  authorRole: string | null;
  images: { id: string; width: number; height: number }[];
}

export interface NewPost {
  member: Member;
  body: string;
  bodyHtml: string;
  searchText: string;
  status: 'held' | 'published';
  priority: number;
  crisis: string | null;
  heldReason: string | null;
  images: { type: string; width: number; height: number; bytes: Uint8Array }[];
}

/**
 * What a write changed, told once it is committed: a topic (its state, version or posts) or a member (standing,
 * professional role, membership). The topic view cache forgets what it kept about them (topic-view-cache.ts).
 */
export type ForumChange = { topicId: number } | { memberId: string };
export type Changed = (change: ForumChange) => void;

export type Row = Record<string, unknown>;

export function toMember(row: Row): Member {
  return {
    id: row.id as string,
    accountId: row.account_id as string,
    name: row.name as string,
    professionalStatus: row.professional_status as Member['professionalStatus'],
    professionalRole: (row.professional_role as ProfessionalRole | null) ?? null,
    professionalNote: (row.professional_note as string | null) ?? null,
    status: row.status as Member['status'],
    suspendedUntil: (row.suspended_until as number | null) ?? null,
    approvedPosts: row.approved_posts as number,
    joinedAt: row.joined_at as number,
    lastVisitAt: row.last_visit_at as number,
    previousVisitAt: row.previous_visit_at as number,
  };
}

export function toTopic(row: Row): Topic {
  return {
    id: row.id as number,
    boardId: row.board_id as string,
    memberId: row.member_id as string,
    title: row.title as string,
    status: row.status as PostStatus,
    createdAt: row.created_at as number,
    lastPostAt: row.last_post_at as number,
    replyCount: row.reply_count as number,
    version: row.version as number,
  };
}

export function toPost(row: Row): Post {
  return {
    id: row.id as number,
    topicId: row.topic_id as number,
    memberId: row.member_id as string,
    isOpening: Boolean(row.is_opening),
    body: row.body as string,
    bodyHtml: row.body_html as string,
    status: row.status as PostStatus,
    priority: row.priority as number,
    crisis: (row.crisis as string | null) ?? null,
    heldReason: (row.held_reason as string | null) ?? null,
    createdAt: row.created_at as number,
    editedAt: (row.edited_at as number | null) ?? null,
    moderatorNote: (row.moderator_note as string | null) ?? null,
    removalReason: (row.removal_reason as string | null) ?? null,
  };
}

export const POST_COLUMNS = [
  'forum_posts.id',
  'forum_posts.topic_id',
  'forum_posts.member_id',
  'forum_posts.is_opening',
  'forum_posts.body',
  'forum_posts.body_html',
  'forum_posts.status',
  'forum_posts.priority',
  'forum_posts.crisis',
  'forum_posts.held_reason',
  'forum_posts.created_at',
  'forum_posts.edited_at',
  'forum_posts.moderator_note',
  'forum_posts.removal_reason',
] as const;

import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendDynamicPage } from '../../http/html.ts';
import type { Services } from '../../services.ts';
import type { VaultServices } from '../vault/index.ts';
import { csrfOk, isSuspended, type Reader, readerOf } from './member-session.ts';
import type { MembershipRepository } from './membership-repository.ts';
import type { ReadingRepository } from './reading-repository.ts';
import type { Board, Forum, Member } from './records.ts';

export const FORUMS_PATH = '/forums';
export const HOUSE_RULES_PATH = '/talk/forum-house-rules';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});
export const formatWhen = (ms: number) => dateTime.format(new Date(ms));

/** A form field as text (a missing or non-text field is empty), cut to `max`. */
export const text = (body: unknown, key: string, max = 100_000) => {
  const value = (body as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value.slice(0, max) : '';
};

/** A keyset value from the address, or undefined when it is not one. */
export const keyOf = (value: string | undefined) => (value && /^[0-9]{1,15}$/.test(value) ? Number(value) : undefined);

export type MemberReader = Reader & { member: Member };

export interface ForumPagesOptions {
  views: Services['views'];
  clock: () => number;
  vault: VaultServices;
  members: Pick<MembershipRepository, 'memberByAccount'>;
  reading: Pick<ReadingRepository, 'boards' | 'postView' | 'topicForReader'>;
}

/**
 * What every members' page shares: rendering with the forums' neutral title, the standard refusals, who the
 * member is (or the reply that says why not), and the checks on reading a board, a topic or a post.
 */
export function createForumPages({ views, clock, vault, members, reading }: ForumPagesOptions) {
  let boardList: Board[] | undefined;
  const boards = async () => (boardList ??= await reading.boards());
  const boardById = async (id: string) => (await boards()).find((b) => b.id === id);

  const canRead = (member: Member, forum: Forum) => forum === 'victims' || member.professionalStatus === 'approved';
  const forumsFor = (member: Member): Forum[] => (member.professionalStatus === 'approved' ? ['victims', 'professionals'] : ['victims']);

  const pageContext = { pageTitle: 'Forums', noindex: true, currentSection: 'talk', houseRulesPath: HOUSE_RULES_PATH, formatWhen };
  const render = (reply: FastifyReply, template: string, context: Record<string, unknown>, status = 200) =>
    sendDynamicPage(reply, views.render(`forums/${template}.njk`, { ...pageContext, ...context }), status);

  const message = (reply: FastifyReply, heading: string, paragraphs: string[], status = 200, back?: string) =>
    render(reply, 'message', { heading, paragraphs, ...(back ? { back } : {}) }, status);
  const notFound = (reply: FastifyReply) =>
    message(reply, 'Page not found', ['This post or topic is not there. It may have been deleted or moved.'], 404);
  const forbidden = (reply: FastifyReply, paragraphs: string[]) => message(reply, 'You cannot do that', paragraphs, 403);
  const csrfFailed = (reply: FastifyReply) =>
    message(reply, 'This form has expired', ['Go back, reload the page and try again. Nothing was changed.'], 403);
  const professionalsOnly = (reply: FastifyReply) =>
    forbidden(reply, [
      'The professionals’ forum is for police officers, IDVAs, solicitors and support workers whose role a moderator has checked.',
      `If that is you, ask for access from the forums page.`,
    ]);

  const readerOfRequest = (request: FastifyRequest) => readerOf(request, vault, members);

  /**
   * The member behind a request, or a reply already sent: the sign-in explanation when signed out, the
   * sign-up page when not yet a member, a notice when banned. `write` also checks the CSRF token.
   */
  async function memberOr(request: FastifyRequest, reply: FastifyReply, write = false): Promise<MemberReader | undefined> {
    const reader = await readerOfRequest(request);
    if (!reader) {
      if (request.method === 'GET') await render(reply, 'signed-out', { hideForumNav: true }, 401);
      else await message(reply, 'You are signed out', ['Sign in to Casebook again, then go back to the forums. Nothing was posted.'], 401);
      return undefined;
    }
    if (write && !csrfOk(request, reader.session)) {
      await csrfFailed(reply);
      return undefined;
    }
    if (!reader.member) {
      await reply.redirect(FORUMS_PATH, 303);
      return undefined;
    }
    if (reader.member.status === 'banned') {
      await message(
        reply,
        'Your forum membership has ended',
        [
          'A moderator has closed your forum membership because of a serious breach of the house rules. Your Casebook record is not affected.',
        ],
        403,
      );
      return undefined;
    }
    return reader as MemberReader;
  }

  const canWrite = (reply: FastifyReply, member: Member) => {
    if (!isSuspended(member, clock())) return true;
    void forbidden(reply, [
      `A moderator has paused your posting${member.suspendedUntil ? ` until ${formatWhen(member.suspendedUntil)}` : ''}. You can still read the forums.`,
      'Look at your notifications for the reason.',
    ]);
    return false;
  };

  /** A published topic this member may read, or a reply already sent. */
  async function topicForWriting(reply: FastifyReply, reader: MemberReader, id: number) {
    const found = await reading.topicForReader(id, reader.member.id);
    if (found?.topic.status !== 'published') {
      await notFound(reply);
      return undefined;
    }
    if (!canRead(reader.member, found.forum)) {
      await professionalsOnly(reply);
      return undefined;
    }
    return found;
  }

  /** A post this member may see (any of their own; others' when published), or a reply already sent. */
  async function postFor(reply: FastifyReply, reader: MemberReader, id: number, ownOnly: boolean) {
    const post = await reading.postView(id);
    const topic = post ? await reading.topicForReader(post.topicId, reader.member.id) : undefined;
    const own = post?.memberId === reader.member.id;
    if (!post || !topic || (!own && (post.status !== 'published' || topic.topic.status !== 'published'))) {
      await notFound(reply);
      return undefined;
    }
    if (!canRead(reader.member, topic.forum)) {
      await professionalsOnly(reply);
      return undefined;
    }
    if (ownOnly && !own) {
      await forbidden(reply, ['You can only change or delete your own posts. If a post worries you, report it to the moderators.']);
      return undefined;
    }
    return { post, topic: topic.topic, forum: topic.forum, own };
  }

  return {
    pageContext,
    render,
    message,
    notFound,
    forbidden,
    csrfFailed,
    professionalsOnly,
    readerOf: readerOfRequest,
    memberOr,
    canWrite,
    canRead,
    forumsFor,
    boards,
    boardById,
    topicForWriting,
    postFor,
  };
}

export type ForumPages = ReturnType<typeof createForumPages>;

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Catalogue } from '../../../domain/content-parity/index.ts';
import { dateTimeFormatter } from '../../../domain/messages/date-time.ts';
import { fill } from '../../../domain/messages/fill.ts';
import { sendDynamicPage } from '../../http/html.ts';
import type { Services } from '../../services.ts';
import { isEnglishOnly } from '../../setup/english-only.ts';
import { type Language, loadMessages } from '../../setup/messages.ts';
import { languageLinksOf } from '../guidance/index.ts';
import type { VaultServices } from '../vault/index.ts';
import { csrfOk, isSuspended, type Reader, readerOf } from './member-session.ts';
import type { MembershipRepository } from './membership-repository.ts';
import type { ReadingRepository } from './reading-repository.ts';
import type { Board, Forum, Member, ProfessionalRole } from './records.ts';

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

/** The forums' words, every language (content/messages/forums): read once, a missing key stops start-up. */
const WORDS = loadMessages('forums');
/** The words the code says itself (templates read the rest as `t.forums`); loadMessages has checked every key is there. */
export type ForumWords = Readonly<
  Record<
    | 'agreeError'
    | 'badAddressText'
    | 'deletedText'
    | 'banned'
    | 'bannedText'
    | 'expired'
    | 'expiredText'
    | 'failed'
    | 'failedText'
    | 'forbidden'
    | 'left'
    | 'leftText'
    | 'leaveError'
    | 'nameError'
    | 'nameTaken'
    | 'notFound'
    | 'notFoundText'
    | 'notifyProfessionalApproved'
    | 'notifyProfessionalRefused'
    | 'ownPostsOnly'
    | 'pageTitle'
    | 'paused'
    | 'pausedReason'
    | 'pausedUntil'
    | 'postDeleted'
    | 'proNoteError'
    | 'proRoleError'
    | 'professionalsOnly'
    | 'professionalsOnlyAsk'
    | 'removedNoChange'
    | 'reportDetailError'
    | 'reportReasonError'
    | 'reportThanks'
    | 'reportThanksText'
    | 'reportWait'
    | 'reportWaitText'
    | 'signedOut'
    | 'signedOutText'
    | 'tooLong'
    | 'topicDeleted'
    | 'tooLongText'
    | 'unreadable'
    | 'unreadableText'
    | 'wait'
    | 'waitText',
    string
  >
> &
  Readonly<Record<string, string | undefined>> & { dates: Catalogue };
/** The catalogue's lists and plural phrases the code reads. */
export interface ForumLists {
  /** Why a member reports a post, by the code the form sends. */
  reasons: Readonly<Record<string, string>>;
  roles: Readonly<Record<ProfessionalRole, string>>;
  notifySuspended: Catalogue;
}

/** Where the forums live in a language: /forums, /cy/forums. The language is in the address only. */
export const forumsPathOf = (language: Language) => (language === 'en' ? FORUMS_PATH : `/${language}${FORUMS_PATH}`);

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
  language: Language;
}

/**
 * What every members' page shares: rendering with the forums' neutral title, the standard refusals, who the
 * member is (or the reply that says why not), and the checks on reading a board, a topic or a post.
 */
export function createForumPages({ views, clock, vault, members, reading, language }: ForumPagesOptions) {
  const base = forumsPathOf(language);
  const words = WORDS[language] as unknown as ForumWords;
  const lists = WORDS[language] as unknown as ForumLists;
  const when = language === 'en' ? formatWhen : dateTimeFormatter(words.dates as never, language);
  /** hreflang alternates and the Language navigation: the same address in the other language (none for pages English only). */
  const languagesOf = (url: string) => {
    const english = language === 'en' ? url : url.slice(`/${language}`.length);
    if (isEnglishOnly(english.split(/[?#]/, 1)[0]!)) return {};
    return languageLinksOf(
      [
        { language: 'en', href: english },
        { language: 'cy', href: `/cy${english}` },
      ],
      language,
    );
  };
  let boardList: Board[] | undefined;
  const boards = async () => (boardList ??= await reading.boards());
  const boardById = async (id: string) => (await boards()).find((b) => b.id === id);

  const canRead = (member: Member, forum: Forum) => forum === 'victims' || member.professionalStatus === 'approved';
  const forumsFor = (member: Member): Forum[] => (member.professionalStatus === 'approved' ? ['victims', 'professionals'] : ['victims']);

  const pageContext = {
    pageTitle: words.pageTitle,
    noindex: true,
    currentSection: 'talk',
    houseRulesPath: language === 'en' ? HOUSE_RULES_PATH : `/${language}${HOUSE_RULES_PATH}`,
    formatWhen: when,
    base,
    ...(language === 'en' ? {} : { lang: language }),
  };
  const render = (reply: FastifyReply, template: string, context: Record<string, unknown>, status = 200) =>
    sendDynamicPage(
      reply,
      views.render(`forums/${template}.njk`, { ...pageContext, ...languagesOf(reply.request.url), ...context }),
      status,
    );

  const message = (reply: FastifyReply, heading: string, paragraphs: string[], status = 200, back?: string) =>
    render(reply, 'message', { heading, paragraphs, ...(back ? { back } : {}) }, status);
  const notFound = (reply: FastifyReply) => message(reply, words.notFound, [words.notFoundText], 404);
  const forbidden = (reply: FastifyReply, paragraphs: string[]) => message(reply, words.forbidden, paragraphs, 403);
  const csrfFailed = (reply: FastifyReply) => message(reply, words.expired, [words.expiredText], 403);
  const professionalsOnly = (reply: FastifyReply) => forbidden(reply, [words.professionalsOnly, words.professionalsOnlyAsk]);

  const readerOfRequest = (request: FastifyRequest) => readerOf(request, vault, members);

  /**
   * The member behind a request, or a reply already sent: the sign-in explanation when signed out, the
   * sign-up page when not yet a member, a notice when banned. `write` also checks the CSRF token.
   */
  async function memberOr(request: FastifyRequest, reply: FastifyReply, write = false): Promise<MemberReader | undefined> {
    const reader = await readerOfRequest(request);
    if (!reader) {
      if (request.method === 'GET') await render(reply, 'signed-out', { hideForumNav: true }, 401);
      else await message(reply, words.signedOut, [words.signedOutText], 401);
      return undefined;
    }
    if (write && !csrfOk(request, reader.session)) {
      await csrfFailed(reply);
      return undefined;
    }
    if (!reader.member) {
      await reply.redirect(base, 303);
      return undefined;
    }
    if (reader.member.status === 'banned') {
      await message(reply, words.banned, [words.bannedText], 403);
      return undefined;
    }
    return reader as MemberReader;
  }

  const canWrite = (reply: FastifyReply, member: Member) => {
    if (!isSuspended(member, clock())) return true;
    void forbidden(reply, [
      member.suspendedUntil ? fill(words.pausedUntil, { until: when(member.suspendedUntil) }) : words.paused,
      words.pausedReason,
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
      await forbidden(reply, [words.ownPostsOnly]);
      return undefined;
    }
    return { post, topic: topic.topic, forum: topic.forum, own };
  }

  return {
    language,
    base,
    words,
    lists,
    languagesOf,
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

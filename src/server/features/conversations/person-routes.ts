import type { FastifyRequest } from 'fastify';
import { base64urlDecode } from '../../../crypto/encoding.ts';
import type { TypedApp } from '../../http/typed-routes.ts';
import { VaultError } from '../../shared/errors.ts';
import { conversationJson, messageJson, shareJson, type TalkContext } from './context.ts';
import { type Conversation, isDuplicate, type PersonLanguage, type SealedContent } from './records.ts';
import { messageBody, shareBody, shareParams, startBody } from './schemas.ts';

// The person's side (docs/messaging.md). A conversation is reached only through the access token the browser
// derives from the conversation code, sent as `Authorization: Bearer …` on each request: there is no id to guess
// and no cookie for another site to ride on. The server keeps an HMAC of the token, never the token.

export const LIMITS = {
  // Generous: a refuge, a library or a college may put many people behind one address.
  startsPerAddress: { max: 20, windowMs: 60 * 60_000 },
  unknownCodesPerAddress: { max: 20, windowMs: 15 * 60_000 },
  messagesPerConversation: { max: 30, windowMs: 10 * 60_000 },
  sharesPerConversation: { max: 30, windowMs: 10 * 60_000 },
  maxMessagesPerConversation: 5_000,
  maxSharesPerConversation: 100,
} as const;

const tooMany = (what: string, retryAfterSeconds: number) => new VaultError(429, 'rate_limited', what, { retryAfterSeconds });

export const conversationNotFound = () =>
  new VaultError(404, 'not_found', 'We could not find a conversation for that code. Check each word and try again.');

/**
 * The language the person writes in, from the standard `Content-Language` header the talk page's script sends
 * (the page's own lang: /cy/talk/helpline is Welsh). Anything else is not a language we answer in: English.
 */
export function languageOf(request: FastifyRequest): PersonLanguage {
  return request.headers['content-language']?.trim().toLowerCase() === 'cy' ? 'cy' : 'en';
}

export async function personRoutes(app: TypedApp, { talk }: { talk: TalkContext }): Promise<void> {
  const { repo, vault, live } = talk;
  const now = () => vault.clock();

  /** Counts against a limit, answering with a sentence about this limit rather than the vault's sign-in one. */
  const limit = async (key: string, rule: { max: number; windowMs: number }, message: string) => {
    try {
      await vault.limits.hit(key, rule, now());
    } catch (error) {
      if (error instanceof VaultError && error.statusCode === 429) throw tooMany(message, Number(error.details.retryAfterSeconds ?? 60));
      throw error;
    }
  };
  const addressKey = (purpose: string, request: FastifyRequest) => `${purpose}:${vault.pseudonyms.tag('address', request.ip)}`;
  const tokenHash = (token: Uint8Array) => vault.pseudonyms.tag('talk-token', Buffer.from(token).toString('base64url'));

  /** The conversation whose token the request carries; guessing costs a rate-limited 404 per try. */
  const conversationOf = async (request: FastifyRequest): Promise<Conversation> => {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]{43})$/.exec(header) : null;
    let token: Uint8Array | undefined;
    try {
      token = match ? base64urlDecode(match[1]!) : undefined;
    } catch {
      token = undefined;
    }
    const conversation = token ? await repo.byTokenHash(tokenHash(token)) : undefined;
    if (!conversation) {
      await limit(
        addressKey('talk-unknown', request),
        LIMITS.unknownCodesPerAddress,
        'Too many codes were tried from here. Wait 15 minutes, then try again.',
      );
      throw conversationNotFound();
    }
    return conversation;
  };

  const teamKeyOrRefuse = async (version: number) => {
    const { current, ok } = await repo.checkTeamKey(version, now());
    if (!current) throw new VaultError(503, 'no_team_key', 'The helpline cannot receive messages yet. Please try again later.');
    if (!ok) {
      throw new VaultError(409, 'team_key_changed', 'The helpline’s key has just changed. Your message was not sent: send it again.', {
        teamKey: current,
      });
    }
  };

  app.post('/api/talk/conversations', { schema: { body: startBody } }, async (request, reply) => {
    const { token, publicKey } = request.body as { token: string; publicKey: string };
    await limit(
      addressKey('talk-start', request),
      LIMITS.startsPerAddress,
      'Too many conversations were started from here. Wait an hour, or come back to one you started with its code.',
    );
    const hash = tokenHash(base64urlDecode(token));
    const existing = await repo.byTokenHash(hash);
    // Starting twice with one code (a retry after a lost answer) gives back the same conversation.
    const conversation =
      existing ?? (await repo.create({ tokenHash: hash, personPublicKey: publicKey, now: now(), language: languageOf(request) }));
    if (!existing) await live.publish({ type: 'started', conversationId: conversation.id });
    return reply.code(existing ? 200 : 201).send(await conversationJson(talk, conversation));
  });

  app.get('/api/talk/conversation', async (request) => conversationJson(talk, await conversationOf(request)));

  app.post('/api/talk/conversation/messages', { schema: { body: messageBody }, bodyLimit: 2_200_000 }, async (request, reply) => {
    const conversation = await conversationOf(request);
    const { id, ...content } = request.body as SealedContent & { id: string };
    await limit(
      `talk-messages:${conversation.id}`,
      LIMITS.messagesPerConversation,
      'You have sent a lot of messages in a short time. Wait 10 minutes, then send the rest.',
    );
    if ((await repo.countMessages(conversation.id)) >= LIMITS.maxMessagesPerConversation) {
      throw new VaultError(413, 'conversation_full', 'This conversation is full. Start a new one to keep writing.');
    }
    await teamKeyOrRefuse(content.teamKeyVersion);
    const message = await repo.addMessage(conversation, id, 'person', null, content, now(), languageOf(request)).catch((error: unknown) => {
      throw isDuplicate(error) ? new VaultError(409, 'duplicate', 'That message was already sent.') : error;
    });
    await live.publish({ type: 'message', conversationId: conversation.id, messageId: id });
    return reply.code(201).send(messageJson(message));
  });

  app.post('/api/talk/conversation/shares', { schema: { body: shareBody }, bodyLimit: 1_600_000 }, async (request, reply) => {
    const conversation = await conversationOf(request);
    const { id, ...content } = request.body as SealedContent & { id: string };
    await limit(
      `talk-shares:${conversation.id}`,
      LIMITS.sharesPerConversation,
      'You have shared a lot in a short time. Wait 10 minutes, then share the rest.',
    );
    if ((await repo.countShares(conversation.id)) >= LIMITS.maxSharesPerConversation) {
      throw new VaultError(
        413,
        'too_many_shares',
        `You can share up to ${LIMITS.maxSharesPerConversation} entries. End a share to add another.`,
      );
    }
    await teamKeyOrRefuse(content.teamKeyVersion);
    const share = await repo.addShare(conversation.id, id, content, now()).catch((error: unknown) => {
      throw isDuplicate(error) ? new VaultError(409, 'duplicate', 'That entry was already shared.') : error;
    });
    await live.publish({ type: 'share', conversationId: conversation.id });
    return reply.code(201).send(shareJson(share));
  });

  app.delete('/api/talk/conversation/shares/:shareId', { schema: { params: shareParams } }, async (request, reply) => {
    const conversation = await conversationOf(request);
    const { shareId } = request.params as { shareId: string };
    if (!(await repo.deleteShare(conversation.id, shareId)))
      throw new VaultError(404, 'not_found', 'That shared entry was not found. It may already have been withdrawn.');
    await live.publish({ type: 'share', conversationId: conversation.id });
    return reply.code(204).send();
  });

  app.get('/api/talk/conversation/events', async (request, reply) => {
    const conversation = await conversationOf(request);
    live.person(request, reply, conversation.id);
  });
}

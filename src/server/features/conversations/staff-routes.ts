import type { FastifyRequest } from 'fastify';
import type { TypedApp } from '../../http/typed-routes.ts';
import type { Services } from '../../services.ts';
import { VaultError } from '../../shared/errors.ts';
import { requireStaff, staffPage } from '../staff/index.ts';
import { conversationJson, messageJson, noteJson, queueRowJson, type TalkContext } from './context.ts';
import { type Conversation, type ConversationStatus, isDuplicate, type QueueView, type RiskLevel, type SealedContent } from './records.ts';
import { assignBody, idParams, messageBody, noteBody, queueQuery, referralBody, riskBody, savedReplyBody, statusBody } from './schemas.ts';

// The helpline's side, under /staff/queue (docs/messaging.md). Caseworkers and supervisors only; every action on
// a conversation, reading included, goes to the audit log with ids and chosen codes, never content.

const notFound = () => new VaultError(404, 'not_found', 'That conversation was not found.');

export type StaffQueueDeps = Pick<Services, 'audit' | 'clock' | 'views'>;

export async function staffQueueRoutes(app: TypedApp, { talk, services }: { talk: TalkContext; services: StaffQueueDeps }): Promise<void> {
  const { repo, live } = talk;
  const now = () => services.clock();
  app.addHook('preHandler', requireStaff('caseworker', 'supervisor'));

  const staffId = (request: FastifyRequest) => request.staff!.id;
  const audit = (request: FastifyRequest, action: string, conversationId: string, detail?: Record<string, unknown>) =>
    services.audit.record({
      staffId: staffId(request),
      action: `conversation.${action}`,
      subjectType: 'conversation',
      subjectId: conversationId,
      ...(detail ? { detail } : {}),
    });
  const conversation = async (request: FastifyRequest): Promise<Conversation> => {
    const found = await repo.byId((request.params as { id: string }).id);
    if (!found) throw notFound();
    return found;
  };

  app.get('/staff/queue', async (request, reply) => staffPage(request, reply, services, 'talk/staff-queue.njk', { current: 'queue' }));

  app.get('/staff/queue/api/conversations', { schema: { querystring: queueQuery } }, async (request) => {
    const view = ((request.query as { view?: QueueView }).view ?? 'new') as QueueView;
    const [rows, counts, team] = await Promise.all([repo.queue(view, staffId(request)), repo.counts(staffId(request)), repo.caseworkers()]);
    return { view, counts, conversations: rows.map(queueRowJson), team, me: staffId(request) };
  });

  app.get('/staff/queue/api/conversations/:id', { schema: { params: idParams } }, async (request) => {
    const c = await conversation(request);
    const [person, notes] = await Promise.all([conversationJson(talk, c), repo.notes(c.id)]);
    await audit(request, 'view', c.id);
    return {
      ...queueRowJson(c),
      personPublicKey: c.personPublicKey,
      riskReason: c.riskReason,
      riskTeamKeyVersion: c.riskTeamKeyVersion,
      teamKey: person.teamKey,
      messages: person.messages,
      shares: person.shares,
      notes: notes.map(noteJson),
    };
  });

  app.post(
    '/staff/queue/api/conversations/:id/messages',
    { schema: { params: idParams, body: messageBody }, bodyLimit: 2_200_000 },
    async (request, reply) => {
      const c = await conversation(request);
      const { id, ...content } = request.body as SealedContent & { id: string };
      if (!(await repo.checkTeamKey(content.teamKeyVersion, now())).ok) {
        throw new VaultError(409, 'team_key_changed', 'The team key has changed. Reload the page and send the reply again.');
      }
      const message = await repo.addMessage(c, id, 'staff', staffId(request), content, now()).catch((error: unknown) => {
        throw isDuplicate(error) ? new VaultError(409, 'duplicate', 'That reply was already sent.') : error;
      });
      // Whoever answers an unassigned conversation takes it, so two caseworkers do not answer the same person.
      if (!c.assignedTo) await repo.assign(c.id, staffId(request), now());
      await audit(request, 'reply', c.id, { messageId: id });
      await live.publish({ type: 'message', conversationId: c.id, messageId: id });
      return reply.code(201).send(messageJson(message));
    },
  );

  app.post('/staff/queue/api/conversations/:id/assign', { schema: { params: idParams, body: assignBody } }, async (request) => {
    const c = await conversation(request);
    const { to } = request.body as { to: string | null };
    if (to !== null && !(await repo.caseworkers()).some((member) => member.id === to)) {
      throw new VaultError(400, 'not_a_caseworker', 'That person cannot take conversations.');
    }
    await repo.assign(c.id, to, now());
    await audit(request, to === staffId(request) ? 'take' : to === null ? 'release' : 'hand_over', c.id, { from: c.assignedTo, to });
    await live.publish({ type: 'assign', conversationId: c.id });
    return { ok: true };
  });

  app.post('/staff/queue/api/conversations/:id/status', { schema: { params: idParams, body: statusBody } }, async (request) => {
    const c = await conversation(request);
    const { status } = request.body as { status: ConversationStatus };
    await repo.setStatus(c.id, status, now());
    await audit(request, status === 'closed' ? 'close' : status === 'open' ? 'reopen' : 'mark_waiting', c.id, {
      from: c.status,
      to: status,
    });
    await live.publish({ type: 'status', conversationId: c.id });
    return { ok: true };
  });

  app.post('/staff/queue/api/conversations/:id/notes', { schema: { params: idParams, body: noteBody } }, async (request, reply) => {
    const c = await conversation(request);
    const { teamKeyVersion, sealed } = request.body as { teamKeyVersion: number; sealed: string };
    const note = await repo.addNote(c.id, { staffId: staffId(request), kind: 'note', agency: null, teamKeyVersion, sealed }, now());
    await audit(request, 'note', c.id, { noteId: note.id });
    await live.publish({ type: 'note', conversationId: c.id });
    return reply.code(201).send(noteJson(note));
  });

  app.post('/staff/queue/api/conversations/:id/referrals', { schema: { params: idParams, body: referralBody } }, async (request, reply) => {
    const c = await conversation(request);
    const { agency, teamKeyVersion, sealed } = request.body as { agency: string; teamKeyVersion: number; sealed: string };
    const note = await repo.addNote(c.id, { staffId: staffId(request), kind: 'referral', agency, teamKeyVersion, sealed }, now());
    await audit(request, 'referral', c.id, { agency, noteId: note.id });
    await live.publish({ type: 'note', conversationId: c.id });
    return reply.code(201).send(noteJson(note));
  });

  app.put('/staff/queue/api/conversations/:id/risk', { schema: { params: idParams, body: riskBody } }, async (request) => {
    const c = await conversation(request);
    const body = request.body as { level: RiskLevel | 'none'; teamKeyVersion: number | null; reason: string | null };
    if (body.level !== 'none' && (!body.reason || !body.teamKeyVersion)) {
      throw new VaultError(400, 'reason_required', 'Say why: a risk flag needs a reason.');
    }
    const level = body.level === 'none' ? null : body.level;
    await repo.setRisk(c.id, level, level ? body.reason : null, level ? body.teamKeyVersion : null, now());
    await audit(request, 'risk', c.id, { from: c.riskLevel, to: level });
    await live.publish({ type: 'risk', conversationId: c.id });
    return { ok: true };
  });

  app.get('/staff/queue/api/saved-replies', async () => ({ savedReplies: await repo.savedReplies() }));

  app.post('/staff/queue/api/saved-replies', { schema: { body: savedReplyBody } }, async (request, reply) => {
    const { title, body } = request.body as { title: string; body: string };
    const saved = await repo.addSavedReply(title, body, staffId(request), now());
    await services.audit.record({
      staffId: staffId(request),
      action: 'saved_reply.create',
      subjectType: 'saved_reply',
      subjectId: saved.id,
    });
    return reply.code(201).send(saved);
  });

  app.delete('/staff/queue/api/saved-replies/:id', { schema: { params: idParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!(await repo.deleteSavedReply(id))) throw new VaultError(404, 'not_found', 'That saved reply was not found.');
    await services.audit.record({ staffId: staffId(request), action: 'saved_reply.delete', subjectType: 'saved_reply', subjectId: id });
    return reply.code(204).send();
  });

  app.get('/staff/queue/events', async (request, reply) => {
    live.staff(request, reply);
  });
}

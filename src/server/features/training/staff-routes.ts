import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkCampaign } from '../../../domain/training/campaigns.ts';
import { csvDocument } from '../../../domain/training/csv.ts';
import { checkEvent, cpdHoursText, type FormError } from '../../../domain/training/event-form.ts';
import { AUDIENCES, FORMATS, REGIONS, TOPICS } from '../../../domain/training/model.ts';
import type { Services } from '../../services.ts';
import { requireStaff, staffPage } from '../staff/index.ts';
import { eventCancelledMail, promotedMail } from './mails.ts';
import type { Campaign, Promotion, TrainingEvent } from './repository.ts';
import { eventView, formatDay, formatTime, londonHhmm, londonIsoDate } from './view-model.ts';

const STAFF_TRAINING = '/staff/training';
const idParam = { type: 'object', properties: { id: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' } }, required: ['id'] } as const;
const FORM_LIMIT = 64 * 1024;

type Body = Record<string, unknown>;

/** The form's values for an existing event, in the shape the form posts. */
function formValuesOf(e: TrainingEvent): Record<string, string | string[]> {
  return {
    title: e.title,
    summary: e.summary,
    audiences: e.audiences,
    topic: e.topic,
    format: e.format,
    region: e.region ?? '',
    venue: e.venue,
    joiningUrl: e.joiningUrl,
    date: londonIsoDate(e.startsAt),
    startTime: londonHhmm(e.startsAt),
    endTime: londonHhmm(e.endsAt),
    agenda: e.agenda,
    speakers: e.speakers,
    cpdHours: cpdHoursText(e.cpdTenths),
    price: e.pricePence % 100 === 0 ? String(e.pricePence / 100) : (e.pricePence / 100).toFixed(2),
    capacity: String(e.capacity),
    accessibility: e.accessibility,
    materials: e.materials,
  };
}

const campaignValuesOf = (c: Campaign) => ({
  title: c.title,
  message: c.message,
  linkUrl: c.linkUrl,
  startsOn: londonIsoDate(c.startsAt),
  endsOn: londonIsoDate(c.endsAt - 1),
});

export type TrainingStaffDeps = Pick<Services, 'clock' | 'audit' | 'database' | 'training' | 'views'>;

/**
 * The training team's screens in the workspace (docs/training.md), for members with the `training` role:
 * events from draft to certificates, bookings and the waiting list, CSV export, and the home page's campaigns.
 * Every change is in the audit log with ids and counts only, never a booker's details.
 */
export async function trainingStaffRoutes(app: FastifyInstance, { services }: { services: TrainingStaffDeps }): Promise<void> {
  const { clock, audit, database } = services;
  const { repo, mailer, campaigns } = services.training;
  const guard = { preValidation: requireStaff('training') };
  const db = database.db;

  const page = (request: FastifyRequest, reply: FastifyReply, template: string, context: Record<string, unknown>, status = 200) =>
    staffPage(
      request,
      reply,
      services,
      `training/staff/${template}.njk`,
      { current: 'training', pageTitle: 'Training', ...context },
      status,
    );
  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    page(request, reply, 'message', { heading: 'Event not found', paragraphs: ['It may have been removed.'] }, 404);
  const formContext = (values: Record<string, unknown>, errors: FormError[]) => ({
    values,
    errors: errors.map((e) => ({ text: e.text, href: `#${e.field}` })),
    fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.text])),
    audienceItems: Object.entries(AUDIENCES).map(([value, text]) => ({
      value,
      text,
      checked: ((values.audiences as string[] | undefined) ?? []).includes(value),
    })),
    topicItems: [
      { value: '', text: 'Choose a topic' },
      ...Object.entries(TOPICS).map(([value, text]) => ({ value, text, selected: values.topic === value })),
    ],
    formatItems: Object.entries(FORMATS).map(([value, text]) => ({ value, text, checked: values.format === value })),
    regionItems: [
      { value: '', text: 'Choose a region' },
      ...Object.entries(REGIONS).map(([value, text]) => ({ value, text, selected: values.region === value })),
    ],
  });
  const staffId = (request: FastifyRequest) => request.staff!.id;
  /** One audit line for a staff change: ids and counts only, never a booker's details. */
  const recordChange = (
    request: FastifyRequest,
    action: string,
    subjectType: 'training_event' | 'training_campaign',
    subjectId: number,
    detail?: Record<string, unknown>,
    trx?: Parameters<typeof audit.record>[1],
  ) => audit.record({ staffId: staffId(request), action, subjectType, subjectId: String(subjectId), detail }, trx);
  const tellPromoted = (event: TrainingEvent, promoted: Promotion[]) => {
    for (const p of promoted) if (p.email) void mailer.send(promotedMail(event, p));
  };
  const eventOr404 = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const event = await repo.event(Number(request.params.id));
    if (!event) await notFound(request, reply);
    return event;
  };

  app.get(STAFF_TRAINING, guard, async (request, reply) => {
    const now = clock();
    const events = (await repo.allEvents()).map((e) => eventView(e, now));
    return page(request, reply, 'events', { events, created: (request.query as Record<string, string>).created });
  });

  app.get(`${STAFF_TRAINING}/events/new`, guard, async (request, reply) =>
    page(request, reply, 'event-form', {
      heading: 'Create an event',
      action: `${STAFF_TRAINING}/events`,
      ...formContext({ format: 'in-person', cpdHours: '0', price: '0' }, []),
    }),
  );

  app.post<{ Body: Body }>(`${STAFF_TRAINING}/events`, { ...guard, bodyLimit: FORM_LIMIT }, async (request, reply) => {
    const { values, draft, errors } = checkEvent(request.body ?? {});
    if (!draft)
      return page(
        request,
        reply,
        'event-form',
        { heading: 'Create an event', action: `${STAFF_TRAINING}/events`, ...formContext(values, errors) },
        400,
      );
    const event = await db.transaction().execute(async (trx) => {
      const created = await repo.createEvent(draft, clock(), trx);
      await recordChange(request, 'training.event.create', 'training_event', created.id, undefined, trx);
      return created;
    });
    return reply.redirect(`${STAFF_TRAINING}/events/${event.id}`, 303);
  });

  app.get<{ Params: { id: string } }>(`${STAFF_TRAINING}/events/:id`, { ...guard, schema: { params: idParam } }, async (request, reply) => {
    const event = await eventOr404(request, reply);
    if (!event) return reply;
    const bookings = await repo.bookings(event.id);
    return page(request, reply, 'event', {
      event: eventView(event, clock()),
      booked: bookings.filter((b) => b.status === 'booked'),
      waiting: bookings.filter((b) => b.status === 'waiting'),
      cancelledCount: bookings.filter((b) => b.status === 'cancelled').length,
      attendedWithoutCertificate: bookings.filter((b) => b.status === 'booked' && b.attended && !b.certificateCode).length,
      done: (request.query as Record<string, string>).done,
      formatWhen: (ms: number) => `${formatDay(ms)} ${formatTime(ms)}`,
    });
  });

  app.get<{ Params: { id: string } }>(
    `${STAFF_TRAINING}/events/:id/edit`,
    { ...guard, schema: { params: idParam } },
    async (request, reply) => {
      const event = await eventOr404(request, reply);
      if (!event) return reply;
      return page(request, reply, 'event-form', {
        heading: `Change “${event.title}”`,
        action: `${STAFF_TRAINING}/events/${event.id}`,
        event,
        ...formContext(formValuesOf(event), []),
      });
    },
  );

  app.post<{ Params: { id: string }; Body: Body }>(
    `${STAFF_TRAINING}/events/:id`,
    { ...guard, schema: { params: idParam }, bodyLimit: FORM_LIMIT },
    async (request, reply) => {
      const event = await eventOr404(request, reply);
      if (!event) return reply;
      const { values, draft, errors } = checkEvent(request.body ?? {});
      if (!draft)
        return page(
          request,
          reply,
          'event-form',
          { heading: `Change “${event.title}”`, action: `${STAFF_TRAINING}/events/${event.id}`, event, ...formContext(values, errors) },
          400,
        );
      const result = await db.transaction().execute(async (trx) => {
        const updated = await repo.updateEvent(event.id, draft, clock(), trx);
        await recordChange(request, 'training.event.update', 'training_event', event.id, { promoted: updated?.promoted.length ?? 0 }, trx);
        return updated;
      });
      if (result) tellPromoted(result.event, result.promoted);
      return reply.redirect(`${STAFF_TRAINING}/events/${event.id}?done=saved`, 303);
    },
  );

  app.get<{ Params: { id: string } }>(
    `${STAFF_TRAINING}/events/:id/cancel`,
    { ...guard, schema: { params: idParam } },
    async (request, reply) => {
      const event = await eventOr404(request, reply);
      if (!event) return reply;
      return page(request, reply, 'cancel', { event: eventView(event, clock()), mailEnabled: mailer.enabled });
    },
  );

  const statusChange = (verb: 'publish' | 'cancel', status: 'published' | 'cancelled') =>
    app.post<{ Params: { id: string } }>(
      `${STAFF_TRAINING}/events/:id/${verb}`,
      { ...guard, schema: { params: idParam } },
      async (request, reply) => {
        const event = await eventOr404(request, reply);
        if (!event) return reply;
        if (event.status === status) return reply.redirect(`${STAFF_TRAINING}/events/${event.id}`, 303);
        if (status === 'published' && event.status === 'cancelled') {
          return page(
            request,
            reply,
            'message',
            {
              heading: 'A cancelled event cannot be published again',
              paragraphs: ['Copy it to make a new draft instead.'],
              back: `${STAFF_TRAINING}/events/${event.id}`,
            },
            409,
          );
        }
        await db.transaction().execute(async (trx) => {
          await repo.setStatus(event.id, status, clock(), trx);
          await recordChange(request, `training.event.${verb}`, 'training_event', event.id, undefined, trx);
        });
        if (status === 'cancelled') {
          for (const b of await repo.bookings(event.id))
            if (b.status !== 'cancelled' && b.email) void mailer.send(eventCancelledMail(event, b));
        }
        return reply.redirect(`${STAFF_TRAINING}/events/${event.id}?done=${verb}`, 303);
      },
    );
  statusChange('publish', 'published');
  statusChange('cancel', 'cancelled');

  app.post<{ Params: { id: string } }>(
    `${STAFF_TRAINING}/events/:id/copy`,
    { ...guard, schema: { params: idParam } },
    async (request, reply) => {
      const event = await eventOr404(request, reply);
      if (!event) return reply;
      const { draft } = checkEvent(formValuesOf(event));
      const copy = await db.transaction().execute(async (trx) => {
        const created = await repo.createEvent({ ...draft!, title: `${event.title} (copy)`.slice(0, 150) }, clock(), trx);
        await recordChange(request, 'training.event.copy', 'training_event', created.id, { from: event.id }, trx);
        return created;
      });
      return reply.redirect(`${STAFF_TRAINING}/events/${copy.id}/edit`, 303);
    },
  );

  app.post<{ Params: { id: string }; Body: Body }>(
    `${STAFF_TRAINING}/events/:id/attendance`,
    { ...guard, schema: { params: idParam }, bodyLimit: FORM_LIMIT },
    async (request, reply) => {
      const event = await eventOr404(request, reply);
      if (!event) return reply;
      const raw = request.body?.attended;
      const ids = new Set((Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(Number).filter(Number.isSafeInteger));
      await db.transaction().execute(async (trx) => {
        const changed = await repo.markAttendance(event.id, ids, clock(), trx);
        await recordChange(request, 'training.attendance.mark', 'training_event', event.id, { changed, attended: ids.size }, trx);
      });
      return reply.redirect(`${STAFF_TRAINING}/events/${event.id}?done=attendance`, 303);
    },
  );

  app.post<{ Params: { id: string } }>(
    `${STAFF_TRAINING}/events/:id/certificates`,
    { ...guard, schema: { params: idParam } },
    async (request, reply) => {
      const event = await eventOr404(request, reply);
      if (!event) return reply;
      await db.transaction().execute(async (trx) => {
        const issued = await repo.issueCertificates(event.id, clock(), trx);
        await recordChange(request, 'training.certificate.issue', 'training_event', event.id, { issued }, trx);
      });
      return reply.redirect(`${STAFF_TRAINING}/events/${event.id}?done=certificates`, 303);
    },
  );

  app.get<{ Params: { id: string } }>(
    `${STAFF_TRAINING}/events/:id/bookings.csv`,
    { ...guard, schema: { params: idParam } },
    async (request, reply) => {
      const event = await eventOr404(request, reply);
      if (!event) return reply;
      const bookings = await repo.bookings(event.id);
      await recordChange(request, 'training.bookings.export', 'training_event', event.id, { rows: bookings.length });
      const csv = csvDocument(
        [
          'Reference',
          'Status',
          'Waiting list order',
          'Name',
          'Organisation',
          'Role',
          'Email',
          'Phone',
          'Access needs',
          'Attended',
          'Certificate code',
          'Booked at',
        ],
        bookings.map((b) => [
          b.reference,
          b.status,
          b.status === 'waiting' ? b.seq : '',
          b.name,
          b.organisation,
          b.role,
          b.email,
          b.phone,
          b.accessNeeds,
          b.attended ? 'yes' : 'no',
          b.certificateCode,
          new Date(b.createdAt).toISOString(),
        ]),
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="training-${event.id}-bookings.csv"`)
        .header('cache-control', 'no-store')
        .send(`\uFEFF${csv}`);
    },
  );

  // Campaigns for the home page.

  const campaignsPage = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}, status = 200) => {
    const now = clock();
    const all = (await repo.campaigns()).map((c) => ({
      ...c,
      from: formatDay(c.startsAt),
      to: formatDay(c.endsAt - 1),
      live: c.startsAt <= now && now < c.endsAt,
    }));
    const errors = (extra.formErrors as FormError[] | undefined) ?? [];
    return page(
      request,
      reply,
      'campaigns',
      {
        campaigns: all,
        values: {},
        action: `${STAFF_TRAINING}/campaigns`,
        ...extra,
        errors: errors.map((e) => ({ text: e.text, href: `#${e.field}` })),
        fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.text])),
      },
      status,
    );
  };

  app.get(`${STAFF_TRAINING}/campaigns`, guard, async (request, reply) => campaignsPage(request, reply));

  app.get<{ Params: { id: string } }>(
    `${STAFF_TRAINING}/campaigns/:id`,
    { ...guard, schema: { params: idParam } },
    async (request, reply) => {
      const campaign = (await repo.campaigns()).find((c) => c.id === Number(request.params.id));
      if (!campaign)
        return page(request, reply, 'message', { heading: 'Campaign not found', paragraphs: [], back: `${STAFF_TRAINING}/campaigns` }, 404);
      return campaignsPage(request, reply, {
        values: campaignValuesOf(campaign),
        action: `${STAFF_TRAINING}/campaigns/${campaign.id}`,
        editing: campaign,
      });
    },
  );

  const saveCampaign = async (request: FastifyRequest<{ Body: Body }>, reply: FastifyReply, id: number | undefined) => {
    const { values, draft, errors } = checkCampaign(request.body ?? {});
    if (!draft)
      return campaignsPage(
        request,
        reply,
        { values, formErrors: errors, action: id ? `${STAFF_TRAINING}/campaigns/${id}` : `${STAFF_TRAINING}/campaigns` },
        400,
      );
    await db.transaction().execute(async (trx) => {
      const saved = await repo.saveCampaign(id, draft, clock(), trx);
      await recordChange(
        request,
        id ? 'training.campaign.update' : 'training.campaign.create',
        'training_campaign',
        saved,
        { from: draft.startsOn, to: draft.endsOn },
        trx,
      );
    });
    await campaigns.changed();
    return reply.redirect(`${STAFF_TRAINING}/campaigns`, 303);
  };

  app.post<{ Body: Body }>(`${STAFF_TRAINING}/campaigns`, { ...guard, bodyLimit: FORM_LIMIT }, (request, reply) =>
    saveCampaign(request, reply, undefined),
  );
  app.post<{ Params: { id: string }; Body: Body }>(
    `${STAFF_TRAINING}/campaigns/:id`,
    { ...guard, schema: { params: idParam }, bodyLimit: FORM_LIMIT },
    (request, reply) => saveCampaign(request, reply, Number(request.params.id)),
  );

  app.post<{ Params: { id: string } }>(
    `${STAFF_TRAINING}/campaigns/:id/delete`,
    { ...guard, schema: { params: idParam } },
    async (request, reply) => {
      const id = Number(request.params.id);
      await db.transaction().execute(async (trx) => {
        if (await repo.deleteCampaign(id, trx))
          await recordChange(request, 'training.campaign.delete', 'training_campaign', id, undefined, trx);
      });
      await campaigns.changed();
      return reply.redirect(`${STAFF_TRAINING}/campaigns`, 303);
    },
  );
}

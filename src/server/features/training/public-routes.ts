import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BOOKING_FIELDS, type BookingInput, checkBooking, type FieldError } from '../../../domain/training/booking-form.ts';
import { LINK_TOKEN_PATTERN, normaliseCertificateCode } from '../../../domain/training/codes.ts';
import { filterQuery, matchesFilter, parseFilter } from '../../../domain/training/filters.ts';
import { AUDIENCES, FORMATS, REGIONS, TOPICS } from '../../../domain/training/model.ts';
import { bookingWindow, isPast } from '../../../domain/training/places.ts';
import { sendCachedPage, sendDynamicPage, sendPublicPage } from '../../http/html.ts';
import type { Services } from '../../services.ts';
import { sha256Hex } from '../../shared/binary.ts';
import { VaultError } from '../../shared/errors.ts';
import { eventCalendar } from './calendar.ts';
import { certificatePdf } from './certificate-pdf.ts';
import { bookingMail, cancelledMail, promotedMail } from './mails.ts';
import { type Booking, BookingRefused, type Promotion, type TrainingEvent } from './repository.ts';
import { eventView, selectItems } from './view-model.ts';

export const TRAINING_PATH = '/training';
const BOOKING_PATH = '/training/booking';
const CERTIFICATES_PATH = '/training/certificates';

export const LIMITS = {
  // Generous: a force's training office may book a team from one address.
  bookingsPerAddress: { max: 30, windowMs: 60 * 60_000 },
  unknownLinksPerAddress: { max: 30, windowMs: 15 * 60_000 },
  unknownCertificatesPerAddress: { max: 30, windowMs: 15 * 60_000 },
} as const;

const idParam = { type: 'object', properties: { id: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' } }, required: ['id'] } as const;
/** Every text field together is under 2 KB; percent-encoding can make that nine times as many bytes. */
const FORM_BODY_LIMIT = 32 * 1024;

const REFUSALS: Record<BookingRefused['reason'], { status: number; heading: string; paragraph: string }> = {
  'not-found': { status: 404, heading: 'Page not found', paragraph: 'This event is not there. It may have been removed.' },
  'not-published': { status: 404, heading: 'Page not found', paragraph: 'This event is not there. It may have been removed.' },
  cancelled: { status: 409, heading: 'This event has been cancelled', paragraph: 'Nobody can book it. Look at our other events.' },
  closed: {
    status: 409,
    heading: 'Bookings for this event have closed',
    paragraph: 'The event has started or finished. Look at our other events.',
  },
};

type Query = Record<string, string | undefined>;

export type TrainingPublicDeps = Pick<Services, 'views' | 'clock' | 'pageCache' | 'vault' | 'config' | 'training'>;

/**
 * The public side of training (docs/training.md): the list, event pages, booking, the private booking page and
 * certificate checks. Everything works without JavaScript. The private link is a token in the query string
 * (logs never keep query strings) of which the database holds only a SHA-256.
 */
export async function trainingPublicRoutes(app: FastifyInstance, { services }: { services: TrainingPublicDeps }): Promise<void> {
  const { views, clock, pageCache, vault } = services;
  const { repo, mailer } = services.training;
  const base = { noindex: false, retentionDays: services.training.retentionDays };

  const render = (reply: FastifyReply, template: string, context: Record<string, unknown>, status = 200) =>
    sendDynamicPage(reply, views.render(`training/${template}.njk`, { ...base, ...context }), status);
  const message = (reply: FastifyReply, status: number, heading: string, paragraphs: string[], noindex = true) =>
    render(reply, 'message', { pageTitle: heading, heading, paragraphs, noindex }, status);
  const notFound = (reply: FastifyReply) =>
    message(reply, 404, 'Page not found', [
      'If you typed the web address, check it is correct. If you used the link from your booking, it may have been cancelled.',
    ]);
  const tooLate = (reply: FastifyReply) =>
    message(reply, 409, 'This booking can no longer be changed', [
      'The event has started, finished or been cancelled. If you need to tell the training team something, call the helpline.',
    ]);
  const origin = (request: FastifyRequest) => services.config.staffOrigin ?? `${request.protocol}://${request.host}`;
  const addressKey = (purpose: string, request: FastifyRequest) => `${purpose}:${vault.pseudonyms.tag('address', request.ip)}`;

  /** Counts against a limit; false (and a 429 page sent) once it is used up. */
  const withinLimit = async (reply: FastifyReply, key: string, rule: { max: number; windowMs: number }) => {
    try {
      await vault.limits.hit(key, rule, clock());
      return true;
    } catch (error) {
      if (!(error instanceof VaultError) || error.statusCode !== 429) throw error;
      reply.header('retry-after', String(error.details.retryAfterSeconds ?? 60));
      await message(reply, 429, 'Too many tries', ['Too many tries came from your network in a short time. Wait a while, then try again.']);
      return false;
    }
  };

  const publicEvent = async (id: string): Promise<TrainingEvent | undefined> => {
    const event = await repo.event(Number(id));
    return event && event.status !== 'draft' ? event : undefined;
  };

  app.get<{ Querystring: Query }>(TRAINING_PATH, async (request, reply) => {
    const filter = parseFilter(request.query);
    const now = clock();
    const events = (await repo.publicEvents()).filter((e) => matchesFilter(e, filter, now)).map((e) => eventView(e, now));
    if (filter.past) events.reverse();
    return render(reply, 'index', {
      pageTitle: filter.past ? 'Past training and events' : 'Training and events for professionals',
      description:
        'Seminars, webinars and courses on stalking and harassment for police, IDVAs and ISACs, solicitors, health and support workers.',
      noindex: Object.keys(request.query).length > 0,
      filter,
      events,
      audiences: selectItems(AUDIENCES, filter.audience, 'Anyone'),
      topics: selectItems(TOPICS, filter.topic, 'Any topic'),
      formats: selectItems(FORMATS, filter.format, 'Online or in person'),
      regions: selectItems(REGIONS, filter.region, 'Anywhere'),
      otherWhen: filterQuery({ ...filter, past: !filter.past }),
      filtered: Boolean(filter.audience || filter.topic || filter.format || filter.region || filter.from || filter.to),
    });
  });

  // Event pages and booking forms are the same for everyone until the event changes (a booking changes its
  // version), so they come from the page cache; the version is the one query each request makes.
  app.get<{ Params: { id: string } }>('/training/events/:id', { schema: { params: idParam } }, async (request, reply) => {
    const event = await publicEvent(request.params.id);
    if (!event) return notFound(reply);
    const now = clock();
    // The key from the two facts that change with time alone; the whole view (dates in words) only on a miss.
    return sendPublicPage(request, reply, pageCache, `${event.version}:${bookingWindow(event, now)}:${isPast(event, now)}`, () =>
      views.render('training/event.njk', {
        pageTitle: event.title,
        description: event.summary,
        event: eventView(event, now),
        breadcrumbs: [{ text: 'Training and events', href: TRAINING_PATH }],
      }),
    );
  });

  const bookingForm = (event: TrainingEvent, now: number, extra: Record<string, unknown> = {}) =>
    views.render('training/book.njk', {
      ...base,
      pageTitle: `Book: ${event.title}`,
      noindex: true,
      event: eventView(event, now),
      values: {},
      errors: [],
      fieldErrors: {},
      mailEnabled: mailer.enabled,
      breadcrumbs: [
        { text: 'Training and events', href: TRAINING_PATH },
        { text: event.title, href: `/training/events/${event.id}` },
      ],
      ...extra,
    });

  app.get<{ Params: { id: string } }>('/training/events/:id/book', { schema: { params: idParam } }, async (request, reply) => {
    const event = await publicEvent(request.params.id);
    if (!event) return notFound(reply);
    const now = clock();
    const window = bookingWindow(event, now);
    if (window !== 'open') {
      const refusal = REFUSALS[window];
      return message(reply, refusal.status, refusal.heading, [refusal.paragraph]);
    }
    return sendPublicPage(request, reply, pageCache, `${event.version}:open`, () => bookingForm(event, now));
  });

  const fieldErrorsOf = (errors: FieldError[]) => Object.fromEntries(errors.map((e) => [e.field, e.text]));
  const summaryOf = (errors: FieldError[]) => errors.map((e) => ({ text: e.text, href: `#${e.field}` }));
  const formValues = (body: unknown) => {
    const b = (body ?? {}) as Record<string, unknown>;
    return Object.fromEntries(BOOKING_FIELDS.map((f) => [f, typeof b[f] === 'string' ? (b[f] as string).slice(0, 5000) : ''])) as Record<
      keyof BookingInput,
      string
    >;
  };

  app.post<{ Params: { id: string } }>(
    '/training/events/:id/book',
    { schema: { params: idParam }, bodyLimit: FORM_BODY_LIMIT },
    async (request, reply) => {
      const event = await publicEvent(request.params.id);
      if (!event) return notFound(reply);
      if (!(await withinLimit(reply, addressKey('training-book', request), LIMITS.bookingsPerAddress))) return reply;
      const now = clock();
      const typed = formValues(request.body);
      const { values, errors } = checkBooking(typed);
      if (errors.length) {
        return sendDynamicPage(
          reply,
          bookingForm(event, now, { values: typed, errors: summaryOf(errors), fieldErrors: fieldErrorsOf(errors) }),
          400,
        );
      }
      const token = randomBytes(32).toString('base64url');
      let booking: Booking;
      try {
        booking = await repo.book(event.id, values, sha256Hex(token), now);
      } catch (error) {
        if (!(error instanceof BookingRefused)) throw error;
        const refusal = REFUSALS[error.reason];
        return message(reply, refusal.status, refusal.heading, [refusal.paragraph]);
      }
      const link = `${origin(request)}${BOOKING_PATH}?t=${token}`;
      if (booking.email) void mailer.send(bookingMail(event, booking, link));
      return reply.redirect(`${BOOKING_PATH}?t=${token}&new=1`, 303);
    },
  );

  /** The booking a private link names, or a 404 (counted, so guessing is slow). */
  async function bookingOr(
    request: FastifyRequest<{ Querystring: Query }>,
    reply: FastifyReply,
  ): Promise<{ booking: Booking; event: TrainingEvent; token: string } | undefined> {
    const token = request.query.t;
    const booking = token && LINK_TOKEN_PATTERN.test(token) ? await repo.bookingByTokenHash(sha256Hex(token)) : undefined;
    const event = booking ? await repo.event(booking.eventId) : undefined;
    if (!booking || !event) {
      if (await withinLimit(reply, addressKey('training-unknown', request), LIMITS.unknownLinksPerAddress)) await notFound(reply);
      return undefined;
    }
    return { booking, event, token: token! };
  }

  const bookingHtml = async (found: { booking: Booking; event: TrainingEvent; token: string }, extra: Record<string, unknown> = {}) => {
    const { booking, event, token } = found;
    const now = clock();
    const view = eventView(event, now);
    return views.render('training/booking.njk', {
      ...base,
      pageTitle: 'Your booking',
      noindex: true,
      event: view,
      booking,
      token,
      position: booking.status === 'waiting' ? await repo.waitingPosition(booking) : undefined,
      showJoiningLink:
        booking.status === 'booked' && event.format === 'online' && event.status === 'published' && Boolean(event.joiningUrl) && !view.past,
      canChange: view.window === 'open',
      values: {
        name: booking.name,
        organisation: booking.organisation,
        role: booking.role,
        email: booking.email ?? '',
        phone: booking.phone ?? '',
        accessNeeds: booking.accessNeeds ?? '',
      },
      errors: [],
      fieldErrors: {},
      mailEnabled: mailer.enabled,
      ...extra,
    });
  };
  const bookingPage = async (
    reply: FastifyReply,
    found: { booking: Booking; event: TrainingEvent; token: string },
    extra: Record<string, unknown> = {},
    status = 200,
  ) => sendDynamicPage(reply, await bookingHtml(found, extra), status);

  // The plain private page (no banner, no form errors) is what people reload, so it is kept rendered (emptied
  // every few minutes from the wiring: services.ts).
  const { privatePages } = services.training;
  app.get<{ Querystring: Query }>(BOOKING_PATH, async (request, reply) => {
    const found = await bookingOr(request, reply);
    if (!found) return reply;
    const flags = { isNew: request.query.new === '1', changed: request.query.changed === '1' };
    if (flags.isNew || flags.changed) return bookingPage(reply, found, flags);
    const { booking, event } = found;
    const view = eventView(event, clock());
    const version = `${booking.version}:${event.version}:${view.window}:${view.past}`;
    const page = await privatePages.get(`booking:${booking.id}`, version, () => bookingHtml(found));
    return sendCachedPage(request, reply, page);
  });

  app.post<{ Querystring: Query }>(`${BOOKING_PATH}/change`, { bodyLimit: FORM_BODY_LIMIT }, async (request, reply) => {
    const found = await bookingOr(request, reply);
    if (!found) return reply;
    if (eventView(found.event, clock()).window !== 'open') return tooLate(reply);
    const typed = formValues(request.body);
    const { values, errors } = checkBooking(typed);
    if (errors.length)
      return bookingPage(reply, found, { values: typed, errors: summaryOf(errors), fieldErrors: fieldErrorsOf(errors) }, 400);
    await repo.changeBooking(found.booking.id, values, clock());
    return reply.redirect(`${BOOKING_PATH}?t=${found.token}&changed=1`, 303);
  });

  app.get<{ Querystring: Query }>(`${BOOKING_PATH}/cancel`, async (request, reply) => {
    const found = await bookingOr(request, reply);
    if (!found) return reply;
    return render(reply, 'cancel', {
      pageTitle: 'Cancel your booking',
      noindex: true,
      event: eventView(found.event, clock()),
      booking: found.booking,
      token: found.token,
    });
  });

  const tell = (event: TrainingEvent, promoted: Promotion[]) => {
    for (const p of promoted) if (p.email) void mailer.send(promotedMail(event, p));
  };

  app.post<{ Querystring: Query }>(`${BOOKING_PATH}/cancel`, { bodyLimit: 1024 }, async (request, reply) => {
    const found = await bookingOr(request, reply);
    if (!found) return reply;
    const { booking, event } = found;
    if (eventView(event, clock()).window !== 'open') return tooLate(reply);
    const promoted = await repo.cancelBooking(booking, clock());
    privatePages.forget(`booking:${booking.id}`);
    tell(event, promoted);
    if (booking.email) void mailer.send(cancelledMail(event, booking));
    return render(reply, 'cancelled', { pageTitle: 'Booking cancelled', noindex: true, event: eventView(event, clock()), booking });
  });

  app.get<{ Querystring: Query }>(`${BOOKING_PATH}/calendar.ics`, async (request, reply) => {
    const found = await bookingOr(request, reply);
    if (!found) return reply;
    const { event, booking } = found;
    const ics = eventCalendar(event, {
      host: request.hostname,
      eventUrl: `${origin(request)}/training/events/${event.id}`,
      withJoiningLink: booking.status === 'booked',
    });
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="casebook-training-${event.id}.ics"`)
      .header('cache-control', 'no-store')
      .send(ics);
  });

  app.get<{ Querystring: Query }>(`${BOOKING_PATH}/certificate.pdf`, async (request, reply) => {
    const found = await bookingOr(request, reply);
    if (!found) return reply;
    if (!found.booking.certificateCode) return notFound(reply);
    const pdf = await certificatePdf(found.event, found.booking, `${origin(request)}${CERTIFICATES_PATH}`);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="certificate-${found.booking.certificateCode}.pdf"`)
      .header('cache-control', 'no-store')
      .send(Buffer.from(pdf));
  });

  app.get<{ Querystring: Query }>(CERTIFICATES_PATH, async (request, reply) => {
    const typed = (request.query.code ?? '').slice(0, 100);
    const context = {
      pageTitle: 'Check a certificate of attendance',
      noindex: true,
      typed,
      retentionDays: services.training.retentionDays,
    };
    if (!typed) return render(reply, 'certificates', context);
    const code = normaliseCertificateCode(typed);
    const found = code ? await repo.certificate(code) : undefined;
    if (!found) {
      if (!(await withinLimit(reply, addressKey('training-certificate', request), LIMITS.unknownCertificatesPerAddress))) return reply;
      return render(reply, 'certificates', { ...context, notFound: true }, 404);
    }
    return render(reply, 'certificates', {
      ...context,
      certificate: { code, booking: found.booking, event: eventView(found.event, clock()) },
    });
  });
}

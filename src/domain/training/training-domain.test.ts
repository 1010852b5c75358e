import { describe, expect, it } from 'vitest';
import { checkBooking } from './booking-form.ts';
import { activeCampaigns, checkCampaign, nextCampaignChange } from './campaigns.ts';
import { bookingReference, CERTIFICATE_PATTERN, certificateCode, normaliseCertificateCode, REFERENCE_PATTERN } from './codes.ts';
import { csvCell, csvDocument } from './csv.ts';
import { checkEvent, cpdHoursText, lengthText, parseMaterials, priceText } from './event-form.ts';
import { filterQuery, matchesFilter, parseFilter } from './filters.ts';
import { bookingWindow, outcomeOfBooking, placesLeft, waitersToPromote, waitingPosition } from './places.ts';
import { anonymiseAt, anonymiseEventsEndedBy } from './retention.ts';

const bytes = (...values: number[]) => Uint8Array.from({ length: 16 }, (_, i) => values[i % values.length]!);
const utc = (s: string) => Date.parse(s);

describe('places and the waiting list', () => {
  it('counts places left, never below zero', () => {
    expect(placesLeft({ capacity: 20, bookedCount: 19 })).toBe(1);
    expect(placesLeft({ capacity: 20, bookedCount: 25 })).toBe(0);
    expect(outcomeOfBooking({ capacity: 20, bookedCount: 19 })).toBe('booked');
    expect(outcomeOfBooking({ capacity: 20, bookedCount: 20 })).toBe('waiting');
  });

  it('opens bookings only for a published event that has not started', () => {
    const startsAt = utc('2027-03-15T09:30:00Z');
    expect(bookingWindow({ status: 'published', startsAt }, startsAt - 1)).toBe('open');
    expect(bookingWindow({ status: 'published', startsAt }, startsAt)).toBe('closed');
    expect(bookingWindow({ status: 'cancelled', startsAt }, 0)).toBe('cancelled');
    expect(bookingWindow({ status: 'draft', startsAt }, 0)).toBe('not-published');
  });

  it('promotes the longest-waiting first, however the list arrives', () => {
    const waiting = [
      { id: 9, seq: 30 },
      { id: 4, seq: 12 },
      { id: 7, seq: 25 },
    ];
    expect(waitersToPromote(waiting, 2).map((w) => w.id)).toEqual([4, 7]);
    expect(waitersToPromote(waiting, 0)).toEqual([]);
    expect(waitersToPromote(waiting, 10)).toHaveLength(3);
    expect(waitingPosition(25, [12, 25, 30])).toBe(2);
  });
});

describe('codes', () => {
  it('formats references and certificate codes from random bytes, without look-alike characters', () => {
    expect(bookingReference(bytes(0, 29, 7))).toMatch(REFERENCE_PATTERN);
    const code = certificateCode(bytes(1, 200, 77, 255));
    expect(code).toMatch(CERTIFICATE_PATTERN);
    expect(code).not.toMatch(/[01ILOU]/);
    expect(() => certificateCode(new Uint8Array(4))).toThrow();
  });

  it('accepts a code typed loosely, and refuses what cannot be one', () => {
    const code = certificateCode(bytes(3, 14, 15, 92, 65));
    expect(normaliseCertificateCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normaliseCertificateCode(code.slice(3))).toBe(code);
    expect(normaliseCertificateCode('CB-0000-0000-0000-0000')).toBeUndefined();
    expect(normaliseCertificateCode('CB-ABCD')).toBeUndefined();
    expect(normaliseCertificateCode("' or 1=1 --")).toBeUndefined();
  });
});

describe('retention', () => {
  it('anonymises bookings the set number of days after the event ends', () => {
    const end = utc('2027-03-15T16:00:00Z');
    expect(anonymiseAt(end, 90)).toBe(utc('2027-06-13T16:00:00Z'));
    expect(anonymiseEventsEndedBy(utc('2027-06-13T16:00:00Z'), 90)).toBe(end);
  });
});

describe('CSV', () => {
  it('quotes separators and neutralises formula injection', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+44 20 7946 0000')).toBe("'+44 20 7946 0000");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('Met Police, Hendon')).toBe('"Met Police, Hendon"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(null)).toBe('');
    expect(csvDocument(['a', 'b'], [['1', '2']])).toBe('a,b\r\n1,2\r\n');
  });
});

describe('filters', () => {
  const event = {
    audiences: ['police', 'legal'],
    topic: 'law',
    format: 'in-person',
    region: 'london',
    startsAt: utc('2027-03-15T09:30:00Z'),
    endsAt: utc('2027-03-15T16:00:00Z'),
  };
  const before = utc('2027-01-01T00:00:00Z');

  it('keeps only known values from the query', () => {
    expect(parseFilter({ audience: 'police', topic: 'nope', from: '2027-02-30', to: '2027-03-31', when: 'past' })).toEqual({
      audience: 'police',
      to: '2027-03-31',
      past: true,
    });
  });

  it('filters by audience, topic, format, region and London dates', () => {
    expect(matchesFilter(event, parseFilter({ audience: 'police', topic: 'law', region: 'london' }), before)).toBe(true);
    expect(matchesFilter(event, parseFilter({ audience: 'health' }), before)).toBe(false);
    expect(matchesFilter(event, parseFilter({ format: 'online' }), before)).toBe(false);
    expect(matchesFilter(event, parseFilter({ region: 'wales' }), before)).toBe(false);
    expect(matchesFilter({ ...event, format: 'online', region: null }, parseFilter({ region: 'wales' }), before)).toBe(true);
    expect(matchesFilter(event, parseFilter({ from: '2027-03-15', to: '2027-03-15' }), before)).toBe(true);
    expect(matchesFilter(event, parseFilter({ from: '2027-03-16' }), before)).toBe(false);
    expect(matchesFilter(event, parseFilter({ to: '2027-03-14' }), before)).toBe(false);
  });

  it('separates upcoming and past events at the moment the event ends', () => {
    expect(matchesFilter(event, parseFilter({}), event.endsAt - 1)).toBe(true);
    expect(matchesFilter(event, parseFilter({}), event.endsAt)).toBe(false);
    expect(matchesFilter(event, parseFilter({ when: 'past' }), event.endsAt)).toBe(true);
    expect(filterQuery({ audience: 'police', past: true })).toBe('?audience=police&when=past');
  });
});

describe('the booking form', () => {
  const good = {
    name: ' Sam Patel ',
    organisation: 'Met Police',
    role: 'DC',
    email: 'sam.patel@met.police.uk',
    phone: '',
    accessNeeds: '',
  };

  it('accepts a work email or a phone number', () => {
    expect(checkBooking(good).errors).toEqual([]);
    expect(checkBooking(good).values.name).toBe('Sam Patel');
    expect(checkBooking({ ...good, email: '', phone: '020 7946 0000' }).errors).toEqual([]);
  });

  it('explains each problem', () => {
    const { errors } = checkBooking({
      name: 'x'.repeat(101),
      organisation: '',
      role: 'DC',
      email: 'not-an-email',
      phone: '12',
      accessNeeds: 'y'.repeat(1001),
    });
    expect(errors.map((e) => e.field)).toEqual(['name', 'organisation', 'email', 'phone', 'accessNeeds']);
    expect(errors[0]!.text).toContain('100 characters or fewer');
    expect(checkBooking({ ...good, email: '' }).errors[0]!.text).toContain('work email address or a work phone number');
    expect(checkBooking({ ...good, email: 'a@b' }).errors).toHaveLength(1);
    expect(checkBooking({ ...good, email: 'Sam <sam@x.org>' }).errors).toHaveLength(1);
  });
});

describe('the event form', () => {
  const good = {
    title: 'Stalking and the law',
    summary: 'A seminar.',
    audiences: ['legal', 'police'],
    topic: 'law',
    format: 'in-person',
    region: 'london',
    venue: '1 Law St',
    date: '2027-07-01',
    startTime: '09:30',
    endTime: '12:00',
    cpdHours: '2.5',
    price: '45',
    capacity: '40',
    agenda: '',
    speakers: '',
    accessibility: '',
    materials: '',
    joiningUrl: '',
  };

  it('turns London wall-clock times into instants (summer time here) and prices into pence', () => {
    const { draft, errors } = checkEvent(good);
    expect(errors).toEqual([]);
    expect(draft!.startsAt).toBe(utc('2027-07-01T08:30:00Z'));
    expect(draft!.endsAt).toBe(utc('2027-07-01T11:00:00Z'));
    expect(draft!.audiences).toEqual(['police', 'legal']);
    expect(draft!.cpdTenths).toBe(25);
    expect(draft!.pricePence).toBe(4500);
    expect(cpdHoursText(25)).toBe('2.5');
    expect(priceText(0)).toBe('Free');
    expect(priceText(4500)).toBe('£45, paid by invoice');
    expect(lengthText(draft!.startsAt, draft!.endsAt)).toBe('2 hours 30 minutes');
  });

  it('refuses what cannot be right', () => {
    const { errors } = checkEvent({
      ...good,
      audiences: 'nobody',
      endTime: '09:00',
      capacity: '0',
      joiningUrl: 'javascript:alert(1)',
      venue: '',
    });
    expect(errors.map((e) => e.field)).toEqual(['audiences', 'venue', 'joiningUrl', 'endTime', 'capacity']);
  });

  it('reads materials as "title | https link" lines, dropping anything else', () => {
    expect(parseMaterials('Slides | https://example.org/s.pdf\nbad line\nScript | javascript:x')).toEqual([
      { title: 'Slides', url: 'https://example.org/s.pdf' },
    ]);
  });
});

describe('campaigns', () => {
  it('runs from the start of the first London day to the end of the last', () => {
    const { draft } = checkCampaign({
      title: 'National Stalking Awareness Week',
      message: 'This week…',
      startsOn: '2027-04-19',
      endsOn: '2027-04-25',
    });
    expect(draft!.startsAt).toBe(utc('2027-04-18T23:00:00Z'));
    expect(draft!.endsAt).toBe(utc('2027-04-25T23:00:00Z'));
    expect(activeCampaigns([draft!], draft!.startsAt - 1)).toEqual([]);
    expect(activeCampaigns([draft!], draft!.startsAt)).toHaveLength(1);
    expect(activeCampaigns([draft!], draft!.endsAt)).toEqual([]);
    expect(nextCampaignChange([draft!], draft!.startsAt)).toBe(draft!.endsAt);
    expect(
      checkCampaign({ title: 'x', message: 'y', startsOn: '2027-04-19', endsOn: '2027-04-18', linkUrl: 'javascript:x' }).errors.map(
        (e) => e.field,
      ),
    ).toEqual(['linkUrl', 'endsOn']);
  });
});

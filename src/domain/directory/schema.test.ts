import { describe, expect, it } from 'vitest';
import { isUkPhoneNumber } from './contact-values.ts';
import { parseServiceEntry, ServiceEntryError } from './schema.ts';

function validEntry(): Record<string, unknown> {
  return {
    id: 'paladin',
    name: 'Paladin National Stalking Advocacy Service',
    summary: 'Specialist advocacy for people at high risk from a stalker.',
    description: 'Paladin supports victims of stalking. Its caseworkers help you stay safe.',
    serves: ['everyone'],
    needs: ['stalking', 'advocacy'],
    contact: [
      { kind: 'phone', value: '020 3866 4107' },
      { kind: 'website', value: 'https://www.paladinservice.co.uk' },
    ],
    area: { kind: 'nations', nations: ['england', 'wales'] },
    sources: [{ title: 'Paladin', url: 'https://www.paladinservice.co.uk' }],
    lastChecked: '2026-11-23',
  };
}

function errorFor(raw: unknown, fileName = 'paladin.yaml'): string {
  try {
    parseServiceEntry(raw, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceEntryError);
    return (error as Error).message;
  }
  throw new Error('expected the entry to be rejected');
}

const withField = (field: string, value: unknown) => ({ ...validEntry(), [field]: value });

describe('parseServiceEntry', () => {
  it('returns a valid entry', () => {
    const entry = parseServiceEntry(validEntry(), 'paladin.yaml');
    expect(entry.id).toBe('paladin');
    expect(entry.contact[0]).toEqual({ kind: 'phone', value: '020 3866 4107' });
  });

  it('names the file and the field path of a bad phone number', () => {
    const raw = withField('contact', [{ kind: 'phone', value: '020 3866 41O7' }]);
    expect(errorFor(raw)).toMatch(/^paladin\.yaml: contact\.0\.value: not a UK phone number/);
  });

  it('reports every problem, one line each', () => {
    const raw = { ...validEntry(), needs: ['stalkin'], lastChecked: '2026-13-01' };
    const lines = errorFor(raw).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^paladin\.yaml: needs\.0: /);
    expect(lines[1]).toBe('paladin.yaml: lastChecked: must be a real date written YYYY-MM-DD');
  });

  it('requires the id to equal the file name', () => {
    expect(errorFor(validEntry(), 'src/server/content/directory/paladin-service.yaml')).toBe(
      'src/server/content/directory/paladin-service.yaml: id: must equal the file name "paladin-service" (found "paladin")',
    );
  });

  it('says which required field is missing, and rejects unknown fields', () => {
    const { summary: _summary, ...withoutSummary } = validEntry();
    expect(errorFor(withoutSummary)).toBe('paladin.yaml: summary: is required');
    expect(errorFor(withField('hour', {}))).toMatch(/^paladin\.yaml: \(entry\): Unrecognized key: "hour"/);
    expect(errorFor('just text')).toMatch(/^paladin\.yaml: \(entry\): /);
  });

  it('wants a one-sentence summary and a 2-4 sentence plain description', () => {
    expect(errorFor(withField('summary', 'Advocacy. For victims.'))).toMatch(/summary: must be one sentence/);
    expect(errorFor(withField('summary', 'No full stop'))).toMatch(/summary: must be one sentence/);
    expect(errorFor(withField('description', 'Only one sentence.'))).toMatch(/description: must be 2 to 4 sentences/);
    expect(errorFor(withField('description', 'One. Two. Three. Four. Five.'))).toMatch(/found 5/);
    expect(errorFor(withField('description', 'It is <b>bold</b>. Really.'))).toMatch(/description: must be plain text/);
  });

  it('rejects unknown or repeated vocabulary', () => {
    expect(errorFor(withField('serves', ['everyone', 'everyone']))).toBe('paladin.yaml: serves.1: lists "everyone" twice');
    expect(errorFor(withField('serves', []))).toBe('paladin.yaml: serves: must list at least one group of people');
    expect(errorFor(withField('needs', ['gardening']))).toMatch(/needs\.0: .*stalking/);
  });

  it('checks websites and sources are https addresses', () => {
    expect(errorFor(withField('contact', [{ kind: 'website', value: 'http://www.paladinservice.co.uk' }]))).toBe(
      'paladin.yaml: contact.0.value: must be a full https:// web address',
    );
    expect(errorFor(withField('sources', [{ title: 'Paladin', url: 'paladinservice.co.uk' }]))).toBe(
      'paladin.yaml: sources.0.url: must be a full https:// web address',
    );
    expect(errorFor(withField('sources', []))).toBe('paladin.yaml: sources: must cite at least one source');
  });

  it('never accepts an email address for the National Stalking Helpline', () => {
    const raw = {
      ...validEntry(),
      id: 'national-stalking-helpline',
      contact: [{ kind: 'email', value: 'advice@example.org' }],
    };
    expect(errorFor(raw, 'national-stalking-helpline.yaml')).toMatch(
      /^national-stalking-helpline\.yaml: contact\.0\.value: the National Stalking Helpline must not list an email address/,
    );
  });

  it('accepts no email address that FACTS.md does not confirm', () => {
    expect(errorFor(withField('contact', [{ kind: 'email', value: 'info@example.org' }]))).toBe(
      'paladin.yaml: contact.0.value: no email address is confirmed in FACTS.md for this service',
    );
    expect(errorFor(withField('contact', [{ kind: 'email', value: 'not-an-address' }]))).toMatch(/contact\.0\.value: not an email address/);
  });

  it('rejects the retired helpline number', () => {
    expect(errorFor(withField('contact', [{ kind: 'phone', value: '0300 636 0300' }]))).toMatch(
      /contact\.0\.value: 0300 636 0300 is the National Stalking Helpline's retired number/,
    );
  });

  it('checks areas against the lists of nations, forces and counties', () => {
    expect(errorFor(withField('area', { kind: 'counties', counties: ['Warwicks'] }))).toMatch(/^paladin\.yaml: area\.counties\.0: /);
    expect(errorFor(withField('area', { kind: 'police-force-areas', forces: ['Warwickshire Constabulary'] }))).toMatch(/area\.forces\.0: /);
    expect(errorFor(withField('area', { kind: 'nations', nations: [] }))).toBe('paladin.yaml: area.nations: must list at least one nation');
    expect(errorFor(withField('area', { kind: 'region' }))).toMatch(/^paladin\.yaml: area\.kind: /);
    expect(parseServiceEntry(withField('area', { kind: 'counties', counties: ['Warwickshire'] }), 'paladin.yaml').area.kind).toBe(
      'counties',
    );
  });

  it('checks contact hours with the opening-hours schema', () => {
    const contact = [{ kind: 'phone', value: '116 123', hours: { weekly: { mon: [{ opens: '17:00', closes: '09:00' }] } } }];
    expect(errorFor(withField('contact', contact))).toBe('paladin.yaml: contact.0.hours.weekly.mon.0.closes: opens must be before closes');
  });
});

describe('isUkPhoneNumber', () => {
  it.each(['0808 802 0300', '020 3866 4107', '08 08 16 89 111', '116 123', '999', '101', '18000', '07747 611308', '0800 123 456'])(
    'accepts %s',
    (n) => {
      expect(isUkPhoneNumber(n)).toBe(true);
    },
  );
  it.each([
    '',
    '0808  802 0300',
    ' 0808 802 0300',
    '+44 808 802 0300',
    '0808-802-0300',
    '0808 802 030',
    '00 44 20 3866 4107',
    '12345',
    '0808 802 0300 1',
    '0208 123 456',
  ])('rejects %j', (n) => {
    expect(isUkPhoneNumber(n)).toBe(false);
  });
});

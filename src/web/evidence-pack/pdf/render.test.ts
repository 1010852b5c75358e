import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { incident, newTestLog, packInputFor, signHead } from '../../../crypto/evidence-pack/test-support.ts';
import type { Attachment, Incident } from '../../../domain/incidents/index.ts';
import { exactWhenFromLondon, newIncident, newPerson, newPlace } from '../../../domain/incidents/index.ts';
import type { EvidencePdfFonts, EvidencePdfInput } from './index.ts';
import { FONT_FILES, renderEvidencePdf } from './index.ts';
import { pdfInputFor, sha256Hex } from './test-support.ts';
import { ukTime } from './words.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const require = createRequire(import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

function readFonts(): EvidencePdfFonts {
  return {
    regular: new Uint8Array(readFileSync(require.resolve(FONT_FILES.regular))),
    bold: new Uint8Array(readFileSync(require.resolve(FONT_FILES.bold))),
  };
}

async function attachmentOf(id: string, name: string, type: string, bytes: Uint8Array): Promise<Attachment> {
  return { id, name, type, size: bytes.length, sha256: await sha256Hex(bytes) };
}

const LONG_WORD = `https://example.invalid/${'a-very-long-path-segment-'.repeat(12)}end`;
const LONG_TEXT = [
  'He was waiting at the bus stop again when I came out of work.',
  ...Array.from(
    { length: 60 },
    (_, i) => `Sentence ${i + 1} of a long account, describing what he said and where he stood, word for word as I remember it.`,
  ),
  `He sent the link ${LONG_WORD} afterwards.`,
  'The account ends with the word zebracrossing.',
].join(' ');

interface Rendered {
  dir: string;
  pdf: Uint8Array;
  input: EvidencePdfInput;
  text: string;
  flat: string;
  pages: number;
}

async function render(): Promise<Rendered> {
  const log = await newTestLog();
  const jpeg = fixture('door.jpg');
  const png = fixture('screenshot.png');
  const audio = new TextEncoder().encode('not really audio, but bytes all the same');
  const door = await attachmentOf('att-door', 'front-door.jpg', 'image/jpeg', jpeg);
  const shot = await attachmentOf('att-shot', 'message screenshot.png', 'image/png', png);
  const voice = await attachmentOf('att-voice', 'voicemail 4 March.m4a', 'audio/mp4', audio);

  const stalker = {
    ...newPerson('p-stalker', 'Łukasz Żółkiewski-Дмитриев', 'stalker'),
    relationship: 'ex-partner',
    aliases: ['Γιώργος', 'lz_1987'],
    description: 'Tall, grey hoodie, drives a silver Ford Focus.',
  };
  const witness = { ...newPerson('p-witness', 'Nguyễn Thị Hạnh', 'witness'), aliases: ['王小明'] };
  const officer = newPerson('p-officer', 'PC Aisha Khan 4512', 'police-officer');
  const home = { ...newPlace('pl-home', 'Home'), address: '12 Example Road\nLeeds LS1 1AA' };

  const first: Incident = {
    ...incident('e-first', '2026-03-03', '18:30', 'He followed me from the station to my front door and took a photo of it.', {
      behaviours: ['following', 'turning-up', 'threat-of-violence'],
      attachments: [door, shot, voice],
      crimeReference: '13/45678/26',
    }),
    placeId: home.id,
    methods: [{ kind: 'in-person' }, { kind: 'social-media', platform: 'Instagram' }],
    people: [
      { personId: stalker.id, role: 'stalker' },
      { personId: witness.id, role: 'witness' },
      { personId: officer.id, role: 'police-officer' },
    ],
    effects: {
      fearOfViolence: true,
      alarmOrDistress: true,
      dailyLifeChanges: ['changed-route', 'extra-security'],
      notes: 'I could not sleep that night.',
    },
    reports: [{ to: 'police', crimeReference: '13/45678/26', officerName: 'PC Aisha Khan', date: '2026-03-04' }],
  };
  const long: Incident = {
    ...incident('e-long', '2026-03-10', '08:15', LONG_TEXT, { behaviours: ['loitering'] }),
    people: [{ personId: stalker.id, role: 'stalker' }],
  };
  const versions = [
    newIncident('e-edited', { precision: 'day', date: '2026-03-05' }, 'Flowers left on the doorstep (first version).'),
    {
      ...newIncident('e-edited', { precision: 'day', date: '2026-03-05' }, 'Flowers left on the doorstep with a card (second version).'),
      behaviours: ['unwanted-gifts' as const],
    },
    {
      ...newIncident(
        'e-edited',
        exactWhenFromLondon('2026-03-05', '07:40'),
        'Flowers left on the doorstep with a card signed L (third version).',
      ),
      behaviours: ['unwanted-gifts' as const],
    },
  ];
  const bare: Incident = {
    ...newIncident('e-bare', { precision: 'range', from: '2026-03-20', to: '2026-03-22' }, 'Silent calls over the weekend.'),
    quickNote: true,
  };
  const note = { type: 'note', text: 'Spoke to the helpline today.', writtenAt: '2026-03-12T10:00:00.000Z', attachments: [] };

  const pack = await packInputFor(
    log,
    [
      { id: 'e-first', versions: [first] },
      { id: 'e-long', versions: [long] },
      { id: 'e-edited', versions },
      { id: 'e-bare', versions: [bare] },
      { id: 'e-note', versions: [note] },
    ],
    [
      { id: door.id, bytes: jpeg, name: door.name, type: door.type },
      { id: shot.id, bytes: png, name: shot.name, type: shot.type },
      { id: voice.id, bytes: audio, name: voice.name, type: voice.type },
    ],
  );
  const { input } = await pdfInputFor(pack, {
    fonts: readFonts(),
    people: [stalker, witness, officer],
    places: [home],
    madeBy: 'Zofia Wiśniewska',
    period: { from: '2026-03-01', to: '2026-03-31' },
  });
  const pdf = await renderEvidencePdf(input);
  const dir = mkdtempSync(join(tmpdir(), 'evidence-pdf-'));
  writeFileSync(join(dir, 'pack.pdf'), pdf);
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'pack.pdf'), '-'], { encoding: 'utf8' });
  const raw = execFileSync('pdftotext', [join(dir, 'pack.pdf'), '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '50', join(dir, 'pack.pdf'), join(dir, 'page')]);
  const pages = (await PDFDocument.load(pdf)).getPageCount();
  return { dir, pdf, input, text, flat: raw.replace(/\s+/g, ' '), pages };
}

describe('renderEvidencePdf', () => {
  let r: Rendered;
  beforeAll(async () => {
    r = await render();
    console.log(`evidence PDF test render: ${r.pages} pages, ${r.pdf.length.toLocaleString('en-GB')} bytes, in ${r.dir}`);
  }, 60_000);

  it('prints every entry in full, in plain words', () => {
    for (const phrase of [
      'He followed me from the station to my front door and took a photo of it.',
      'Flowers left on the doorstep with a card signed L (third version).',
      'Silent calls over the weekend.',
      'Spoke to the helpline today.',
      'The account ends with the word zebracrossing.',
      'Sentence 37 of a long account',
      'Following you',
      'Social media: Instagram',
      'crime reference 13/45678/26',
      'officer PC Aisha Khan',
      'I changed my route or routine',
      'I could not sleep that night.',
      'Saved as a quick note',
      'Home, 12 Example Road, Leeds LS1 1AA',
      'People and places named',
      'Tall, grey hoodie, drives a silver Ford Focus.',
      'How they are known ex-partner',
      'Other names and accounts Γιώργος lz_1987',
    ]) {
      expect(r.flat, phrase).toContain(phrase);
    }
  });

  it('prints names in other alphabets, and who made it', () => {
    for (const name of ['Łukasz Żółkiewski-Дмитриев', 'Nguyễn Thị Hạnh', 'Γιώργος', 'Zofia Wiśniewska']) expect(r.flat).toContain(name);
    expect(r.flat).toContain('My record for the police');
  });

  it('says on the cover when a writing system is not in the font, rather than dropping it silently', () => {
    expect(r.flat).toContain('1 entry or name uses a writing system this PDF\u2019s font does not include');
  });

  it('breaks a very long word or link across lines without losing a character', () => {
    expect(r.flat.replace(/\s/g, '')).toContain(LONG_WORD);
  });

  it('lists every saved version with its receipt time and log position', () => {
    const edited = r.input.entries.find((e) => e.id === 'e-edited')!;
    expect(edited.versions).toHaveLength(3);
    const section = r.text.slice(r.text.indexOf('Entry 3:'));
    for (const v of edited.versions) {
      const line = new RegExp(`^\\s*${v.version}( \\(shown\\))?\\s+${escape(ukTime(v.receipt.timestamp))}\\s+${v.receipt.leafIndex}$`, 'm');
      expect(section).toMatch(line);
    }
    expect(section).toContain('3 (shown)');
  });

  it('lists files that are not images with their size and SHA-256, and captions the photos', () => {
    for (const a of r.input.attachments) {
      expect(r.flat.replace(/\s/g, '')).toContain(a.sha256);
    }
    expect(r.flat).toContain('voicemail 4 March.m4a (audio/mp4, 40 bytes)');
  });

  it('names the pack on every page, with page numbers, and in the metadata', async () => {
    const id = `casebook-pack:${r.input.packSha256}`;
    const pages = r.text.split('\f').filter((page) => page.trim() !== '');
    expect(pages).toHaveLength(r.pages);
    pages.forEach((page, i) => {
      expect(page.replace(/\s+/g, '')).toContain(id);
      expect(page).toContain(`Page ${i + 1} of ${r.pages}`);
    });
    const doc = await PDFDocument.load(r.pdf, { updateMetadata: false });
    expect(doc.getTitle()).toContain(id);
    expect(doc.getSubject()).toContain(id);
    expect(doc.getKeywords()).toContain(id);
  });

  it('labels the legal summary as guidance, not legal advice, and has the log and the how-to-check page', () => {
    expect(r.flat).toContain('guidance, not legal advice');
    expect(r.flat).toContain('This is guidance, not legal advice.');
    expect(r.flat).toContain('Chronological log');
    expect(r.flat).toContain('Reported to / reference');
    expect(r.flat).toContain('How to check this pack');
    expect(r.flat).toContain('npm run verify -- pack.zip');
    expect(r.flat).toContain(r.input.logPublicKey);
  });

  it('has bookmarks for each section and each entry', async () => {
    const doc = await PDFDocument.load(r.pdf);
    const titles = (first: unknown): { title: string; children: string[] }[] => {
      const out: { title: string; children: string[] }[] = [];
      let item = first instanceof PDFDict ? first : undefined;
      while (item) {
        const children = item.lookupMaybe(PDFName.of('First'), PDFDict);
        out.push({ title: item.lookup(PDFName.of('Title'), PDFHexString).decodeText(), children: titles(children).map((c) => c.title) });
        item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
      }
      return out;
    };
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const tree = titles(outlines.lookup(PDFName.of('First'), PDFDict));
    expect(tree.map((t) => t.title)).toEqual([
      'Cover and summary',
      'Chronological log',
      'People and places named',
      'The entries in full',
      'How to check this pack',
    ]);
    expect(tree[3]!.children).toHaveLength(5);
    expect(tree[3]!.children[1]).toBe('Entry 2: Tuesday 3 March 2026 at 6:30pm');
  });

  it('renders every page to an image', () => {
    const pngs = readdirSync(r.dir).filter((name) => name.startsWith('page') && name.endsWith('.png'));
    expect(pngs).toHaveLength(r.pages);
    for (const png of pngs) expect(readFileSync(join(r.dir, png)).length).toBeGreaterThan(2000);
  });

  it('embeds the photos and subsets the fonts (the file stays small)', async () => {
    const doc = await PDFDocument.load(r.pdf);
    const images = doc.context.enumerateIndirectObjects().filter(([, obj]) => obj.toString().includes('/Subtype /Image'));
    expect(images.length).toBeGreaterThanOrEqual(2);
    // Two full Noto Sans faces are 1.2 MB; subsets of what is printed are a small part of that.
    expect(r.pdf.length).toBeLessThan(300_000);
  });
});

describe('renderEvidencePdf with nothing in it', () => {
  it('still makes a readable PDF: cover, an empty log, the how-to-check page', async () => {
    const log = await newTestLog();
    const input: EvidencePdfInput = {
      createdAt: Date.UTC(2026, 2, 6, 10),
      period: {},
      entries: [],
      people: [],
      places: [],
      attachments: [],
      packSha256: 'ab'.repeat(32),
      treeHead: await signHead(log),
      logPublicKey: log.publicKey,
      fonts: readFonts(),
    };
    const dir = mkdtempSync(join(tmpdir(), 'evidence-pdf-empty-'));
    writeFileSync(join(dir, 'empty.pdf'), await renderEvidencePdf(input));
    const text = execFileSync('pdftotext', [join(dir, 'empty.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('All dates');
    expect(text).toContain('This pack has no entries.');
    expect(text).toContain('How to check this pack');
    expect(text).not.toContain('Made by');
    expect(text).toMatch(/Page 1 of \d/);
  });

  it('reports progress and stops when asked', async () => {
    const log = await newTestLog();
    const pack = await packInputFor(
      log,
      Array.from({ length: 120 }, (_, i) => ({ id: `e${i}`, versions: [incident(`e${i}`, '2026-03-03', '10:00', `Entry ${i}`)] })),
    );
    const { input } = await pdfInputFor(pack, { fonts: readFonts() });
    const seen: number[] = [];
    await renderEvidencePdf({ ...input, onProgress: (done, total) => seen.push(done / total) });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThan(2);

    const controller = new AbortController();
    const stopped = renderEvidencePdf({
      ...input,
      signal: controller.signal,
      onProgress: (done) => done > 0 && controller.abort(new Error('stopped by the person')),
    });
    await expect(stopped).rejects.toThrow('stopped by the person');
  });

  it('refuses a pack id that is not a SHA-256', async () => {
    const log = await newTestLog();
    const input = {
      createdAt: 0,
      period: {},
      entries: [],
      people: [],
      places: [],
      attachments: [],
      packSha256: 'not-a-hash',
      treeHead: await signHead(log),
      logPublicKey: log.publicKey,
      fonts: readFonts(),
    };
    await expect(renderEvidencePdf(input)).rejects.toThrow('packSha256 must be 64 lower-case hex digits');
  });
});

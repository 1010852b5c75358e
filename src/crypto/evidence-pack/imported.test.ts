// Check 12 (docs/evidence-pack.md): an entry brought in from a message export holds each message exactly as the
// original file, which is in the pack, says at the place the entry names.
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../domain/incidents/index.ts';
import { parseExport, recordKeys } from '../../domain/message-import/index.ts';
import { renderWhatsAppExport } from '../../domain/message-import/test-support.ts';
import { utf8Decode, utf8Encode } from '../encoding.ts';
import { buildEvidencePack } from './build.ts';
import { sha256Hex } from './digest.ts';
import { incident, newTestLog, packInputFor } from './test-support.ts';
import { verifyEvidencePack } from './verify.ts';
import { deterministicZip } from './zip.ts';

const CHAT = utf8Encode(
  renderWhatsAppExport(
    [
      { local: '2026-03-01T18:30:00', sender: 'Sam', text: 'Why are you ignoring me' },
      { local: '2026-03-01T18:31:00', sender: 'Sam', text: 'I am outside\nopen the door' },
      { local: '2026-03-01T18:40:00', sender: 'Sam', text: 'Answer me' },
    ],
    { platform: 'android', clock: 24 },
  ),
);

async function importedIncident(change: (text: string, i: number) => string = (text) => text): Promise<Incident> {
  const parsed = await parseExport({ name: 'WhatsApp Chat with Sam.txt', bytes: CHAT, lastModified: 0 });
  const keys = recordKeys(parsed.records);
  const sha256 = await sha256Hex(CHAT);
  const attachment = { id: 'export-1', name: 'WhatsApp Chat with Sam.txt', type: 'text/plain', size: CHAT.length, sha256 };
  return {
    ...incident('entry-w', '2026-03-01', '18:30', '3 messages from Sam (WhatsApp).', {
      behaviours: ['contacting'],
      attachments: [attachment],
    }),
    imported: {
      source: { attachmentId: 'export-1', sha256, format: 'whatsapp' },
      messages: parsed.records.map((r, i) => ({
        locator: r.locator,
        channel: r.channel,
        sender: r.sender,
        at: r.at,
        timeSource: r.timeSource,
        direction: r.direction,
        text: change(r.text, i),
        key: keys[i]!,
      })),
    },
  };
}

async function packOf(content: Incident, withFile = true): Promise<Uint8Array> {
  const log = await newTestLog();
  const input = await packInputFor(
    log,
    [{ id: 'entry-w', versions: [content] }],
    withFile ? [{ id: 'export-1', bytes: CHAT, name: 'WhatsApp Chat with Sam.txt', type: 'text/plain' }] : [],
  );
  return buildEvidencePack(input);
}

let honest: Uint8Array;
beforeAll(async () => {
  honest = await packOf(await importedIncident());
});

describe('messages brought in from an export, in an evidence pack', () => {
  it('are found word for word in the original file, which the pack holds and the manifest hashes', async () => {
    const report = await verifyEvidencePack(honest);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.imports).toEqual([
      expect.objectContaining({ entry: 1, messages: 3, verified: true, file: 'WhatsApp Chat with Sam.txt' }),
    ]);
    expect(report.summary).toContain('All 3 messages brought in from exports are word for word what the original file says.');
    const files = unzipSync(honest);
    const manifest = JSON.parse(utf8Decode(files['manifest.json']!)) as { files: Record<string, string> };
    expect(manifest.files[`attachments/${await sha256Hex(CHAT)}`]).toBe(await sha256Hex(CHAT));
  });

  it('an entry whose message text differs from the file fails with its own sentence, though its receipt checks out', async () => {
    const forged = await packOf(await importedIncident((text, i) => (i === 1 ? 'I am outside' : text)));
    const report = await verifyEvidencePack(forged);
    expect(report.ok).toBe(false);
    expect(report.entries[0]!.verified).toBe(true);
    expect(report.problems).toEqual([
      expect.stringMatching(
        /^Entry 1, message 2 \(Sam, 1 March 2026 at 18:31 \(UK time\)\): the text is not what the original export "WhatsApp Chat with Sam.txt" says at line:\d+(-\d+)? — it has been changed\.$/,
      ),
    ]);
    expect(report.summary).toContain('1 message brought in from an export does not match the original file.');
  });

  it('a message edited in the pack after it was made fails both the commitment and the file', async () => {
    const files = new Map(Object.entries(unzipSync(honest)));
    const path = [...files.keys()].find((p) => p.startsWith('entries/') && p.endsWith('.json'))!;
    files.set(path, utf8Encode(utf8Decode(files.get(path)!).replace('Answer me', 'Answer me now')));
    const report = await verifyEvidencePack(deterministicZip([...files].map(([p, bytes]) => ({ path: p, bytes }))));
    expect(report.problems.some((p) => p.includes('the text does not match what was committed'))).toBe(true);
    expect(report.problems.some((p) => /^Entry 1, message 3 .*the text is not what the original export/.test(p))).toBe(true);
  });

  it('a pack made without the original file says so, and is not failed for it', async () => {
    const report = await verifyEvidencePack(await packOf(await importedIncident(), false));
    expect(report.ok).toBe(true);
    expect(report.notices.some((n) => n.includes('packed without the original file'))).toBe(true);
  });
});

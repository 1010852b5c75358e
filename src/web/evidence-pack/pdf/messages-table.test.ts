// The PDF lists an imported entry's messages as a table: time, sender, channel and text, read back with poppler.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { incident, newTestLog, packInputFor } from '../../../crypto/evidence-pack/test-support.ts';
import type { Incident } from '../../../domain/incidents/index.ts';
import { FONT_FILES, renderEvidencePdf } from './index.ts';
import { pdfInputFor, sha256Hex } from './test-support.ts';

const require = createRequire(import.meta.url);
const fonts = {
  regular: new Uint8Array(readFileSync(require.resolve(FONT_FILES.regular))),
  bold: new Uint8Array(readFileSync(require.resolve(FONT_FILES.bold))),
};

describe('the PDF of a pack with imported messages', () => {
  it('shows each message in a table with its time, sender, channel and text, and names the original file', async () => {
    const bytes = new TextEncoder().encode('01/03/2026, 18:30 - Sam: Answer the phone\n01/03/2026, 18:31 - Sam: I can see your car\n');
    const sha256 = await sha256Hex(bytes);
    const content: Incident = {
      ...incident('entry-w', '2026-03-01', '18:30', '2 messages and 1 missed call from Sam (WhatsApp, phone).', {
        behaviours: ['contacting'],
        attachments: [{ id: 'export-1', name: 'WhatsApp Chat with Sam.txt', type: 'text/plain', size: bytes.length, sha256 }],
      }),
      imported: {
        source: { attachmentId: 'export-1', sha256, format: 'whatsapp' },
        messages: [
          {
            locator: 'line:1',
            channel: 'whatsapp',
            sender: 'Sam',
            at: '2026-03-01T18:30:00Z',
            timeSource: 'export',
            direction: 'incoming',
            text: 'Answer the phone',
            key: 'k1',
          },
          {
            locator: 'line:2',
            channel: 'whatsapp',
            sender: 'Sam',
            at: '2026-03-01T18:31:00Z',
            timeSource: 'export',
            direction: 'incoming',
            text: 'I can see your car',
            key: 'k2',
          },
          {
            locator: 'line:3',
            channel: 'call',
            sender: 'Sam',
            at: '2026-03-01T18:45:00Z',
            timeSource: 'export',
            direction: 'incoming',
            text: '',
            call: { kind: 'missed', durationSeconds: 0 },
            key: 'k3',
          },
        ],
      },
    };
    const log = await newTestLog();
    const pack = await packInputFor(
      log,
      [{ id: 'entry-w', versions: [content] }],
      [{ id: 'export-1', bytes, name: 'WhatsApp Chat with Sam.txt', type: 'text/plain' }],
    );
    const { input } = await pdfInputFor(pack, { fonts });
    const pdf = await renderEvidencePdf({ ...input, verifyUrl: 'https://casebook.example/verify' });
    const dir = mkdtempSync(join(tmpdir(), 'pdf-messages-'));
    writeFileSync(join(dir, 'pack.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'pack.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Messages in entry 1 (3)');
    expect(text).toMatch(/Time\s+From\s+Channel\s+Text/);
    expect(text).toMatch(/1 March 2026 at 18:30\s+Sam\s+WhatsApp\s+Answer the phone/);
    expect(text).toMatch(/1 March 2026 at 18:45\s+Sam\s+Phone call\s+Missed call/);
    expect(text.replace(/\s+/g, ' ')).toContain(`SHA-256 ${sha256}`);
  });
});

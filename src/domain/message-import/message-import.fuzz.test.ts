// Fuzzing the message-import parsers, which read whatever file a person picks (and a stalker may have sent them):
// WhatsApp lines and ZIPs, SMS Backup XML, emails and mbox splitting, saved web pages (MHTML), Facebook and
// Instagram JSON, photos. Whatever the bytes, parseExport returns or throws its own ImportError, in bounded time,
// and what it returns is no larger than the file it read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectClearError, FUZZ_TEST_TIMEOUT_MS, fuzzParameters, mutated, mutatedText, outcomeOf } from '../../../test/support/fuzz.ts';
import { ImportError, type ImportFormat, type ParsedExport, parseExport } from './index.ts';
import { isZip } from './zip.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', name)));
const text = (name: string) => new TextDecoder().decode(fixture(name));
const encode = (s: string) => new TextEncoder().encode(s);

/** Output no larger than this many times the input (plus a little): decoding (base64, quoted-printable, entities, JSON escapes) only shrinks. */
const OUTPUT_FACTOR = 2;

function checkOutput(bytes: Uint8Array, parsed: ParsedExport): void {
  if (isZip(bytes)) return; // A ZIP inflates by design; its bounds are the ZIP limits, fuzzed in zip.test.ts.
  let size = 0;
  for (const record of parsed.records) {
    size += record.text.length + (record.subject?.length ?? 0);
    for (const attachment of record.attachments) size += attachment.bytes?.length ?? 0;
  }
  if (parsed.records.length > bytes.length) throw new Error(`${parsed.records.length} records from ${bytes.length} bytes`);
  if (size > OUTPUT_FACTOR * bytes.length + 4096)
    throw new Error(`${size} characters and bytes of output from ${bytes.length} bytes of input`);
}

function property(format: ImportFormat, inputs: fc.Arbitrary<Uint8Array>) {
  return fc.asyncProperty(inputs, fc.boolean(), async (bytes, forced) => {
    let parsed: ParsedExport | undefined;
    const thrown = await outcomeOf(async () => {
      parsed = await parseExport({ name: 'export', bytes, lastModified: Date.UTC(2026, 2, 1) }, forced ? { format } : {});
    });
    expectClearError(thrown, (error) => error instanceof ImportError && error.message.length > 0);
    if (parsed) checkOutput(bytes, parsed);
  });
}

/** Seed files as bytes (mutated) and as text (lines mixed with the format's hostile fragments). */
function inputs(files: string[], fragments: string[]): fc.Arbitrary<Uint8Array> {
  const asText = files.filter((name) => !/\.(zip|jpg|png)$/.test(name));
  return fc.oneof(...files.map((name) => mutated(fixture(name))), ...asText.map((name) => mutatedText(text(name), fragments).map(encode)));
}

describe('message-import parsers, fuzzed', () => {
  it(
    'WhatsApp text and ZIP exports',
    async () => {
      const files = [
        'whatsapp-android-12h-us.txt',
        'whatsapp-android-24h-uk.txt',
        'whatsapp-android-group.txt',
        'whatsapp-iphone-12h-uk.txt',
        'whatsapp-iphone-24h-ambiguous.txt',
        'whatsapp-iphone-group.txt',
        'whatsapp-iphone-with-media.zip',
      ];
      const fragments = [
        '31/02/2026, 25:61 - Alex: x',
        '[29/02/2025, 12:00:00\u202fPM] Sam: \u200eimage omitted',
        '0/0/0, 0:00 - :',
        '13/13/99, 9:99 pm - \u200e',
        '[1/1/2026, 00:00:00] Alex Morgan: <attached: 00000001-PHOTO-2026.jpg>',
        '12/31/2026, 11:59\u202fPM - "quoted" sender: hi',
        '01/01/1900, 00:00 - a: b',
        '99/99/9999, 99:99 - x',
        '\ufeff',
        '\r',
      ];
      await fc.assert(property('whatsapp', inputs(files, fragments)), fuzzParameters(1_000, 1_500));
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'SMS Backup & Restore XML',
    async () => {
      const files = ['sms-backup.xml', 'sms-backup-calls.xml', 'sms-backup-billion-laughs.xml'];
      const fragments = [
        '<sms address="1" date="-1" type="9" body="&#xD800;&#xDC00;&#55357;&#56832;&#x110000;&#0;" />',
        '<sms date="99999999999999999999" body="&amp;&lt;&gt;&quot;&apos;&unknown;" />',
        '<mms date="1772389800000" msg_box="1"><parts><part ct="image/jpeg" data="!!!not base64" /><part ct="text/plain" text="hi" /></parts><addrs><addr address="x" type="137" /></addrs></mms>',
        '<mms><parts><part data="QUJD' + 'QUJD'.repeat(50) + '" /></parts></mms>',
        '<call number="+44" duration="-5" date="1772389800000" type="77" />',
        '<!DOCTYPE smses [<!ENTITY a "aaaa">]>',
        '<a><b><c><d><e><f><g><h><i><j>',
        '</smses>',
        '<![CDATA[ ]]>',
        '<?xml version="1.0"?>',
      ];
      await fc.assert(property('sms-backup', inputs(files, fragments)), fuzzParameters(1_000, 1_500));
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'emails and mbox files',
    async () => {
      const files = ['email.mbox', 'email-multipart.eml', 'email-html-only.eml'];
      const fragments = [
        'From sam@example.org Sat Jan  3 00:00:00 2026',
        'From ',
        '>From the start',
        'Content-Type: multipart/mixed; boundary="b"',
        '--b',
        '--b--',
        'Content-Transfer-Encoding: base64',
        'Content-Transfer-Encoding: quoted-printable',
        '=E2=80=',
        'Date: Thu, 31 Feb 2026 25:61:61 +9999',
        'Subject: =?utf-8?B?!!!?=',
        'Content-Type: message/rfc822',
        '',
      ];
      await fc.assert(property('email', inputs(files, fragments)), fuzzParameters(800, 1_500));
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'saved web pages (MHTML and HTML)',
    async () => {
      const files = ['web-page.mhtml', 'web-page.html'];
      const fragments = [
        'Snapshot-Content-Location: javascript:alert(1)',
        'Content-Type: multipart/related; boundary="x"',
        '--x',
        '<title>' + 'a'.repeat(200),
        '<link rel="canonical" href="',
        '<!-- saved from url=(0042)',
        '<meta property="og:url" content="http://[::1">',
        '=3D',
        '<script>',
        '',
      ];
      await fc.assert(property('web-page', inputs(files, fragments)), fuzzParameters(800, 1_500));
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'Facebook and Instagram message JSON',
    async () => {
      const files = ['facebook-message_1.json', 'instagram-message_1.json'];
      const fragments = [
        '"timestamp_ms": -1,',
        '"timestamp_ms": 1e308,',
        '"content": "\\u00c3\\u00a9\\u00f0\\u009f\\u0098",',
        '"sender_name": null,',
        '"messages": {},',
        '"participants": [1, [], {}],',
        '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
        '"photos": [{"uri": "../../../etc/passwd", "creation_timestamp": "x"}],',
        '"share": {"link": 5},',
        '}',
      ];
      await fc.assert(property('facebook', inputs(files, fragments)), fuzzParameters(800, 1_500));
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'photos and screenshots',
    async () => {
      const files = ['photo-exif-gps.jpg', 'screenshot-no-metadata.png', 'screenshot-xmp.png'];
      await fc.assert(property('image', inputs(files, [])), fuzzParameters(800, 1_500));
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpdHoursText } from '../../../domain/training/event-form.ts';
import type { Booking, TrainingEvent } from './repository.ts';

// The evidence pack's font (Noto Sans, SIL Open Font Licence), so any name prints. It is embedded whole
// rather than subset: fontkit's subsetter misplaces Noto Sans glyphs (the evidence pack works around that in
// browser code the server may not import), and one page does not need the saving.
const require = createRequire(import.meta.url);
let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined;
const fontBytes = () =>
  (fonts ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf')),
  });

const longDate = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** A one-page A4 certificate of attendance with the CPD hours and the code anyone can check. */
export async function certificatePdf(event: TrainingEvent, booking: Booking, checkUrl: string): Promise<Uint8Array> {
  // Loaded on the first certificate: pdf-lib and fontkit (several MB of code and tables) would otherwise sit in
  // every process's memory for a page few people ask for.
  const [{ PDFDocument, rgb }, { default: fontkit }] = await Promise.all([import('pdf-lib'), import('@pdf-lib/fontkit')]);
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle('Certificate of attendance');
  pdf.setProducer('Casebook');
  pdf.setCreationDate(new Date(booking.certificateIssuedAt ?? 0));
  pdf.setModificationDate(new Date(booking.certificateIssuedAt ?? 0));
  const regular = await pdf.embedFont(fontBytes().regular, { subset: false });
  const bold = await pdf.embedFont(fontBytes().bold, { subset: false });
  const page = pdf.addPage([595.28, 841.89]);
  const ink = rgb(0.043, 0.047, 0.047);
  const accent = rgb(0.114, 0.439, 0.722);
  const margin = 64;
  const width = page.getWidth() - margin * 2;
  let y = page.getHeight() - 110;

  /** Centred text, wrapped to the page's width. */
  const line = (text: string, size: number, font = regular, gap = 10, color = ink) => {
    const words = text.split(/\s+/);
    let current = '';
    const lines: string[] = [];
    for (const word of words) {
      const next = current ? `${current} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && current) {
        lines.push(current);
        current = word;
      } else current = next;
    }
    if (current) lines.push(current);
    for (const l of lines) {
      page.drawText(l, { x: margin + (width - font.widthOfTextAtSize(l, size)) / 2, y, size, font, color });
      y -= size * 1.3;
    }
    y -= gap;
  };

  page.drawRectangle({ x: 32, y: 32, width: page.getWidth() - 64, height: page.getHeight() - 64, borderColor: accent, borderWidth: 3 });
  line('Certificate of attendance', 30, bold, 36, accent);
  line('This is to certify that', 14, regular, 14);
  line(booking.name, 24, bold, 8);
  line(booking.organisation, 14, regular, 24);
  line('attended', 14, regular, 14);
  line(event.title, 20, bold, 8);
  line(longDate.format(new Date(event.startsAt)), 14, regular, 24);
  line(`CPD: ${cpdHoursText(event.cpdTenths)} ${event.cpdTenths === 10 ? 'hour' : 'hours'}`, 18, bold, 48);
  line(`Certificate code: ${booking.certificateCode}`, 13, bold, 6);
  line(`Anyone can check this certificate at ${checkUrl}`, 11, regular, 6);
  line(
    'The check shows the event, the date, the CPD hours and the name on this certificate, and nothing about anyone else who attended.',
    10,
    regular,
    0,
  );
  return pdf.save();
}

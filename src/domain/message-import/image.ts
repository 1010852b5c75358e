// Screenshots and photos: when they were taken, from the picture's own metadata if it has any (EXIF in a JPEG,
// HEIC or PNG eXIf chunk, XMP, PNG tIME), otherwise the file's date on the device, which copying or sending
// can change and so is labelled the weaker of the two. Location is read only so the person can see it and drop
// it (src/domain/forums/image-metadata.ts strips it). exifr reads the metadata; only PNG tIME is read here.
import exifr from 'exifr';
import { exifCountsFit } from './exif-counts.ts';
import { londonInstant, londonWallClockToMs } from './london-time.ts';
import { ImportError, type ImportedRecord, type ImportInput, type ParsedExport } from './model.ts';
import { isHeic, isJpeg, isPng } from './signatures.ts';

const EXIF_TIME = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/**
 * A metadata time as milliseconds. EXIF writes wall-clock time with its offset in a separate tag (since EXIF 2.31,
 * which phones write); without one it is read as UK time, as a UK phone's clock would be.
 */
function timeOf(value: unknown, offset: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = EXIF_TIME.exec(value) ?? ISO_TIME.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const s = Number(m[6] ?? 0);
  if (y < 1990 || y > 2199 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const zone = typeof offset === 'string' ? offset.trim() : m[7];
  if (zone === 'Z') return Date.UTC(y, mo - 1, d, h, mi, s);
  const o = zone ? OFFSET.exec(zone) : null;
  if (o) return Date.UTC(y, mo - 1, d, h, mi, s) - (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3])) * 60_000;
  return londonWallClockToMs(y, mo, d, h, mi, s);
}

/** PNG tIME: the last change to the picture, in UTC (PNG 1.2, 11.3.4.6). */
function pngTime(bytes: Uint8Array): number | undefined {
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!;
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'tIME' && length === 7 && at + 15 <= bytes.length) {
      const b = bytes.subarray(at + 8, at + 15);
      const year = (b[0]! << 8) | b[1]!;
      if (year < 1990 || year > 2199 || b[2]! < 1 || b[2]! > 12 || b[3]! < 1 || b[3]! > 31 || b[4]! > 23 || b[5]! > 59 || b[6]! > 60)
        return undefined;
      return Date.UTC(year, b[2]! - 1, b[3]!, b[4]!, b[5]!, Math.min(59, b[6]!));
    }
    if (type === 'IDAT' || type === 'IEND') return undefined;
    at += 12 + length;
  }
  return undefined;
}

type Tags = Record<string, unknown>;

export async function parseImage(input: ImportInput): Promise<ParsedExport> {
  const bytes = input.bytes;
  const png = isPng(bytes);
  if (!png && !isJpeg(bytes) && !isHeic(bytes))
    throw new ImportError('not-this-format', 'This is not a photo or screenshot Casebook can read. Use a JPEG, PNG or HEIC picture.');
  const warnings: string[] = [];
  let tags: Tags | undefined;
  try {
    if (!exifCountsFit(bytes)) throw new Error('an EXIF tag declares more values than the file holds');
    tags = (await exifr.parse(bytes, {
      reviveValues: false,
      tiff: true,
      exif: true,
      gps: true,
      xmp: true,
      icc: false,
      iptc: false,
      jfif: false,
      ihdr: false,
      mergeOutput: true,
    })) as Tags | undefined;
  } catch {
    warnings.push('The picture’s details could not be read (it may be damaged), so the date the file was saved is used.');
  }
  tags ??= {};
  const fromMetadata =
    timeOf(tags.DateTimeOriginal, tags.OffsetTimeOriginal) ??
    timeOf(tags.CreateDate, tags.OffsetTimeDigitized) ??
    timeOf(tags.DateCreated, undefined) ??
    (png ? pngTime(bytes) : undefined) ??
    timeOf(tags.ModifyDate, tags.OffsetTime);
  const timeSource: ImportedRecord['timeSource'] = fromMetadata === undefined ? 'file-modified' : 'metadata';
  if (fromMetadata === undefined)
    warnings.push(
      'This picture has no time of its own, so the date the file was saved is used. That date can change when a file is copied or sent, so it is weaker evidence.',
    );
  const record: ImportedRecord = {
    locator: 'image',
    channel: 'screenshot',
    at: londonInstant(fromMetadata ?? input.lastModified),
    timeSource,
    sender: '',
    direction: 'unknown',
    text: '',
    attachments: [{ name: input.name, type: png ? 'image/png' : isHeic(bytes) ? 'image/heic' : 'image/jpeg' }],
    system: false,
  };
  const parsed: ParsedExport = { format: 'image', records: [record], participants: [], warnings };
  const latitude = tags.latitude;
  const longitude = tags.longitude;
  if (
    typeof latitude === 'number' &&
    typeof longitude === 'number' &&
    Number.isFinite(latitude) &&
    Number.isFinite(longitude) &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180
  ) {
    parsed.location = { latitude, longitude };
    warnings.push('This picture holds the place it was taken. You can keep it or drop it before it is saved.');
  }
  return parsed;
}

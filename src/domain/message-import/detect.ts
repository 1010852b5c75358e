// Which export a file is, from its bytes alone: names and types from the browser are often wrong (a WhatsApp
// .txt saved as .zip by a mail app, an .mbox called .txt), so they are never trusted.
import type { ImportFormat, ImportInput } from './model.ts';
import { isHeic, isJpeg, isPng } from './signatures.ts';
import { looksBinary, utf16WithoutMark } from './text.ts';
import { chatEntry, looksLikeWhatsApp } from './whatsapp.ts';
import { isZip, listZip, type ZipEntry } from './zip.ts';

const SNIFF_BYTES = 64 * 1024;

export function detectFormat(input: ImportInput): ImportFormat | undefined {
  const bytes = input.bytes;
  if (bytes.length === 0) return undefined;
  if (isZip(bytes)) return detectZip(bytes);
  if (isJpeg(bytes) || isPng(bytes) || isHeic(bytes)) return 'image';
  const head = sniffText(bytes);
  if (head === undefined) return undefined;
  return detectText(head);
}

function detectZip(bytes: Uint8Array): ImportFormat | undefined {
  let entries: ZipEntry[];
  try {
    entries = listZip(bytes);
  } catch {
    return undefined;
  }
  const meta = metaThreads(entries);
  if (meta.length) return meta.some((e) => /instagram/i.test(e.name)) ? 'instagram' : 'facebook';
  return chatEntry(entries) ? 'whatsapp' : undefined;
}

/** Message files of a Facebook or Instagram download: …/messages/inbox/<thread>/message_1.json and the other folders beside inbox. */
export function metaThreads(entries: readonly ZipEntry[]): ZipEntry[] {
  return entries.filter((e) =>
    /(^|\/)messages\/(?:inbox|archived_threads|filtered_threads|message_requests|e2ee_cutover)\/[^/]+\/message_\d+\.json$/.test(e.name),
  );
}

/** The first 64 KB as text, or undefined when it is not text in UTF-8 or UTF-16. */
function sniffText(bytes: Uint8Array): string | undefined {
  let encoding = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) (encoding = 'utf-16le'), (start = 2);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) (encoding = 'utf-16be'), (start = 2);
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else encoding = utf16WithoutMark(bytes) ?? encoding;
  let end = Math.min(bytes.length, start + SNIFF_BYTES);
  if (encoding !== 'utf-8') end -= (end - start) % 2;
  let text: string;
  try {
    // Not fatal at the cut: the last character may be split. Invalid bytes before it still show as U+FFFD.
    text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(start, end));
  } catch {
    return undefined;
  }
  const body = end < bytes.length ? text.slice(0, -2) : text;
  if (body.includes('\ufffd') || looksBinary(body)) return undefined;
  return body;
}

export function detectText(head: string): ImportFormat | undefined {
  const start = head.replace(/^[\s\ufeff]+/, '');
  if (start.startsWith('<') && /<(?:smses|calls)[\s>]/.test(start.slice(0, 4096))) return 'sms-backup';
  if (start.startsWith('{') && /"participants"\s*:/.test(head) && /"messages"\s*:/.test(head)) {
    return /instagram/i.test(head) ? 'instagram' : 'facebook';
  }
  if (looksLikeWhatsApp(start)) return 'whatsapp';
  const headers = start.slice(0, start.search(/\r?\n\r?\n/) >>> 0);
  // Browsers write Snapshot-Content-Location (and "From: <Saved by Blink>"); an HTML email with pictures is multipart/related too.
  if (/^Snapshot-Content-Location:/im.test(headers) || /^From: <Saved by /im.test(headers)) return 'web-page';
  if (/^(?:<!DOCTYPE html|<html[\s>]|<!-- saved from url=)/i.test(start)) return 'web-page';
  if (/^From \S+ .*\d\d:\d\d/.test(start)) return 'email';
  if (/^[A-Za-z-]+:/.test(start) && /^From:/im.test(headers) && /^(?:Date|Subject|To|Message-ID|Received):/im.test(headers)) return 'email';
  return undefined;
}

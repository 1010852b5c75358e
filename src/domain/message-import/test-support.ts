// Makes exports for tests and benchmarks, in the exact formats the apps write (see whatsapp.ts for the rules).
// Pure: returns text or bytes, so unit tests, the bench and browser tests can all make big and small files.

export interface ChatMessage {
  /** London wall-clock time as the phone showed it: 'YYYY-MM-DDTHH:mm:ss'. */
  local: string;
  sender: string;
  /** May run over several lines. */
  text: string;
}

export interface WhatsAppStyle {
  platform: 'android' | 'iphone';
  clock: 12 | 24;
  /** 'dmy' as UK phones write; 'mdy' as US ones do. */
  order?: 'dmy' | 'mdy';
  yearDigits?: 2 | 4;
  /** iPhone writes 'PM' after a narrow no-break space; Android writes 'pm' after a space. */
  meridiem?: 'am' | 'AM';
  lineEnding?: '\n' | '\r\n';
  /** Start with the end-to-end encryption notice, as every export does. */
  encryptionNotice?: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A WhatsApp "Export chat" .txt for these messages, in the given app's style. */
export function renderWhatsAppExport(messages: readonly ChatMessage[], style: WhatsAppStyle): string {
  const eol = style.lineEnding ?? '\n';
  const iphone = style.platform === 'iphone';
  const out: string[] = [];
  const header = (local: string) => {
    const [date, time] = local.split('T') as [string, string];
    const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
    const [h, mi, s] = time.split(':').map(Number) as [number, number, number];
    const year = style.yearDigits === 2 ? pad(y % 100) : String(y);
    const dayMonth = (style.order ?? 'dmy') === 'dmy' ? [d, mo] : [mo, d];
    const dateText = style.clock === 12 && !iphone ? `${dayMonth[0]}/${dayMonth[1]}/${year}` : `${pad(dayMonth[0]!)}/${pad(dayMonth[1]!)}/${year}`;
    const seconds = iphone ? `:${pad(s)}` : '';
    let timeText: string;
    if (style.clock === 24) timeText = `${pad(h)}:${pad(mi)}${seconds}`;
    else {
      const upper = (style.meridiem ?? (iphone ? 'AM' : 'am')) === 'AM';
      const suffix = h < 12 ? (upper ? 'AM' : 'am') : upper ? 'PM' : 'pm';
      timeText = `${h % 12 === 0 ? 12 : h % 12}:${pad(mi)}${seconds}${iphone ? '\u202f' : ' '}${suffix}`;
    }
    if (iphone) return `[${dateText}, ${timeText}] `;
    return `${dateText}, ${timeText} - `;
  };
  if (style.encryptionNotice && messages.length) {
    const notice = 'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.';
    out.push(iphone ? `\u200e${header(messages[0]!.local)}${messages[0]!.sender}: \u200e${notice}` : `${header(messages[0]!.local)}${notice} Tap to learn more.`);
  }
  for (const message of messages) out.push(`${header(message.local)}${message.sender}: ${message.text.split('\n').join(eol)}`);
  return out.join(eol) + eol;
}

const WORDS = ['why', 'are', 'you', 'ignoring', 'me', 'I', 'saw', 'your', 'car', 'outside', 'answer', 'the', 'phone', 'please', 'stop', 'now', 'tonight', 'again', '😡', 'café'];

/** `count` messages a minute or so apart from 1 March 2026, two senders, some over several lines (deterministic). */
export function makeChat(count: number, options: { startMs?: number; senders?: readonly string[] } = {}): ChatMessage[] {
  const senders = options.senders ?? ['Alex Morgan', 'Sam'];
  let seed = 12345;
  const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed);
  let ms = options.startMs ?? Date.UTC(2026, 2, 1, 8, 0, 0);
  const messages: ChatMessage[] = [];
  for (let i = 0; i < count; i++) {
    ms += 20_000 + (next() % 180) * 1000;
    const d = new Date(ms);
    // Wall-clock times stepped in UTC and written as local: no time falls in a clock-change hour unless the range spans one.
    const local = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    const words = 3 + (next() % 25);
    let text = '';
    for (let w = 0; w < words; w++) text += (w ? ' ' : '') + WORDS[next() % WORDS.length];
    if (next() % 20 === 0) text += '\nand another line';
    messages.push({ local, sender: senders[next() % senders.length]!, text });
  }
  return messages;
}

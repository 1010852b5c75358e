// The talk page's words, in the page's language: the server writes the `talk` catalogue's `app` part into the
// page as JSON (<script type="application/json" id="talk-words">), so this bundle has no words of its own and
// the language comes from the page each time, never from storage (T1).
import { fill } from '../../domain/messages/fill.ts';
import type { CodeProblem } from './conversation-code.ts';

export const TALK_WORD_KEYS = [
  'error',
  'network',
  'notFound',
  'startHeading',
  'startText',
  'startButton',
  'comeBackHeading',
  'codeLabel',
  'codeHint',
  'openConversation',
  'opening',
  'codeEmpty',
  'codeUnknownWord',
  'codeLength',
  'diaryHeading',
  'diaryText',
  'username',
  'passphrase',
  'enterUsername',
  'enterPassphrase',
  'openDiary',
  'openingDiary',
  'codeHeading',
  'codeWarning',
  'checkText',
  'word',
  'wordError',
  'confirm',
  'confirmError',
  'startConversation',
  'back',
  'starting',
  'errorPrefix',
  'conversationHeading',
  'statusClosed',
  'statusAnswered',
  'statusWaiting',
  'firstMessage',
  'messages',
  'you',
  'helpline',
  'authorTime',
  'cannotOpen',
  'messageLabel',
  'messageHint',
  'writeMessage',
  'tooLong',
  'fileLabel',
  'fileHint',
  'fileTooBig',
  'sending',
  'send',
  'sent',
  'cannotReceive',
  'sharesHeading',
  'noShares',
  'shareCannotOpen',
  'endShare',
  'endShareHidden',
  'endShareText',
  'shared',
  'shareEnded',
  'shareFromDiary',
  'diaryEmpty',
  'allShared',
  'share',
  'shareHidden',
  'withHelpline',
  'leavingHeading',
  'leavingText',
  'leave',
  'warning',
  'dayNames',
  'monthNames',
  'dateTime',
  'problem',
] as const;
export type TalkWords = Readonly<Record<(typeof TALK_WORD_KEYS)[number], string>>;

/** The page's language: Welsh on /cy/talk/helpline, English otherwise. */
export function pageLanguage(doc: Document = document): 'en' | 'cy' {
  return doc.documentElement.lang === 'cy' ? 'cy' : 'en';
}

/** The words the page carries; a key it lacks comes back as the key, so a gap shows rather than breaks the page. */
export function wordsOf(doc: Document = document): TalkWords {
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(doc.getElementById('talk-words')?.textContent ?? '{}') as Record<string, unknown>;
  } catch {
    data = {};
  }
  return Object.fromEntries(TALK_WORD_KEYS.map((key) => [key, typeof data[key] === 'string' ? data[key] : key])) as TalkWords;
}

export { fill };

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/London',
});
const WEEKDAY_INDEX: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/**
 * A message's date and time in the page's language: from the platform (Intl) where it knows the language, else
 * (Chromium ships no Welsh date names) from the catalogue's day and month names, on the 24-hour clock as
 * Welsh services write it: "Gwe 4 Rhag, 21:36".
 */
export function dateTimeFormatter(words: TalkWords, language: 'en' | 'cy'): (ms: number) => string {
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'Europe/London',
  };
  const locale = language === 'cy' ? 'cy' : 'en-GB';
  if (language === 'en' || Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0) {
    const format = new Intl.DateTimeFormat(locale, language === 'cy' ? { ...options, hourCycle: 'h23' } : options);
    return (ms) => format.format(new Date(ms));
  }
  const days = words.dayNames.split(',');
  const months = words.monthNames.split(',');
  return (ms) => {
    const parts = Object.fromEntries(LONDON_PARTS.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
    return fill(words.dateTime, {
      day: days[WEEKDAY_INDEX[parts.weekday ?? ''] ?? 0] ?? '',
      date: Number(parts.day),
      month: months[Number(parts.month) - 1] ?? '',
      time: `${parts.hour}:${parts.minute}`,
    });
  };
}

export function codeProblemText(words: TalkWords, problem: CodeProblem, codeWords: number): string {
  switch (problem.kind) {
    case 'empty':
      return words.codeEmpty;
    case 'unknown-word':
      return fill(words.codeUnknownWord, { number: problem.number, word: problem.word });
    case 'length':
      return fill(words.codeLength, { count: codeWords, entered: problem.entered });
  }
}

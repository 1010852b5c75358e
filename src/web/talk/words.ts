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

export { dateTimeFormatter } from '../../domain/messages/date-time.ts';
export { fill };

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

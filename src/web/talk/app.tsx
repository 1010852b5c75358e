// The person's side of a conversation with the helpline. Screens: choose (start, come back, or open the diary),
// the new code (write it down, prove it), and the conversation itself. Everything decrypted lives in this
// component tree's memory; leaving the page or pressing "Leave and lock" drops it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { HttpError } from '../http/http-client.ts';
import { Busy, Button, ErrorSummary, errorFor, type FieldError, PasswordInput, Textarea, TextInput } from '../vault/ui/components.tsx';
import type { StoredMessage } from './api.ts';
import { AttachmentLink } from './attachment-link.tsx';
import { CODE_WORDS, generateCode, parseCode } from './conversation-code.ts';
import { type LinkedDiary, openDiary, shareOf } from './diary-link.ts';
import type { MessageContent } from './sealed-content.ts';
import { type ConversationView, OpenConversation } from './session.ts';
import { codeProblemText, dateTimeFormatter, fill, pageLanguage, type TalkWords, wordsOf } from './words.ts';

export const MAX_MESSAGE_LENGTH = 10_000;
export const MAX_ATTACHMENT_BYTES = 1024 * 1024;

type Screen =
  | { name: 'choose' }
  | { name: 'new-code'; words: string[] }
  | { name: 'conversation'; open: OpenConversation; diary?: LinkedDiary };

// Read once, from the page: the words and the language of /talk/helpline or /cy/talk/helpline.
let pageWords: TalkWords | undefined;
const w = (): TalkWords => (pageWords ??= wordsOf());

/**
 * An API error in the page's language. The server's messages are English; an English page shows them (they name
 * the limit that was hit), a Welsh one the page's own words for the errors a person can meet.
 */
const messageOf = (error: unknown) => {
  if (!(error instanceof HttpError)) return w().error;
  if (pageLanguage() === 'en') return error.message;
  return error.code === 'not_found' ? w().notFound : error.kind === 'network' ? w().network : w().error;
};

export function TalkApp({ onOpen }: { onOpen: (open: OpenConversation | undefined) => void }) {
  const [screen, setScreen] = useState<Screen>({ name: 'choose' });
  const show = (next: Screen) => {
    onOpen(next.name === 'conversation' ? next.open : undefined);
    setScreen(next);
  };
  if (screen.name === 'new-code')
    return (
      <NewCode words={screen.words} onStarted={(open) => show({ name: 'conversation', open })} onBack={() => show({ name: 'choose' })} />
    );
  if (screen.name === 'conversation') {
    return <Conversation open={screen.open} {...(screen.diary ? { diary: screen.diary } : {})} onLeave={() => show({ name: 'choose' })} />;
  }
  return (
    <Choose
      onNew={() => show({ name: 'new-code', words: generateCode() })}
      onOpened={(open, diary) => show({ name: 'conversation', open, ...(diary ? { diary } : {}) })}
    />
  );
}

function Choose({ onNew, onOpened }: { onNew: () => void; onOpened: (open: OpenConversation, diary?: LinkedDiary) => void }) {
  const [code, setCode] = useState('');
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState<string | undefined>();

  const comeBack = async (event: Event) => {
    event.preventDefault();
    const parsed = parseCode(code);
    if (!parsed.ok) return setErrors([{ href: '#talk-code', text: codeProblemText(w(), parsed.problem, CODE_WORDS) }]);
    setBusy(w().opening);
    try {
      onOpened(await OpenConversation.resume(parsed.words));
    } catch (error) {
      setErrors([{ href: '#talk-code', text: messageOf(error) }]);
      setBusy(undefined);
    }
  };

  const withDiary = async (event: Event) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!username.trim()) problems.push({ href: '#talk-username', text: w().enterUsername });
    if (!passphrase) problems.push({ href: '#talk-passphrase', text: w().enterPassphrase });
    if (problems.length) return setErrors(problems);
    setBusy(w().openingDiary);
    try {
      const diary = await openDiary(username.trim(), passphrase);
      setPassphrase('');
      const open = await OpenConversation.resume(diary.words).catch(async (error: unknown) => {
        if (error instanceof HttpError && error.status === 404) return OpenConversation.start(diary.words);
        throw error;
      });
      onOpened(open, diary);
    } catch (error) {
      setErrors([{ href: '#talk-passphrase', text: messageOf(error) }]);
      setBusy(undefined);
    }
  };

  if (busy) return <Busy>{busy}</Busy>;
  return (
    <div>
      <ErrorSummary errors={errors} title={w().problem} />
      <h2 class="govuk-heading-m">{w().startHeading}</h2>
      <p class="govuk-body">{fill(w().startText, { count: CODE_WORDS })}</p>
      <Button onClick={onNew}>{w().startButton}</Button>

      <h2 class="govuk-heading-m">{w().comeBackHeading}</h2>
      <form onSubmit={comeBack} novalidate>
        <TextInput
          id="talk-code"
          label={w().codeLabel}
          hint={fill(w().codeHint, { count: CODE_WORDS })}
          value={code}
          onInput={setCode}
          error={errorFor(errors, 'talk-code')}
          autocomplete="off"
          spellcheck={false}
        />
        <Button type="submit" variant="secondary">
          {w().openConversation}
        </Button>
      </form>

      <h2 class="govuk-heading-m">{w().diaryHeading}</h2>
      <p class="govuk-body">{w().diaryText}</p>
      <form onSubmit={withDiary} novalidate>
        <TextInput
          id="talk-username"
          label={w().username}
          value={username}
          onInput={setUsername}
          error={errorFor(errors, 'talk-username')}
          autocomplete="username"
          spellcheck={false}
        />
        <PasswordInput
          id="talk-passphrase"
          label={w().passphrase}
          value={passphrase}
          onInput={setPassphrase}
          error={errorFor(errors, 'talk-passphrase')}
          autocomplete="current-password"
        />
        <Button type="submit" variant="secondary">
          {w().openDiary}
        </Button>
      </form>
    </div>
  );
}

/** Two words chosen at random: typing them back shows the code was written down, not just glanced at. */
function pickChecks(): [number, number] {
  const a = 1 + Math.floor(Math.random() * (CODE_WORDS - 1));
  const b = (a + 1 + Math.floor(Math.random() * (CODE_WORDS - 2))) % CODE_WORDS;
  return a < b ? [a, b] : [b, a];
}

function NewCode({ words, onStarted, onBack }: { words: string[]; onStarted: (open: OpenConversation) => void; onBack: () => void }) {
  const [checks] = useState(pickChecks);
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  const start = async (event: Event) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    const same = (typed: string, index: number) => {
      const word = typed.trim().toLowerCase();
      return word === words[index] || (word.length >= 4 && words[index]!.startsWith(word));
    };
    if (!same(first, checks[0])) problems.push({ href: '#talk-check-1', text: fill(w().wordError, { number: checks[0] + 1 }) });
    if (!same(second, checks[1])) problems.push({ href: '#talk-check-2', text: fill(w().wordError, { number: checks[1] + 1 }) });
    if (!confirmed) problems.push({ href: '#talk-confirm', text: w().confirmError });
    if (problems.length) return setErrors(problems);
    setBusy(true);
    try {
      onStarted(await OpenConversation.start(words));
    } catch (error) {
      setErrors([{ href: '#talk-check-1', text: messageOf(error) }]);
      setBusy(false);
    }
  };

  if (busy) return <Busy>{w().starting}</Busy>;
  return (
    <div>
      <ErrorSummary errors={errors} title={w().problem} />
      <h2 class="govuk-heading-m">{w().codeHeading}</h2>
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">{w().warning}</span>
          {w().codeWarning}
        </strong>
      </div>
      <ol class="casebook-talk__code" data-talk-code aria-label={w().codeHeading}>
        {words.map((word, i) => (
          <li key={i}>{word}</li>
        ))}
      </ol>
      <form onSubmit={start} novalidate>
        <p class="govuk-body">{w().checkText}</p>
        <TextInput
          id="talk-check-1"
          label={fill(w().word, { number: checks[0] + 1 })}
          value={first}
          onInput={setFirst}
          error={errorFor(errors, 'talk-check-1')}
          autocomplete="off"
          spellcheck={false}
          inputClass="govuk-input--width-10"
        />
        <TextInput
          id="talk-check-2"
          label={fill(w().word, { number: checks[1] + 1 })}
          value={second}
          onInput={setSecond}
          error={errorFor(errors, 'talk-check-2')}
          autocomplete="off"
          spellcheck={false}
          inputClass="govuk-input--width-10"
        />
        <div class={`govuk-form-group${errorFor(errors, 'talk-confirm') ? ' govuk-form-group--error' : ''}`}>
          {errorFor(errors, 'talk-confirm') ? (
            <p class="govuk-error-message" id="talk-confirm-error">
              <span class="govuk-visually-hidden">{w().errorPrefix}</span> {errorFor(errors, 'talk-confirm')}
            </p>
          ) : null}
          <div class="govuk-checkboxes govuk-checkboxes--small">
            <div class="govuk-checkboxes__item">
              <input
                class="govuk-checkboxes__input"
                id="talk-confirm"
                type="checkbox"
                checked={confirmed}
                onChange={(e) => setConfirmed((e.target as HTMLInputElement).checked)}
                {...(errorFor(errors, 'talk-confirm') ? { 'aria-describedby': 'talk-confirm-error' } : {})}
              />
              <label class="govuk-label govuk-checkboxes__label" for="talk-confirm">
                {w().confirm}
              </label>
            </div>
          </div>
        </div>
        <div class="govuk-button-group">
          <Button type="submit">{w().startConversation}</Button>
          <Button variant="secondary" onClick={onBack}>
            {w().back}
          </Button>
        </div>
      </form>
    </div>
  );
}

// Dates and times in the page's language (Welsh: "Mer 25 Tach, 10:00").
let timeFormat: ((ms: number) => string) | undefined;
const when = (ms: number) => (timeFormat ??= dateTimeFormatter(w(), pageLanguage()))(ms);

async function readAttachment(file: File): Promise<MessageContent['attachment']> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name.slice(0, 200), type: (file.type || 'application/octet-stream').slice(0, 100), data: btoa(binary) };
}

function Conversation({ open, diary, onLeave }: { open: OpenConversation; diary?: LinkedDiary; onLeave: () => void }) {
  const [view, setView] = useState<ConversationView | undefined>();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | undefined>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);

  const redraw = async () => setView(await open.view());
  useEffect(() => {
    const controller = new AbortController();
    void redraw();
    void open.client.listen((event, data) => {
      if (event === 'message') {
        open.add(data as StoredMessage);
        void redraw();
      } else if (event === 'refresh') {
        void open.refresh().then(redraw);
      }
    }, controller.signal);
    return () => controller.abort();
  }, [open]);

  const send = async (event: Event) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!text.trim() && !file) problems.push({ href: '#talk-message', text: w().writeMessage });
    if (text.length > MAX_MESSAGE_LENGTH)
      problems.push({
        href: '#talk-message',
        text: fill(w().tooLong, { max: MAX_MESSAGE_LENGTH.toLocaleString(pageLanguage() === 'cy' ? 'cy' : 'en-GB') }),
      });
    if (file && file.size > MAX_ATTACHMENT_BYTES) problems.push({ href: '#talk-file', text: w().fileTooBig });
    if (problems.length) return setErrors(problems);
    setSending(true);
    try {
      await open.send({ text, ...(file ? { attachment: await readAttachment(file) } : {}) });
      setText('');
      setFile(undefined);
      if (fileInput.current) fileInput.current.value = '';
      setErrors([]);
      setNotice(w().sent);
      await redraw();
    } catch (error) {
      setErrors([{ href: '#talk-message', text: messageOf(error) }]);
    } finally {
      setSending(false);
    }
  };

  const share = async (entryId: string) => {
    const entry = diary?.entries.find((e) => e.id === entryId);
    if (!entry) return;
    try {
      await open.share(shareOf(entry));
      setNotice(w().shared);
      await redraw();
    } catch (error) {
      setErrors([{ href: '#talk-shares', text: messageOf(error) }]);
    }
  };

  const endShare = async (id: string) => {
    try {
      await open.endShare(id);
      setNotice(w().shareEnded);
      await redraw();
    } catch (error) {
      setErrors([{ href: '#talk-shares', text: messageOf(error) }]);
    }
  };

  if (!view) return <Busy>{w().opening}</Busy>;
  const sharedTexts = new Set(view.shares.map((s) => s.content?.text));
  return (
    <div>
      <ErrorSummary errors={errors} title={w().problem} />
      <h2 class="govuk-heading-m">{w().conversationHeading}</h2>
      <p class="govuk-body" data-talk-status>
        {view.status === 'closed' ? w().statusClosed : view.status === 'answered' ? w().statusAnswered : w().statusWaiting}
      </p>
      <div role="status" class="govuk-visually-hidden">
        {notice}
      </div>
      {view.messages.length === 0 ? (
        <p class="govuk-body">{w().firstMessage}</p>
      ) : (
        <ol class="casebook-talk__messages" aria-label={w().messages}>
          {view.messages.map((m) => (
            <li key={m.id} class={`casebook-talk__message casebook-talk__message--${m.author}`} data-author={m.author}>
              <p class="casebook-talk__meta">
                {fill(w().authorTime, { author: m.author === 'person' ? w().you : w().helpline, time: when(m.createdAt) })}
              </p>
              {m.content ? (
                <>
                  <p class="casebook-talk__text">{m.content.text}</p>
                  {m.content.attachment ? <AttachmentLink attachment={m.content.attachment} /> : null}
                </>
              ) : (
                <p class="casebook-talk__text">{w().cannotOpen}</p>
              )}
            </li>
          ))}
        </ol>
      )}
      {view.canWrite ? (
        <form onSubmit={send} novalidate>
          <Textarea
            id="talk-message"
            label={w().messageLabel}
            hint={w().messageHint}
            value={text}
            onInput={setText}
            error={errorFor(errors, 'talk-message')}
            rows={5}
          />
          <div class={`govuk-form-group${errorFor(errors, 'talk-file') ? ' govuk-form-group--error' : ''}`}>
            <label class="govuk-label" for="talk-file">
              {w().fileLabel}
            </label>
            <div class="govuk-hint" id="talk-file-hint">
              {w().fileHint}
            </div>
            {errorFor(errors, 'talk-file') ? (
              <p class="govuk-error-message" id="talk-file-error">
                <span class="govuk-visually-hidden">{w().errorPrefix}</span> {errorFor(errors, 'talk-file')}
              </p>
            ) : null}
            <input
              class="govuk-file-upload"
              id="talk-file"
              type="file"
              ref={fileInput}
              aria-describedby="talk-file-hint"
              onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0])}
            />
          </div>
          <Button type="submit" disabled={sending}>
            {sending ? w().sending : w().send}
          </Button>
        </form>
      ) : (
        <p class="govuk-body">{w().cannotReceive}</p>
      )}

      <h2 class="govuk-heading-m" id="talk-shares" tabIndex={-1}>
        {w().sharesHeading}
      </h2>
      {view.shares.length === 0 ? (
        <p class="govuk-body">{w().noShares}</p>
      ) : (
        <ul class="govuk-list casebook-talk__shares">
          {view.shares.map((s) => (
            <li key={s.id} class="casebook-talk__share">
              <p class="govuk-body">{s.content ? s.content.text.slice(0, 200) : w().shareCannotOpen}</p>
              <Button variant="secondary" onClick={() => void endShare(s.id)}>
                {w().endShare}
                <span class="govuk-visually-hidden">{w().endShareHidden}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <p class="govuk-body">{w().endShareText}</p>
      {diary ? (
        <details class="govuk-details">
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">{w().shareFromDiary}</span>
          </summary>
          <div class="govuk-details__text">
            {diary.entries.length === 0 ? (
              <p class="govuk-body">{w().diaryEmpty}</p>
            ) : diary.entries.every((e) => sharedTexts.has(e.text)) ? (
              <p class="govuk-body">{w().allShared}</p>
            ) : null}
            <ul class="govuk-list">
              {diary.entries
                .filter((e) => !sharedTexts.has(e.text))
                .map((entry) => (
                  <li key={entry.id} class="casebook-talk__share">
                    <p class="govuk-body">
                      {entry.writtenAt ? `${when(Date.parse(entry.writtenAt))}: ` : ''}
                      {entry.text.slice(0, 200)}
                    </p>
                    <Button variant="secondary" onClick={() => void share(entry.id)}>
                      {w().share}
                      <span class="govuk-visually-hidden">{w().shareHidden}</span>
                      {w().withHelpline}
                    </Button>
                  </li>
                ))}
            </ul>
          </div>
        </details>
      ) : null}
      <h2 class="govuk-heading-m">{w().leavingHeading}</h2>
      <p class="govuk-body">{w().leavingText}</p>
      <Button variant="warning" onClick={onLeave}>
        {w().leave}
      </Button>
    </div>
  );
}

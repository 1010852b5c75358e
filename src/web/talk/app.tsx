// The person's side of a conversation with the helpline. Screens: choose (start, come back, or open the diary),
// the new code (write it down, prove it), and the conversation itself. Everything decrypted lives in this
// component tree's memory; leaving the page or pressing "Leave and lock" drops it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { Busy, Button, ErrorSummary, errorFor, PasswordInput, TextInput, Textarea, type FieldError } from '../vault/ui/components.tsx';
import { HttpError } from '../http/http-client.ts';
import type { StoredMessage } from './api.ts';
import { CODE_WORDS, generateCode, parseCode } from './conversation-code.ts';
import { openDiary, shareOf, type LinkedDiary } from './diary-link.ts';
import { OpenConversation, type ConversationView } from './session.ts';
import type { MessageContent } from './sealed-content.ts';

export const MAX_MESSAGE_LENGTH = 10_000;
export const MAX_ATTACHMENT_BYTES = 1024 * 1024;

type Screen =
  | { name: 'choose' }
  | { name: 'new-code'; words: string[] }
  | { name: 'conversation'; open: OpenConversation; diary?: LinkedDiary };

const messageOf = (error: unknown) => error instanceof Error && error.name === 'HttpError' ? error.message : 'Something went wrong. Please try again.';

export function TalkApp({ onOpen }: { onOpen: (open: OpenConversation | undefined) => void }) {
  const [screen, setScreen] = useState<Screen>({ name: 'choose' });
  const show = (next: Screen) => {
    onOpen(next.name === 'conversation' ? next.open : undefined);
    setScreen(next);
  };
  if (screen.name === 'new-code') return <NewCode words={screen.words} onStarted={(open) => show({ name: 'conversation', open })} onBack={() => show({ name: 'choose' })} />;
  if (screen.name === 'conversation') {
    return <Conversation open={screen.open} {...(screen.diary ? { diary: screen.diary } : {})} onLeave={() => show({ name: 'choose' })} />;
  }
  return <Choose onNew={() => show({ name: 'new-code', words: generateCode() })} onOpened={(open, diary) => show({ name: 'conversation', open, ...(diary ? { diary } : {}) })} />;
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
    if (!parsed.ok) return setErrors([{ href: '#talk-code', text: parsed.message }]);
    setBusy('Opening your conversation…');
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
    if (!username.trim()) problems.push({ href: '#talk-username', text: 'Enter your username' });
    if (!passphrase) problems.push({ href: '#talk-passphrase', text: 'Enter your passphrase' });
    if (problems.length) return setErrors(problems);
    setBusy('Opening your diary…');
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
      <ErrorSummary errors={errors} />
      <h2 class="govuk-heading-m">Start a conversation</h2>
      <p class="govuk-body">You do not need an account, an email address or a phone number. You will get a conversation code: a list of {CODE_WORDS} words that is the only way back to your conversation.</p>
      <Button onClick={onNew}>Start a new conversation</Button>

      <h2 class="govuk-heading-m">Come back to a conversation</h2>
      <form onSubmit={comeBack} novalidate>
        <TextInput id="talk-code" label="Your conversation code" hint={`The ${CODE_WORDS} words you wrote down, in order. The first 4 letters of each word are enough.`} value={code} onInput={setCode} error={errorFor(errors, 'talk-code')} autocomplete="off" spellcheck={false} />
        <Button type="submit" variant="secondary">Open conversation</Button>
      </form>

      <h2 class="govuk-heading-m">If you have a Casebook diary</h2>
      <p class="govuk-body">Open your diary here to keep your conversation code in it, so you do not need to write it down, and to share diary entries with the helpline if you choose to.</p>
      <form onSubmit={withDiary} novalidate>
        <TextInput id="talk-username" label="Username" value={username} onInput={setUsername} error={errorFor(errors, 'talk-username')} autocomplete="username" spellcheck={false} />
        <PasswordInput id="talk-passphrase" label="Passphrase" value={passphrase} onInput={setPassphrase} error={errorFor(errors, 'talk-passphrase')} autocomplete="current-password" />
        <Button type="submit" variant="secondary">Open my diary</Button>
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
    if (!same(first, checks[0])) problems.push({ href: '#talk-check-1', text: `Enter word ${checks[0] + 1} of your code as you wrote it down` });
    if (!same(second, checks[1])) problems.push({ href: '#talk-check-2', text: `Enter word ${checks[1] + 1} of your code as you wrote it down` });
    if (!confirmed) problems.push({ href: '#talk-confirm', text: 'Confirm that you have written down your code' });
    if (problems.length) return setErrors(problems);
    setBusy(true);
    try {
      onStarted(await OpenConversation.start(words));
    } catch (error) {
      setErrors([{ href: '#talk-check-1', text: messageOf(error) }]);
      setBusy(false);
    }
  };

  if (busy) return <Busy>Starting your conversation…</Busy>;
  return (
    <div>
      <ErrorSummary errors={errors} />
      <h2 class="govuk-heading-m">Your conversation code</h2>
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">Warning</span>
          Write these words down and keep them somewhere safe, where no one else will find them. They are the only way back to your conversation. If you lose them, we cannot get your conversation back for you: you would need to start a new one.
        </strong>
      </div>
      <ol class="casebook-talk__code" data-talk-code aria-label="Your conversation code">
        {words.map((word, i) => <li key={i}>{word}</li>)}
      </ol>
      <form onSubmit={start} novalidate>
        <p class="govuk-body">To check you have written it down, enter 2 of the words.</p>
        <TextInput id="talk-check-1" label={`Word ${checks[0] + 1}`} value={first} onInput={setFirst} error={errorFor(errors, 'talk-check-1')} autocomplete="off" spellcheck={false} inputClass="govuk-input--width-10" />
        <TextInput id="talk-check-2" label={`Word ${checks[1] + 1}`} value={second} onInput={setSecond} error={errorFor(errors, 'talk-check-2')} autocomplete="off" spellcheck={false} inputClass="govuk-input--width-10" />
        <div class={`govuk-form-group${errorFor(errors, 'talk-confirm') ? ' govuk-form-group--error' : ''}`}>
          {errorFor(errors, 'talk-confirm') ? <p class="govuk-error-message" id="talk-confirm-error"><span class="govuk-visually-hidden">Error:</span> {errorFor(errors, 'talk-confirm')}</p> : null}
          <div class="govuk-checkboxes govuk-checkboxes--small">
            <div class="govuk-checkboxes__item">
              <input class="govuk-checkboxes__input" id="talk-confirm" type="checkbox" checked={confirmed} onChange={(e) => setConfirmed((e.target as HTMLInputElement).checked)} {...(errorFor(errors, 'talk-confirm') ? { 'aria-describedby': 'talk-confirm-error' } : {})} />
              <label class="govuk-label govuk-checkboxes__label" for="talk-confirm">I have written down my code and understand that losing it loses the conversation</label>
            </div>
          </div>
        </div>
        <div class="govuk-button-group">
          <Button type="submit">Start the conversation</Button>
          <Button variant="secondary" onClick={onBack}>Back</Button>
        </div>
      </form>
    </div>
  );
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZone: 'Europe/London' });
const when = (ms: number) => timeFormat.format(new Date(ms));

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
    if (!text.trim() && !file) problems.push({ href: '#talk-message', text: 'Write a message' });
    if (text.length > MAX_MESSAGE_LENGTH) problems.push({ href: '#talk-message', text: `Message must be ${MAX_MESSAGE_LENGTH.toLocaleString('en-GB')} characters or fewer` });
    if (file && file.size > MAX_ATTACHMENT_BYTES) problems.push({ href: '#talk-file', text: 'The file must be smaller than 1 MB' });
    if (problems.length) return setErrors(problems);
    setSending(true);
    try {
      await open.send({ text, ...(file ? { attachment: await readAttachment(file) } : {}) });
      setText('');
      setFile(undefined);
      if (fileInput.current) fileInput.current.value = '';
      setErrors([]);
      setNotice('Message sent.');
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
      setNotice('Entry shared with the helpline.');
      await redraw();
    } catch (error) {
      setErrors([{ href: '#talk-shares', text: messageOf(error) }]);
    }
  };

  const endShare = async (id: string) => {
    try {
      await open.endShare(id);
      setNotice('Sharing ended. The helpline can no longer open that entry.');
      await redraw();
    } catch (error) {
      setErrors([{ href: '#talk-shares', text: messageOf(error) }]);
    }
  };

  if (!view) return <Busy>Opening your conversation…</Busy>;
  const sharedTexts = new Set(view.shares.map((s) => s.content?.text));
  return (
    <div>
      <ErrorSummary errors={errors} />
      <h2 class="govuk-heading-m">Your conversation</h2>
      <p class="govuk-body" data-talk-status>
        {view.status === 'closed' ? 'The helpline has closed this conversation. You can still write: a new message reopens it.' : view.status === 'answered' ? 'The helpline has replied.' : 'Your messages are waiting for the helpline.'}
      </p>
      <div role="status" class="govuk-visually-hidden">{notice}</div>
      {view.messages.length === 0 ? (
        <p class="govuk-body">Write your first message below. Tell us as much or as little as you want.</p>
      ) : (
        <ol class="casebook-talk__messages" aria-label="Messages">
          {view.messages.map((m) => (
            <li key={m.id} class={`casebook-talk__message casebook-talk__message--${m.author}`} data-author={m.author}>
              <p class="casebook-talk__meta">{m.author === 'person' ? 'You' : 'The helpline'}, {when(m.createdAt)}</p>
              {m.content ? (
                <>
                  <p class="casebook-talk__text">{m.content.text}</p>
                  {m.content.attachment ? <p class="govuk-body-s"><a class="govuk-link" download={m.content.attachment.name} href={`data:${m.content.attachment.type};base64,${m.content.attachment.data}`}>{m.content.attachment.name}</a></p> : null}
                </>
              ) : (
                <p class="casebook-talk__text">This message cannot be opened with this code.</p>
              )}
            </li>
          ))}
        </ol>
      )}
      {view.canWrite ? (
        <form onSubmit={send} novalidate>
          <Textarea id="talk-message" label="Your message" hint="Only you and the helpline can read it. We reply in the times shown above." value={text} onInput={setText} error={errorFor(errors, 'talk-message')} rows={5} />
          <div class={`govuk-form-group${errorFor(errors, 'talk-file') ? ' govuk-form-group--error' : ''}`}>
            <label class="govuk-label" for="talk-file">Add a file (optional)</label>
            <div class="govuk-hint" id="talk-file-hint">A photo or document, smaller than 1 MB. It is encrypted like your message.</div>
            {errorFor(errors, 'talk-file') ? <p class="govuk-error-message" id="talk-file-error"><span class="govuk-visually-hidden">Error:</span> {errorFor(errors, 'talk-file')}</p> : null}
            <input class="govuk-file-upload" id="talk-file" type="file" ref={fileInput} aria-describedby="talk-file-hint" onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0])} />
          </div>
          <Button type="submit" disabled={sending}>{sending ? 'Sending…' : 'Send message'}</Button>
        </form>
      ) : (
        <p class="govuk-body">The helpline cannot receive messages just now. Please try again later, or call 0808 802 0300 in opening hours.</p>
      )}

      <h2 class="govuk-heading-m" id="talk-shares" tabIndex={-1}>Diary entries you have shared</h2>
      {view.shares.length === 0 ? (
        <p class="govuk-body">You have not shared any diary entries.</p>
      ) : (
        <ul class="govuk-list casebook-talk__shares">
          {view.shares.map((s) => (
            <li key={s.id} class="casebook-talk__share">
              <p class="govuk-body">{s.content ? s.content.text.slice(0, 200) : 'An entry this code cannot open'}</p>
              <Button variant="secondary" onClick={() => void endShare(s.id)}>End sharing<span class="govuk-visually-hidden"> of this entry</span></Button>
            </li>
          ))}
        </ul>
      )}
      <p class="govuk-body">Ending a share deletes the helpline’s copy. Anything a caseworker has already read may have been noted in their records.</p>
      {diary ? (
        <details class="govuk-details">
          <summary class="govuk-details__summary"><span class="govuk-details__summary-text">Share entries from your diary</span></summary>
          <div class="govuk-details__text">
            {diary.entries.length === 0 ? <p class="govuk-body">Your diary has no entries yet.</p> : diary.entries.every((e) => sharedTexts.has(e.text)) ? <p class="govuk-body">You have shared every entry.</p> : null}
            <ul class="govuk-list">
              {diary.entries.filter((e) => !sharedTexts.has(e.text)).map((entry) => (
                <li key={entry.id} class="casebook-talk__share">
                  <p class="govuk-body">{entry.writtenAt ? `${when(Date.parse(entry.writtenAt))}: ` : ''}{entry.text.slice(0, 200)}</p>
                  <Button variant="secondary" onClick={() => void share(entry.id)}>Share<span class="govuk-visually-hidden"> this entry</span> with the helpline</Button>
                </li>
              ))}
            </ul>
          </div>
        </details>
      ) : null}
      <h2 class="govuk-heading-m">Leaving</h2>
      <p class="govuk-body">When you leave this page, or after 15 minutes without use, the conversation locks. You will need your code to open it again.</p>
      <Button variant="warning" onClick={onLeave}>Leave and lock</Button>
    </div>
  );
}

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { signOutEverywhere } from '../account/manage-account.ts';
import type { SignIn } from '../api/types.ts';
import { downloadAttachment, saveBlob } from '../attachments/download.ts';
import { uploadAttachment } from '../attachments/upload.ts';
import { loadItems } from '../items/item-store.ts';
import type { StoredItem } from '../items/item-store.ts';
import { isNote, MAX_NOTE_LENGTH, newestFirst, noteProblem, saveNewNote } from '../items/notes.ts';
import type { AttachmentRef, NoteContent } from '../items/notes.ts';
import { ReceiptChecker } from '../items/receipts.ts';
import { Busy, Button, ErrorSummary, errorFor, Heading, LinkButton, Textarea } from '../ui/components.tsx';
import type { FieldError } from '../ui/components.tsx';
import { describeFailure, formatBytes, formatDateTime } from '../ui/messages.ts';
import type { UnlockedVault } from '../vault-session.ts';

export const IDLE_CHOICES = [1, 5, 15, 30] as const;

export function HomeScreen({ vault, idleMinutes, onIdleMinutes, onLock, onSignOut, onSignedOutEverywhere, onChangePassphrase, onDelete }: {
  vault: UnlockedVault;
  idleMinutes: number;
  onIdleMinutes: (minutes: number) => void;
  onLock: () => void;
  onSignOut: () => void;
  onSignedOutEverywhere: () => void;
  onChangePassphrase: () => void;
  onDelete: () => void;
}) {
  const checker = useMemo(() => new ReceiptChecker(), [vault]);
  const [notes, setNotes] = useState<StoredItem<NoteContent>[] | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [unreadable, setUnreadable] = useState(0);

  useEffect(() => {
    let current = true;
    loadItems(vault, checker).then(
      ({ items, unreadable }) => {
        if (!current) return;
        setNotes(newestFirst(items.filter(isNote)));
        setUnreadable(unreadable.length);
      },
      (error) => current && setLoadError(describeFailure(error, 'Your notes could not be loaded. Try again.')),
    );
    return () => {
      current = false;
    };
  }, [vault]);

  return (
    <div class="casebook-vault-home">
      <div class="casebook-vault-home__bar">
        <p class="govuk-body-s casebook-vault-home__who">Signed in as <strong class="casebook-vault__code">{vault.username}</strong></p>
        <Button variant="secondary" onClick={onLock}>Lock</Button>
      </div>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <Heading>Your record</Heading>
          <p class="govuk-body">Notes and files you add here are encrypted on this device before they are sent. Each note gets a time receipt from our server, so you can show later that it was not written afterwards.</p>
          <AddNote vault={vault} checker={checker} onSaved={(note) => setNotes((list) => [note, ...(list ?? [])])} />
          <h2 class="govuk-heading-m">Your notes</h2>
          {loadError ? <p class="govuk-body govuk-error-message">{loadError}</p> : null}
          {notes === undefined && !loadError ? <Busy>Opening your notes.</Busy> : null}
          {notes?.length === 0 ? <p class="govuk-body">You have not added any notes yet.</p> : null}
          {unreadable > 0 ? <p class="govuk-body">{unreadable} {unreadable === 1 ? 'item' : 'items'} could not be opened on this device.</p> : null}
          {notes?.length ? (
            <ul class="govuk-list casebook-vault-notes">
              {notes.map((note) => <NoteCard key={note.id} vault={vault} note={note} />)}
            </ul>
          ) : null}
        </div>
        <div class="govuk-grid-column-one-third">
          <SignIns vault={vault} onSignedOutEverywhere={onSignedOutEverywhere} />
          <h2 class="govuk-heading-m">Settings</h2>
          <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for="idle-minutes">Lock after</label>
            <div class="govuk-hint" id="idle-minutes-hint">If no one uses this page for this long, it locks and you need your passphrase again.</div>
            <select class="govuk-select" id="idle-minutes" aria-describedby="idle-minutes-hint" value={String(idleMinutes)} onChange={(event) => onIdleMinutes(Number(event.currentTarget.value))}>
              {IDLE_CHOICES.map((minutes) => <option key={minutes} value={String(minutes)}>{minutes} {minutes === 1 ? 'minute' : 'minutes'}</option>)}
            </select>
          </div>
          <ul class="govuk-list">
            <li><LinkButton onClick={onChangePassphrase}>Change your passphrase</LinkButton></li>
            <li><LinkButton onClick={onSignOut}>Sign out</LinkButton></li>
            <li><LinkButton onClick={onDelete}>Delete your record and account</LinkButton></li>
          </ul>
        </div>
      </div>
    </div>
  );
}

function AddNote({ vault, checker, onSaved }: { vault: UnlockedVault; checker: ReceiptChecker; onSaved: (note: StoredItem<NoteContent>) => void }) {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    const problem = noteProblem(text, file !== undefined);
    setErrors(problem ? [{ href: '#note-text', text: problem }] : []);
    setSaved(undefined);
    if (problem) return;
    try {
      const attachments: AttachmentRef[] = [];
      if (file) {
        setStatus(`Encrypting and sending ${file.name}`);
        attachments.push(await uploadAttachment(vault, file, ({ sentChunks, chunkCount }) => {
          setStatus(`Encrypting and sending ${file.name}: ${Math.round((100 * sentChunks) / chunkCount)}%`);
        }));
      }
      setStatus('Encrypting and saving your note');
      const note = await saveNewNote(vault, text, attachments, checker);
      onSaved(note);
      setText('');
      if (fileInput.current) fileInput.current.value = '';
      setStatus(undefined);
      setSaved(`Note saved at ${formatDateTime(note.receipt.timestamp)}.`);
    } catch (error) {
      setStatus(undefined);
      setErrors([{ href: file ? '#note-file' : '#note-text', text: describeFailure(error, 'Your note could not be saved. Try again.') }]);
    }
  };

  return (
    <form onSubmit={submit} noValidate class="casebook-vault-add-note">
      <ErrorSummary errors={errors} />
      <h2 class="govuk-heading-m">Add a note</h2>
      <Textarea id="note-text" label="Note" labelClass="govuk-label--s" hint={`What happened, when and where. Up to ${MAX_NOTE_LENGTH.toLocaleString('en-GB')} characters.`} value={text} onInput={setText} error={errorFor(errors, 'note-text')} rows={4} />
      <div class={`govuk-form-group${errorFor(errors, 'note-file') ? ' govuk-form-group--error' : ''}`}>
        <label class="govuk-label govuk-label--s" for="note-file">Attach a file (optional)</label>
        <div class="govuk-hint" id="note-file-hint">A photo, screenshot, recording or document, up to 250 MB.</div>
        {errorFor(errors, 'note-file') ? <p class="govuk-error-message" id="note-file-error"><span class="govuk-visually-hidden">Error:</span> {errorFor(errors, 'note-file')}</p> : null}
        <input class="govuk-file-upload" id="note-file" name="note-file" type="file" ref={fileInput} aria-describedby={`note-file-hint${errorFor(errors, 'note-file') ? ' note-file-error' : ''}`} />
      </div>
      {status ? <Busy>{status}</Busy> : <Button type="submit">Save note</Button>}
      <p class="govuk-body casebook-vault__saved" role="status">{saved ?? ''}</p>
    </form>
  );
}

function NoteCard({ vault, note }: { vault: UnlockedVault; note: StoredItem<NoteContent> }) {
  return (
    <li class="casebook-vault-note">
      <p class="govuk-body casebook-vault-note__text">{note.content.text}</p>
      {note.content.attachments.map((attachment) => <AttachmentLine key={attachment.id} vault={vault} attachment={attachment} />)}
      <p class="govuk-body-s casebook-vault-note__meta">
        Saved {formatDateTime(note.receipt.timestamp)}
        {note.receiptChecked ? <span class="casebook-vault-note__receipt"> · time receipt checked</span> : <span> · time receipt not checked yet</span>}
      </p>
    </li>
  );
}

function AttachmentLine({ vault, attachment }: { vault: UnlockedVault; attachment: AttachmentRef }) {
  const [state, setState] = useState<'idle' | 'busy' | string>('idle');
  const save = async () => {
    setState('busy');
    try {
      const { blob, metadata } = await downloadAttachment(vault, attachment.id);
      saveBlob(blob, metadata.name);
      setState('idle');
    } catch (error) {
      setState(describeFailure(error, 'The file could not be opened. It may be damaged.'));
    }
  };
  return (
    <div class="casebook-vault-note__file">
      <p class="govuk-body-s govuk-!-margin-bottom-1">Attached: <strong>{attachment.name}</strong> ({formatBytes(attachment.size)})</p>
      {state === 'busy' ? <Busy>Decrypting {attachment.name}</Busy> : (
        <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" onClick={save}>
          Save a copy<span class="govuk-visually-hidden"> of {attachment.name}</span>
        </button>
      )}
      {state !== 'idle' && state !== 'busy' ? <p class="govuk-error-message">{state}</p> : null}
    </div>
  );
}

function SignIns({ vault, onSignedOutEverywhere }: { vault: UnlockedVault; onSignedOutEverywhere: () => void }) {
  const [error, setError] = useState<string | undefined>(undefined);
  const recent: readonly SignIn[] = vault.lastSignIns.slice(0, 5);
  return (
    <div class="casebook-vault-sign-ins">
      <h2 class="govuk-heading-m">Recent sign-ins</h2>
      {recent.length === 0 ? <p class="govuk-body-s">This is a new record: there are no earlier sign-ins.</p> : (
        <ul class="govuk-list govuk-body-s">
          {recent.map((signIn, i) => (
            <li key={i}>
              {formatDateTime(signIn.at)}, {signIn.device}
              {signIn.succeeded ? '' : <strong class="casebook-vault-sign-ins__failed"> (wrong passphrase)</strong>}
            </li>
          ))}
        </ul>
      )}
      <p class="govuk-body-s">Not you? Sign out everywhere, then change your passphrase.</p>
      {error ? <p class="govuk-error-message">{error}</p> : null}
      <Button variant="warning" onClick={() => {
        signOutEverywhere(vault).then(onSignedOutEverywhere, (failure) => setError(describeFailure(failure)));
      }}>Sign out everywhere</Button>
    </div>
  );
}

// Notes and files: the vault's first kind of item, kept for short notes and files that are not about one
// incident (a letter from the police, a screenshot of a profile).
import { useRef, useState } from 'preact/hooks';
import { uploadAttachment } from '../attachments/upload.ts';
import { LOCALE, t } from '../i18n/i18n.ts';
import type { StoredItem } from '../items/item-store.ts';
import type { NoteContent } from '../items/notes.ts';
import { MAX_NOTE_LENGTH, newestFirst, noteProblem, saveNewNote } from '../items/notes.ts';
import { Busy, Button, ErrorSummary, errorFor, Heading, Textarea } from '../ui/components.tsx';
import { useFormAction } from '../ui/form-action.ts';
import { formatDateTime } from '../ui/messages.ts';
import type { Diary } from './diary.ts';
import { StoredFile } from './files.tsx';

export function NotesScreen({ diary }: { diary: Diary }) {
  const notes = newestFirst([...diary.records.notes.values()]);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <Heading>{t('diary.menu.notes')}</Heading>
        <p class="govuk-body">{t('notes.intro')}</p>
        <AddNote diary={diary} />
        <h2 class="govuk-heading-m">{t('notes.yours')}</h2>
        {notes.length === 0 ? (
          <p class="govuk-body">{t('notes.none')}</p>
        ) : (
          <ul class="govuk-list casebook-vault-notes">
            {notes.map((note) => (
              <NoteCard key={note.id} diary={diary} note={note} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function AddNote({ diary }: { diary: Diary }) {
  const [text, setText] = useState('');
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);
  const form = useFormAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    setSaved(undefined);
    const note = await form.run({
      check: () => {
        const problem = noteProblem(text, file !== undefined);
        return problem ? [{ href: '#note-text', text: problem }] : [];
      },
      busy: file ? t('notes.sending', { name: file.name }) : t('notes.saving'),
      failureField: file ? 'note-file' : 'note-text',
      failure: t('quickNote.failed'),
      work: async (progress) => {
        const attachments = file
          ? [
              await uploadAttachment(diary.vault, file, ({ sentChunks, chunkCount }) =>
                progress(t('notes.sendingPercent', { name: file.name, percent: Math.round((100 * sentChunks) / chunkCount) })),
              ),
            ]
          : [];
        progress(t('notes.saving'));
        return saveNewNote(diary.vault, text, attachments, diary.checker);
      },
    });
    if (!note) return;
    diary.remember(note);
    setText('');
    if (fileInput.current) fileInput.current.value = '';
    setSaved(t('notes.saved', { at: formatDateTime(note.receipt.timestamp) }));
  };

  const fileError = errorFor(form.errors, 'note-file');
  return (
    <form onSubmit={submit} noValidate class="casebook-vault-add-note">
      <ErrorSummary errors={form.errors} />
      <h2 class="govuk-heading-m">{t('notes.add')}</h2>
      <Textarea
        id="note-text"
        label={t('notes.note')}
        labelClass="govuk-label--s"
        hint={t('notes.limit', { maximum: MAX_NOTE_LENGTH.toLocaleString(LOCALE) })}
        value={text}
        onInput={setText}
        error={errorFor(form.errors, 'note-text')}
        rows={4}
      />
      <div class={`govuk-form-group${fileError ? ' govuk-form-group--error' : ''}`}>
        <label class="govuk-label govuk-label--s" for="note-file">
          {t('notes.attach')}
        </label>
        <div class="govuk-hint" id="note-file-hint">
          {t('notes.attachHint')}
        </div>
        {fileError ? (
          <p class="govuk-error-message" id="note-file-error">
            <span class="govuk-visually-hidden">{t('common.errorPrefix')}</span> {fileError}
          </p>
        ) : null}
        <input
          class="govuk-file-upload"
          id="note-file"
          name="note-file"
          type="file"
          ref={fileInput}
          aria-describedby={`note-file-hint${fileError ? ' note-file-error' : ''}`}
        />
      </div>
      {form.busy ? <Busy>{form.busy}</Busy> : <Button type="submit">{t('notes.save')}</Button>}
      <p class="govuk-body casebook-vault__saved" role="status">
        {saved ?? ''}
      </p>
    </form>
  );
}

function NoteCard({ diary, note }: { diary: Diary; note: StoredItem<NoteContent> }) {
  return (
    <li class="casebook-vault-note">
      <p class="govuk-body casebook-vault-note__text">{note.content.text}</p>
      {note.content.attachments.length > 0 ? (
        <ul class="govuk-list">
          {note.content.attachments.map((attachment) => (
            <StoredFile key={attachment.id} vault={diary.vault} file={{ sha256: '', ...attachment }} />
          ))}
        </ul>
      ) : null}
      <ReceiptLine diary={diary} item={note} />
    </li>
  );
}

export function ReceiptLine({ diary, item }: { diary: Diary; item: StoredItem }) {
  return (
    <p class="govuk-body-s casebook-vault-note__meta">
      {t('receipts.saved', { at: formatDateTime(item.receipt.timestamp) })}
      {diary.isChecked(item) ? (
        <span class="casebook-vault-note__receipt"> · {t('receipts.checked')}</span>
      ) : (
        <span> · {t('receipts.notChecked')}</span>
      )}
    </p>
  );
}

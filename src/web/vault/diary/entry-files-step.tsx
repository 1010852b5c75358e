// The guided entry's files step: files already in the entry, and new ones, sent when the entry is saved.
import { t } from '../i18n/i18n.ts';
import type { StepProps } from './entry-steps.tsx';
import { LocalFilePreview, StoredFile } from './files.tsx';

export function FilesStep({ diary, draft, update, files, setFiles }: StepProps) {
  return (
    <>
      <p class="govuk-body">{t('entry.files.intro')}</p>
      {draft.attachments.length > 0 ? (
        <ul class="govuk-list casebook-diary-files">
          {draft.attachments.map((file) => (
            <StoredFile
              key={file.id}
              vault={diary.vault}
              file={file}
              onRemove={() => update({ attachments: draft.attachments.filter((a) => a.id !== file.id) })}
            />
          ))}
        </ul>
      ) : null}
      {files.length > 0 ? (
        <ul class="govuk-list casebook-diary-files">
          {files.map((file, i) => (
            <LocalFilePreview key={`${file.name}-${i}`} file={file} onRemove={() => setFiles(files.filter((_, j) => j !== i))} />
          ))}
        </ul>
      ) : null}
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="files">
          {t('entry.files.add')}
        </label>
        <div class="govuk-hint" id="files-hint">
          {t('entry.files.hint')}
        </div>
        <input
          class="govuk-file-upload"
          id="files"
          name="files"
          type="file"
          multiple
          aria-describedby="files-hint"
          onChange={(event) => {
            const chosen = [...(event.currentTarget.files ?? [])];
            setFiles([...files, ...chosen]);
            event.currentTarget.value = '';
          }}
        />
      </div>
    </>
  );
}

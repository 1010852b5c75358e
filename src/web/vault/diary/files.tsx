// Files on an entry: photos shown from this page's memory only, through object URLs that are revoked as soon
// as the preview goes (leaving the screen, or locking). Nothing is written to any cache (T1).
import { useEffect, useState } from 'preact/hooks';
import type { Attachment } from '../../../domain/incidents/index.ts';
import { downloadAttachment, saveBlob } from '../attachments/download.ts';
import { t } from '../i18n/i18n.ts';
import { Busy } from '../ui/components.tsx';
import { describeFailure, formatBytes } from '../ui/messages.ts';
import type { UnlockedVault } from '../vault-session.ts';

/** Larger photos are not decrypted just to be shown; they can still be saved. */
const PREVIEW_MAX_BYTES = 15 * 1024 * 1024;

export function isPreviewable(type: string, size: number): boolean {
  return /^image\/(jpeg|png|gif|webp|avif|bmp)$/.test(type) && size <= PREVIEW_MAX_BYTES;
}

/** An object URL for a blob that lives exactly as long as the component showing it. */
export function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!blob) return;
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => {
      URL.revokeObjectURL(made);
      setUrl(undefined);
    };
  }, [blob]);
  return url;
}

/** A file the person has chosen but not yet saved: shown from the file itself. */
export function LocalFilePreview({ file, onRemove }: { file: File; onRemove: () => void }) {
  const url = useObjectUrl(isPreviewable(file.type, file.size) ? file : undefined);
  return (
    <li class="casebook-diary-file">
      {url ? <img class="casebook-diary-file__image" src={url} alt={`Preview of ${file.name}`} /> : null}
      <p class="govuk-body-s govuk-!-margin-bottom-1">
        <strong>{file.name}</strong> ({formatBytes(file.size)}) – not saved yet
      </p>
      <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" onClick={onRemove}>
        Remove<span class="govuk-visually-hidden"> {file.name}</span>
      </button>
    </li>
  );
}

/** A file in the vault: decrypted for its preview when it is a photo, and saved on request. */
export function StoredFile({ vault, file, onRemove }: { vault: UnlockedVault; file: Attachment; onRemove?: () => void }) {
  const [blob, setBlob] = useState<Blob | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const previewable = isPreviewable(file.type, file.size);
  const url = useObjectUrl(blob);

  useEffect(() => {
    if (!previewable) return;
    const abort = new AbortController();
    downloadAttachment(vault, file.id, abort.signal).then(
      ({ blob: opened }) => !abort.signal.aborted && setBlob(opened),
      (error) => !abort.signal.aborted && setProblem(describeFailure(error, t('files.photoFailed'))),
    );
    return () => {
      abort.abort();
      setBlob(undefined);
    };
  }, [vault, file.id, previewable]);

  const save = async () => {
    setSaving(true);
    try {
      const opened = blob ?? (await downloadAttachment(vault, file.id)).blob;
      saveBlob(opened, file.name);
    } catch (error) {
      setProblem(describeFailure(error, t('files.fileFailed')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <li class="casebook-diary-file">
      {previewable && !url && !problem ? <Busy>{t('files.decryptingPhoto')}</Busy> : null}
      {url ? <img class="casebook-diary-file__image" src={url} alt={t('files.photoAlt', { name: file.name })} /> : null}
      <p class="govuk-body-s govuk-!-margin-bottom-1">
        <strong>{file.name}</strong> ({formatBytes(file.size)})
      </p>
      {problem ? <p class="govuk-error-message">{problem}</p> : null}
      <div class="govuk-button-group">
        {saving ? (
          <Busy>{t('files.decrypting', { name: file.name })}</Busy>
        ) : (
          <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" onClick={save}>
            {t('files.saveCopy')}
            <span class="govuk-visually-hidden"> {t('files.saveCopyHidden', { name: file.name })}</span>
          </button>
        )}
        {onRemove ? (
          <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" onClick={onRemove}>
            {t('files.remove')}
            <span class="govuk-visually-hidden"> {t('files.removeHidden', { name: file.name })}</span>
          </button>
        ) : null}
      </div>
    </li>
  );
}

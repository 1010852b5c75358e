import type { MessageContent } from './sealed-content.ts';

/** A message's attachment as a download link; the file never leaves the browser (a data: URL of the opened bytes). */
export function AttachmentLink({ attachment }: { attachment: NonNullable<MessageContent['attachment']> }) {
  return (
    <p class="govuk-body-s">
      <a class="govuk-link" download={attachment.name} href={`data:${attachment.type};base64,${attachment.data}`}>
        {attachment.name}
      </a>
    </p>
  );
}

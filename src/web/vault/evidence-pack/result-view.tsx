// The made pack: what is in it, what was left out and why, its fingerprint, and the two downloads. The files
// exist only in this page's memory until the person saves them; leaving this screen drops them.
import type { ComponentChildren } from 'preact';
import { saveBlob } from '../attachments/download.ts';
import { Button, Heading, LinkButton } from '../ui/components.tsx';
import { formatBytes } from '../ui/messages.ts';
import { count } from './choose-form.tsx';
import type { LeftOut, MadePack } from './make-pack.ts';

export function ResultView({ pack, names, onAgain, onDone }: { pack: MadePack; names: { zip: string; pdf: string }; onAgain: () => void; onDone: () => void }) {
  return (
    <div class="casebook-vault-pack">
      <Heading>Your pack is ready</Heading>
      <dl class="govuk-summary-list">
        <Row name="Title">{pack.title}</Row>
        <Row name="Entries">
          {count(pack.entries, 'entry', 'entries')}, with {count(pack.versions, 'saved version', 'saved versions')} in all
        </Row>
        <Row name="Attached files">{pack.files === 0 ? 'None' : count(pack.files, 'file', 'files')}</Row>
        <Row name="Pack fingerprint (SHA-256 of the ZIP)">
          <span class="casebook-vault__code casebook-vault-pack__hash">{pack.sha256}</span>
        </Row>
      </dl>
      {pack.leftOut.length > 0 ? <LeftOutList leftOut={pack.leftOut} /> : null}

      <h2 class="govuk-heading-m">Save the two files</h2>
      <p class="govuk-body">Give both to the officer, solicitor or court. The PDF is for reading; the ZIP lets them check every entry for themselves.</p>
      <div class="govuk-button-group">
        <Button onClick={() => saveBlob(new Blob([pack.pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), names.pdf)}>
          Download the PDF <span class="casebook-vault-pack__size">({formatBytes(pack.pdf.length)})</span>
        </Button>
        <Button onClick={() => saveBlob(new Blob([pack.zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), names.zip)}>
          Download the ZIP <span class="casebook-vault-pack__size">({formatBytes(pack.zip.length)})</span>
        </Button>
      </div>
      <p class="govuk-body-s">
        They are saved as <span class="casebook-vault__code casebook-vault-pack__file-name">{names.pdf}</span> and{' '}
        <span class="casebook-vault__code casebook-vault-pack__file-name">{names.zip}</span>, wherever this browser saves downloads.
      </p>

      <h2 class="govuk-heading-m">When you hand it over</h2>
      <ul class="govuk-list govuk-list--bullet">
        <li>Ask them to write down the pack fingerprint above, or keep a copy of it yourself. It shows later that the ZIP is the one you gave.</li>
        <li>
          Anyone can check the ZIP without an account: on Casebook's{' '}
          <a class="govuk-link" href="/verify" target="_blank" rel="noopener">
            verify page (opens in new tab)
          </a>
          ,
          which checks it on their own device, or with their own tools. The last page of the PDF explains how.
        </li>
        <li>The files are not protected by your passphrase. Once they are handed over, delete your copies if someone else uses this device.</li>
      </ul>

      <div class="govuk-button-group">
        <Button variant="secondary" onClick={onAgain}>Make another pack</Button>
        <LinkButton onClick={onDone}>Back to your record</LinkButton>
      </div>
    </div>
  );
}

function Row({ name, children }: { name: string; children: ComponentChildren }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{name}</dt>
      <dd class="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** Why some things are not in the pack, and what the person can do. */
export function LeftOutList({ leftOut }: { leftOut: readonly LeftOut[] }) {
  const entries = leftOut.filter((item) => item.kind === 'entry');
  const files = leftOut.filter((item) => item.kind === 'file');
  return (
    <div class="casebook-vault-pack__left-out">
      <h2 class="govuk-heading-m">Left out because they could not be checked</h2>
      <p class="govuk-body">
        A pack holds only what anyone can check, so that one doubtful entry cannot be used to question all the others. These are still in your record; you
        can show them to the police yourself, but without proof of when they were written. If this keeps happening, tell the helpline.
      </p>
      {entries.length > 0 ? <Items heading={count(entries.length, 'entry', 'entries')} items={entries} /> : null}
      {files.length > 0 ? <Items heading={count(files.length, 'file', 'files')} items={files} /> : null}
    </div>
  );
}

function Items({ heading, items }: { heading: string; items: readonly LeftOut[] }) {
  return (
    <>
      <h3 class="govuk-heading-s">{heading}</h3>
      <ul class="govuk-list govuk-list--bullet">
        {items.map((item, i) => (
          <li key={i}>
            <strong>{item.label}</strong>
            <br />
            {item.reason}
          </li>
        ))}
      </ul>
    </>
  );
}

// The made pack: what is in it, what was left out and why, its fingerprint, and the two downloads. The files
// exist only in this page's memory until the person saves them; leaving this screen drops them.
import type { ComponentChildren } from 'preact';
import { saveBlob } from '../attachments/download.ts';
import { plural, sitePath, t } from '../i18n/i18n.ts';
import { Button, Heading, LinkButton } from '../ui/components.tsx';
import { formatBytes } from '../ui/messages.ts';
import type { LeftOut, MadePack } from './make-pack.ts';

export function ResultView({
  pack,
  names,
  onAgain,
  onDone,
}: {
  pack: MadePack;
  names: { zip: string; pdf: string };
  onAgain: () => void;
  onDone: () => void;
}) {
  return (
    <div class="casebook-vault-pack">
      <Heading>{t('pack.ready')}</Heading>
      <dl class="govuk-summary-list">
        <Row name={t('pack.title')}>{pack.title}</Row>
        <Row name={t('pack.entries')}>
          {t('pack.entriesWithVersions', {
            entries: plural('pack.entryCount', pack.entries),
            versions: plural('pack.versionCount', pack.versions),
          })}
        </Row>
        <Row name={t('pack.attachedFiles')}>{pack.files === 0 ? t('pack.none') : plural('timeline.files', pack.files)}</Row>
        <Row name={t('pack.fingerprint')}>
          <span class="casebook-vault__code casebook-vault-pack__hash">{pack.sha256}</span>
        </Row>
      </dl>
      {pack.leftOut.length > 0 ? <LeftOutList leftOut={pack.leftOut} /> : null}

      <h2 class="govuk-heading-m">{t('pack.saveTwo')}</h2>
      <p class="govuk-body">{t('pack.giveBoth')}</p>
      <div class="govuk-button-group">
        <Button onClick={() => saveBlob(new Blob([pack.pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), names.pdf)}>
          {t('pack.downloadPdf')} <span class="casebook-vault-pack__size">({formatBytes(pack.pdf.length)})</span>
        </Button>
        <Button onClick={() => saveBlob(new Blob([pack.zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), names.zip)}>
          {t('pack.downloadZip')} <span class="casebook-vault-pack__size">({formatBytes(pack.zip.length)})</span>
        </Button>
      </div>
      <p class="govuk-body-s">
        {t('pack.savedAs')} <span class="casebook-vault__code casebook-vault-pack__file-name">{names.pdf}</span> {t('common.and')}{' '}
        <span class="casebook-vault__code casebook-vault-pack__file-name">{names.zip}</span>
        {t('pack.savedWhere')}
      </p>

      <h2 class="govuk-heading-m">{t('pack.handOver')}</h2>
      <ul class="govuk-list govuk-list--bullet">
        <li>{t('pack.writeDownFingerprint')}</li>
        <li>
          {t('pack.anyoneCanCheck')}{' '}
          <a class="govuk-link" href={sitePath('/verify', { englishOnly: true })} target="_blank" rel="noopener">
            {t('pack.verifyLink')}
          </a>
          {t('pack.verifyHow')}
        </li>
        <li>{t('pack.notProtected')}</li>
      </ul>

      <div class="govuk-button-group">
        <Button variant="secondary" onClick={onAgain}>
          {t('pack.another')}
        </Button>
        <LinkButton onClick={onDone}>{t('entry.backToRecord')}</LinkButton>
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
      <h2 class="govuk-heading-m">{t('pack.leftOutHeading')}</h2>
      <p class="govuk-body">{t('pack.leftOutWhy')}</p>
      {entries.length > 0 ? <Items heading={plural('pack.entryCount', entries.length)} items={entries} /> : null}
      {files.length > 0 ? <Items heading={plural('timeline.files', files.length)} items={files} /> : null}
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

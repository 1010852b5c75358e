import type { UnlockedVault } from '../vault-session.ts';

export interface EvidencePackScreenProps {
  /** The open vault: the screen fetches and decrypts what it needs itself. */
  readonly vault: UnlockedVault;
  /** Back to the diary ("Back to your record"); the screen drops everything it made. */
  readonly onDone: () => void;
}

export function EvidencePackScreen({ onDone }: EvidencePackScreenProps) {
  return (
    <div class="casebook-vault-pack">
      <h1 class="govuk-heading-l">Make an evidence pack</h1>
      <button type="button" class="govuk-button govuk-button--secondary" onClick={onDone}>Back to your record</button>
    </div>
  );
}

import { useState } from 'preact/hooks';
import { signOutEverywhere } from '../account/manage-account.ts';
import type { SignIn } from '../api/types.ts';
import { Button, LinkButton } from '../ui/components.tsx';
import { describeFailure, formatDateTime } from '../ui/messages.ts';
import type { UnlockedVault } from '../vault-session.ts';

export const IDLE_CHOICES = [1, 5, 15, 30] as const;

export interface AccountPanelProps {
  vault: UnlockedVault;
  idleMinutes: number;
  onIdleMinutes: (minutes: number) => void;
  onSignOut: () => void;
  onSignedOutEverywhere: () => void;
  onChangePassphrase: () => void;
  onNewRecoveryKey: () => void;
  onDelete: () => void;
}

/** The last sign-ins and the account's settings, beside the timeline. */
export function AccountPanel({ vault, idleMinutes, onIdleMinutes, onSignOut, onSignedOutEverywhere, onChangePassphrase, onNewRecoveryKey, onDelete }: AccountPanelProps) {
  return (
    <div class="casebook-vault-account">
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
        <li><LinkButton onClick={onNewRecoveryKey}>Get a new recovery key</LinkButton></li>
        <li><LinkButton onClick={onSignOut}>Sign out</LinkButton></li>
        <li><LinkButton onClick={onDelete}>Delete your record and account</LinkButton></li>
      </ul>
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

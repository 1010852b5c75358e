import { useState } from 'preact/hooks';
import { signOutEverywhere } from '../account/manage-account.ts';
import type { SignIn } from '../api/types.ts';
import { plural, t } from '../i18n/i18n.ts';
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
export function AccountPanel({
  vault,
  idleMinutes,
  onIdleMinutes,
  onSignOut,
  onSignedOutEverywhere,
  onChangePassphrase,
  onNewRecoveryKey,
  onDelete,
}: AccountPanelProps) {
  return (
    <div class="casebook-vault-account">
      <SignIns vault={vault} onSignedOutEverywhere={onSignedOutEverywhere} />
      <h2 class="govuk-heading-m">{t('account.settings')}</h2>
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="idle-minutes">
          {t('account.lockAfter')}
        </label>
        <div class="govuk-hint" id="idle-minutes-hint">
          {t('account.lockAfterHint')}
        </div>
        <select
          class="govuk-select"
          id="idle-minutes"
          aria-describedby="idle-minutes-hint"
          value={String(idleMinutes)}
          onChange={(event) => onIdleMinutes(Number(event.currentTarget.value))}
        >
          {IDLE_CHOICES.map((minutes) => (
            <option key={minutes} value={String(minutes)}>
              {plural('account.minutes', minutes)}
            </option>
          ))}
        </select>
      </div>
      <ul class="govuk-list">
        <li>
          <LinkButton onClick={onChangePassphrase}>{t('account.changePassphrase')}</LinkButton>
        </li>
        <li>
          <LinkButton onClick={onNewRecoveryKey}>{t('account.newRecoveryKey')}</LinkButton>
        </li>
        <li>
          <LinkButton onClick={onSignOut}>{t('account.signOut')}</LinkButton>
        </li>
        <li>
          <LinkButton onClick={onDelete}>{t('account.delete')}</LinkButton>
        </li>
      </ul>
    </div>
  );
}

function SignIns({ vault, onSignedOutEverywhere }: { vault: UnlockedVault; onSignedOutEverywhere: () => void }) {
  const [error, setError] = useState<string | undefined>(undefined);
  const recent: readonly SignIn[] = vault.lastSignIns.slice(0, 5);
  return (
    <div class="casebook-vault-sign-ins">
      <h2 class="govuk-heading-m">{t('account.recentSignIns')}</h2>
      {recent.length === 0 ? (
        <p class="govuk-body-s">{t('account.noSignIns')}</p>
      ) : (
        <ul class="govuk-list govuk-body-s">
          {recent.map((signIn, i) => (
            <li key={i}>
              {t('account.signIn', { at: formatDateTime(signIn.at), device: signIn.device })}
              {signIn.succeeded ? '' : <strong class="casebook-vault-sign-ins__failed"> {t('account.wrongPassphrase')}</strong>}
            </li>
          ))}
        </ul>
      )}
      <p class="govuk-body-s">{t('account.notYou')}</p>
      {error ? <p class="govuk-error-message">{error}</p> : null}
      <Button
        variant="warning"
        onClick={() => {
          signOutEverywhere(vault).then(onSignedOutEverywhere, (failure) => setError(describeFailure(failure)));
        }}
      >
        {t('account.signOutEverywhere')}
      </Button>
    </div>
  );
}

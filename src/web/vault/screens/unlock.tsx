import { useState } from 'preact/hooks';
import { HttpError } from '../../http/http-client.ts';
import { unlock } from '../account/unlock.ts';
import { normalizeUsername } from '../account/username.ts';
import type { ApiClient } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';
import type { FieldError } from '../ui/components.tsx';
import { Busy, Button, ErrorSummary, errorFor, Heading, LinkButton, PasswordInput, TextInput } from '../ui/components.tsx';
import { useFormAction } from '../ui/form-action.ts';
import { describeFailure } from '../ui/messages.ts';
import type { UnlockedVault } from '../vault-session.ts';

export function UnlockScreen({
  api,
  notice,
  onUnlocked,
  onCreate,
  onRecover,
}: {
  api: ApiClient;
  notice: string | undefined;
  onUnlocked: (vault: UnlockedVault) => void;
  onCreate: () => void;
  onRecover: () => void;
}) {
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const form = useFormAction();
  const errors = form.errors;

  const submit = async (event: Event) => {
    event.preventDefault();
    const name = normalizeUsername(username);
    const vault = await form.run({
      check: () => {
        const found: FieldError[] = [];
        if (name === '') found.push({ href: '#unlock-username', text: t('unlock.enterUsername') });
        if (passphrase === '') found.push({ href: '#unlock-passphrase', text: t('unlock.enterPassphrase') });
        return found;
      },
      busy: t('unlock.busy'),
      work: () => unlock(api, name, passphrase),
      failureField: 'unlock-passphrase',
      failure: (error) => (error instanceof HttpError && error.code === 'sign_in_failed' ? t('unlock.notRight') : describeFailure(error)),
    });
    if (vault) onUnlocked(vault);
  };

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {notice ? (
          <div class="govuk-notification-banner" role="region" aria-labelledby="vault-notice-title">
            <div class="govuk-notification-banner__header">
              <h2 class="govuk-notification-banner__title" id="vault-notice-title">
                {t('unlock.important')}
              </h2>
            </div>
            <div class="govuk-notification-banner__content">
              <p class="govuk-notification-banner__heading">{notice}</p>
            </div>
          </div>
        ) : null}
        <Heading>{t('unlock.heading')}</Heading>
        <p class="govuk-body">{t('unlock.intro')}</p>
        <form onSubmit={submit} noValidate>
          <TextInput
            id="unlock-username"
            label={t('common.username')}
            value={username}
            onInput={setUsername}
            error={errorFor(errors, 'unlock-username')}
            autocomplete="username"
            inputClass="govuk-!-width-two-thirds"
          />
          <PasswordInput
            id="unlock-passphrase"
            label={t('common.passphrase')}
            value={passphrase}
            onInput={setPassphrase}
            error={errorFor(errors, 'unlock-passphrase')}
            autocomplete="current-password"
          />
          {form.busy ? <Busy>{form.busy}</Busy> : <Button type="submit">{t('unlock.submit')}</Button>}
        </form>
        <h2 class="govuk-heading-m">{t('unlock.otherOptions')}</h2>
        <ul class="govuk-list">
          <li>
            <LinkButton onClick={onRecover}>{t('unlock.forgotten')}</LinkButton>
          </li>
          <li>
            <LinkButton onClick={onCreate}>{t('unlock.create')}</LinkButton>
          </li>
        </ul>
        <p class="govuk-body-s">{t('unlock.safety')}</p>
      </div>
    </div>
  );
}

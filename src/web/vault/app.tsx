import { useEffect, useRef, useState } from 'preact/hooks';
import { signOut } from './account/manage-account.ts';
import type { ApiClient } from './api/client.ts';
import { DiaryApp } from './diary/diary-app.tsx';
import { plural, t } from './i18n/i18n.ts';
import { createIdleTimer, watchActivity } from './safety/idle-timer.ts';
import { CreateAccountScreen } from './screens/create-account.tsx';
import { ChangePassphraseScreen, DeleteAccountScreen, NewRecoveryKeyScreen } from './screens/manage.tsx';
import { RecoveredKeyScreen, RecoverScreen } from './screens/recover.tsx';
import { UnlockScreen } from './screens/unlock.tsx';
import type { UnlockedVault } from './vault-session.ts';

export const DEFAULT_IDLE_MINUTES = 5;

type Screen =
  | { readonly name: 'unlock'; readonly notice?: string }
  | { readonly name: 'create' }
  | { readonly name: 'recover' }
  | { readonly name: 'recovered'; readonly vault: UnlockedVault; readonly recoveryKey: string }
  | { readonly name: 'home'; readonly vault: UnlockedVault }
  | { readonly name: 'change-passphrase'; readonly vault: UnlockedVault }
  | { readonly name: 'new-recovery-key'; readonly vault: UnlockedVault }
  | { readonly name: 'delete'; readonly vault: UnlockedVault };

/**
 * The whole vault app as one small state machine. The open vault lives only in this state: every way out
 * (lock, sign out, idle, delete) replaces the state with a locked screen, which drops the keys and the
 * decrypted notes and re-renders the page without them.
 */
export function VaultApp({ api }: { api: ApiClient }) {
  const [screen, setScreen] = useState<Screen>({ name: 'unlock' });
  const [idleMinutes, setIdleMinutes] = useState(DEFAULT_IDLE_MINUTES);
  const vault = 'vault' in screen ? screen.vault : undefined;
  const lockRef = useRef<(notice: string) => void>(() => {});

  const lock = (notice: string) => {
    void signOut(api);
    // The new key from a recovery is already the one that works; only this screen ever showed it.
    const unseenKey = screen.name === 'recovered' ? ` ${t('notices.unseenKey')}` : '';
    setScreen({ name: 'unlock', notice: notice + unseenKey });
  };
  lockRef.current = lock;

  // Auto-lock while a vault is open. Re-armed when the chosen time changes.
  useEffect(() => {
    if (!vault) return;
    const timer = createIdleTimer({
      timeoutMs: idleMinutes * 60_000,
      onIdle: () => lockRef.current(plural('notices.idle', idleMinutes)),
    });
    return watchActivity(timer);
  }, [vault !== undefined, idleMinutes]);

  const open = (opened: UnlockedVault) => setScreen({ name: 'home', vault: opened });

  switch (screen.name) {
    case 'unlock':
      return (
        <UnlockScreen
          api={api}
          notice={screen.notice}
          onUnlocked={open}
          onCreate={() => setScreen({ name: 'create' })}
          onRecover={() => setScreen({ name: 'recover' })}
        />
      );
    case 'create':
      return <CreateAccountScreen api={api} onCreated={open} onCancel={() => setScreen({ name: 'unlock' })} />;
    case 'recover':
      return (
        <RecoverScreen
          api={api}
          onRecovered={(recovered, recoveryKey) => setScreen({ name: 'recovered', vault: recovered, recoveryKey })}
          onCancel={() => setScreen({ name: 'unlock' })}
        />
      );
    case 'recovered':
      return <RecoveredKeyScreen recoveryKey={screen.recoveryKey} onConfirmed={() => open(screen.vault)} />;
    case 'home':
      return (
        <DiaryApp
          vault={screen.vault}
          idleMinutes={idleMinutes}
          onIdleMinutes={setIdleMinutes}
          onLock={() => lock(t('notices.locked'))}
          onSignOut={() => lock(t('notices.signedOut'))}
          onSignedOutEverywhere={() => setScreen({ name: 'unlock', notice: t('notices.signedOutEverywhere') })}
          onChangePassphrase={() => setScreen({ name: 'change-passphrase', vault: screen.vault })}
          onNewRecoveryKey={() => setScreen({ name: 'new-recovery-key', vault: screen.vault })}
          onDelete={() => setScreen({ name: 'delete', vault: screen.vault })}
        />
      );
    case 'change-passphrase':
      return <ChangePassphraseScreen vault={screen.vault} onChanged={open} onCancel={() => open(screen.vault)} />;
    case 'new-recovery-key':
      return <NewRecoveryKeyScreen vault={screen.vault} onDone={() => open(screen.vault)} onCancel={() => open(screen.vault)} />;
    case 'delete':
      return (
        <DeleteAccountScreen
          vault={screen.vault}
          onDeleted={() => setScreen({ name: 'unlock', notice: t('notices.deleted') })}
          onCancel={() => open(screen.vault)}
        />
      );
  }
}

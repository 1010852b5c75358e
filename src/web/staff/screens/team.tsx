import { useEffect, useState } from 'preact/hooks';
import { base64urlDecode, base64urlEncode } from '../../../crypto/encoding.ts';
import { grantTeamKey, rotateTeamKey, type TeamKeys } from '../../../crypto/team-keys.ts';
import { Busy, Button, ErrorSummary, errorFor, type FieldError, TextInput } from '../../vault/ui/components.tsx';
import { postJson, staffFetch } from '../api.ts';
import { messageOf } from './sign-in.tsx';
import { UnlockTeamKeys } from './unlock-team-keys.tsx';

interface Member {
  id: string;
  signInName: string;
  displayName: string;
  roles: string[];
  status: 'pending' | 'active' | 'disabled';
  publicKey: string | null;
  eligibleForTeamKey: boolean;
  hasTeamKey: boolean;
}

const ROLES = [
  { id: 'caseworker', label: 'Caseworker' },
  { id: 'supervisor', label: 'Supervisor' },
  { id: 'moderator', label: 'Moderator' },
  { id: 'training', label: 'Training' },
  { id: 'administrator', label: 'Administrator' },
];

const STATUS: Record<Member['status'], string> = { pending: 'Not set up yet', active: 'Active', disabled: 'Turned off' };

/** Administrators: add people, change roles, turn accounts off, and keep the team key with exactly the right people. */
export function Team({ selfId }: { selfId: string }) {
  const [members, setMembers] = useState<Member[] | null>(null);
  const [keys, setKeys] = useState<TeamKeys | null>(null);
  const [status, setStatus] = useState('');
  const [code, setCode] = useState<{ name: string; code: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [rotationNeeded, setRotationNeeded] = useState(false);
  const load = async () => setMembers(((await staffFetch('/api/staff/members')) as { members: Member[] }).members);
  useEffect(() => void load(), []);

  const act = async (label: string, fn: () => Promise<void>) => {
    setError('');
    setBusy(label);
    try {
      await fn();
      await load();
    } catch (e) {
      setError(messageOf(e));
    }
    setBusy(null);
  };

  const needKey = (members ?? []).filter((m) => m.status === 'active' && m.eligibleForTeamKey && m.publicKey && !m.hasTeamKey);

  const grantPending = (k: TeamKeys) =>
    act('Giving the team key…', async () => {
      const current = k.privateKeys.get(k.version)!;
      const grants = await Promise.all(
        needKey.map(async (m) => ({ staffId: m.id, sealedKey: await grantTeamKey(current, base64urlDecode(m.publicKey!), k.version) })),
      );
      await postJson('/api/staff/team-key/grants', { version: k.version, grants });
      setStatus(`The team key was given to ${grants.length} ${grants.length === 1 ? 'person' : 'people'}.`);
    });

  const rotate = (k: TeamKeys) =>
    act('Making a new team key…', async () => {
      const next = await rotateTeamKey({ version: k.version, privateKey: k.privateKeys.get(k.version)! });
      const holders = (members ?? []).filter((m) => m.status === 'active' && m.eligibleForTeamKey && m.publicKey);
      const grants = await Promise.all(
        holders.map(async (m) => ({
          staffId: m.id,
          sealedKey: await grantTeamKey(next.keyPair.privateKey, base64urlDecode(m.publicKey!), next.version),
        })),
      );
      await postJson('/api/staff/team-key/rotate', {
        version: next.version,
        publicKey: base64urlEncode(next.keyPair.publicKey),
        sealedPrevious: next.sealedPrevious,
        grants,
      });
      const privateKeys = new Map(k.privateKeys);
      privateKeys.set(next.version, next.keyPair.privateKey);
      setKeys({ version: next.version, publicKey: next.keyPair.publicKey, privateKeys });
      setRotationNeeded(false);
      setStatus(
        `New team key (version ${next.version}) made and given to ${grants.length} ${grants.length === 1 ? 'person' : 'people'}. Older conversations stay readable.`,
      );
    });

  return (
    <div>
      {error ? <ErrorSummary errors={[{ href: '#team-status', text: error }]} /> : null}
      <div role="status" id="team-status" class="govuk-body" data-team-status>
        {status}
      </div>
      {busy ? <Busy>{busy}</Busy> : null}
      {code ? (
        <div class="govuk-panel casebook-staff-code" data-setup-code-panel>
          <h2 class="govuk-panel__title govuk-!-font-size-27">Set-up code for {code.name}</h2>
          <div class="govuk-panel__body">
            <code data-setup-code>{code.code}</code>
          </div>
          <p class="govuk-body">
            Give it to them in person or by phone, not by email. It works once, for 7 days. It will not be shown again.
          </p>
        </div>
      ) : null}

      <h2 class="govuk-heading-m">Team key</h2>
      {keys ? (
        <div>
          <p class="govuk-body">Team key version {keys.version} is open on this device.</p>
          {needKey.length ? (
            <Button onClick={() => void grantPending(keys)}>Give the team key to {needKey.map((m) => m.displayName).join(', ')}</Button>
          ) : (
            <p class="govuk-body">Everyone who answers conversations has the team key.</p>
          )}
          <p class="govuk-body">When someone leaves, make a new team key so that a copy they may have kept opens nothing new.</p>
          <Button variant={rotationNeeded ? undefined : 'secondary'} onClick={() => void rotate(keys)}>
            Make a new team key
          </Button>
        </div>
      ) : (
        <div>
          {needKey.length ? (
            <p class="govuk-body">
              {needKey.length} {needKey.length === 1 ? 'person is' : 'people are'} waiting for the team key.
            </p>
          ) : null}
          {rotationNeeded ? (
            <p class="govuk-body">
              <strong>Someone who had the team key has left or changed role. Make a new team key now.</strong>
            </p>
          ) : null}
          <UnlockTeamKeys purpose="to manage the team key" onUnlocked={setKeys} />
        </div>
      )}

      <h2 class="govuk-heading-m">People</h2>
      {members === null ? (
        <Busy>Loading…</Busy>
      ) : (
        <ul class="govuk-list casebook-staff-members">
          {members.map((m) => (
            <MemberRow
              key={m.id}
              member={m}
              self={m.id === selfId}
              busy={busy !== null}
              onRoles={(roles) =>
                act('Saving…', async () => {
                  const r = (await postJson(`/api/staff/members/${m.id}`, { roles }, 'PATCH')) as { rotationNeeded: boolean };
                  if (r.rotationNeeded) setRotationNeeded(true);
                  setStatus(
                    `Roles for ${m.displayName} saved.${r.rotationNeeded ? ' They no longer hold the team key: now make a new team key.' : ''}`,
                  );
                })
              }
              onDisable={() =>
                act('Turning off…', async () => {
                  const r = (await postJson(`/api/staff/members/${m.id}/disable`, {})) as { rotationNeeded: boolean };
                  setRotationNeeded(r.rotationNeeded);
                  setStatus(
                    `${m.displayName}'s account is turned off and signed out.${r.rotationNeeded ? ' Now make a new team key.' : ''}`,
                  );
                })
              }
              onReset={() =>
                act('Resetting…', async () => {
                  const r = (await postJson(`/api/staff/members/${m.id}/reset`, {})) as { setupCode: string };
                  setCode({ name: m.displayName, code: r.setupCode });
                })
              }
            />
          ))}
        </ul>
      )}
      <AddMember
        onAdded={(name, setupCode) => {
          setCode({ name, code: setupCode });
          void load();
        }}
      />
    </div>
  );
}

function MemberRow({
  member,
  self,
  busy,
  onRoles,
  onDisable,
  onReset,
}: {
  member: Member;
  self: boolean;
  busy: boolean;
  onRoles: (roles: string[]) => void;
  onDisable: () => void;
  onReset: () => void;
}) {
  const [roles, setRoles] = useState(member.roles);
  const changed = roles.slice().sort().join() !== member.roles.slice().sort().join();
  return (
    <li class="casebook-staff-members__item" data-member={member.signInName}>
      <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
        {member.displayName}
        {self ? ' (you)' : ''}
      </h3>
      <p class="govuk-body-s govuk-!-margin-bottom-2">
        {member.signInName} · {STATUS[member.status]}
        {member.eligibleForTeamKey && member.status === 'active'
          ? member.hasTeamKey
            ? ' · has the team key'
            : ' · waiting for the team key'
          : ''}
      </p>
      {member.status !== 'disabled' ? (
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
            Roles<span class="govuk-visually-hidden"> for {member.displayName}</span>
          </legend>
          <div class="govuk-checkboxes govuk-checkboxes--small casebook-staff-roles" data-module="govuk-checkboxes">
            {ROLES.map((r) => (
              <div class="govuk-checkboxes__item" key={r.id}>
                <input
                  class="govuk-checkboxes__input"
                  id={`role-${member.id}-${r.id}`}
                  type="checkbox"
                  checked={roles.includes(r.id)}
                  disabled={busy}
                  onChange={(e) => setRoles(e.currentTarget.checked ? [...roles, r.id] : roles.filter((x) => x !== r.id))}
                />
                <label class="govuk-label govuk-checkboxes__label" for={`role-${member.id}-${r.id}`}>
                  {r.label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div class="govuk-button-group govuk-!-margin-top-2 govuk-!-margin-bottom-0">
        {changed && roles.length ? (
          <button type="button" class="govuk-button govuk-!-margin-bottom-0" onClick={() => onRoles(roles)} disabled={busy}>
            Save roles<span class="govuk-visually-hidden"> for {member.displayName}</span>
          </button>
        ) : null}
        {!self && member.status === 'active' ? (
          <button type="button" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={onDisable} disabled={busy}>
            Turn off account<span class="govuk-visually-hidden"> of {member.displayName}</span>
          </button>
        ) : null}
        {!self ? (
          <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={onReset} disabled={busy}>
            {member.status === 'active' ? 'Reset sign-in' : 'New set-up code'}
            <span class="govuk-visually-hidden"> for {member.displayName}</span>
          </button>
        ) : null}
      </div>
    </li>
  );
}

function AddMember({ onAdded }: { onAdded: (name: string, code: string) => void }) {
  const [displayName, setDisplayName] = useState('');
  const [signInName, setSignInName] = useState('');
  const [roles, setRoles] = useState<string[]>(['caseworker']);
  const [errors, setErrors] = useState<FieldError[]>([]);
  async function submit(event: Event) {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!displayName.trim()) found.push({ href: '#new-display-name', text: 'Enter their name as colleagues know it' });
    if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(signInName))
      found.push({ href: '#new-sign-in-name', text: 'Sign-in name: 3 to 64 lower-case letters, digits, dots, dashes or underscores' });
    if (!roles.length) found.push({ href: '#new-role-caseworker', text: 'Choose at least one role' });
    setErrors(found);
    if (found.length) return;
    try {
      const r = (await postJson('/api/staff/members', { displayName: displayName.trim(), signInName, roles })) as { setupCode: string };
      onAdded(displayName.trim(), r.setupCode);
      setDisplayName('');
      setSignInName('');
    } catch (e) {
      setErrors([{ href: '#new-sign-in-name', text: messageOf(e) }]);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate class="casebook-staff-add">
      <h2 class="govuk-heading-m">Add someone</h2>
      <ErrorSummary errors={errors} />
      <TextInput
        id="new-display-name"
        label="Name"
        value={displayName}
        onInput={setDisplayName}
        inputClass="govuk-!-width-one-half"
        error={errorFor(errors, 'new-display-name')}
      />
      <TextInput
        id="new-sign-in-name"
        label="Sign-in name"
        hint="For example sam.jones"
        value={signInName}
        onInput={(v) => setSignInName(v.toLowerCase())}
        inputClass="govuk-!-width-one-half"
        error={errorFor(errors, 'new-sign-in-name')}
      />
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Roles</legend>
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          {ROLES.map((r) => (
            <div class="govuk-checkboxes__item" key={r.id}>
              <input
                class="govuk-checkboxes__input"
                id={`new-role-${r.id}`}
                type="checkbox"
                checked={roles.includes(r.id)}
                onChange={(e) => setRoles(e.currentTarget.checked ? [...roles, r.id] : roles.filter((x) => x !== r.id))}
              />
              <label class="govuk-label govuk-checkboxes__label" for={`new-role-${r.id}`}>
                {r.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <Button type="submit">Add and make a set-up code</Button>
    </form>
  );
}

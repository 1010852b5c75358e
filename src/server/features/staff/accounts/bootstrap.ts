import type { Services } from '../../../services.ts';
import type { StaffRole } from '../roles.ts';

export class BootstrapRefused extends Error {
  override name = 'BootstrapRefused';
}

/**
 * The first administrator (`npm run staff:create-admin`). Only someone with shell access to the server can run
 * it, and only while no administrator is active, so it cannot be used to slip in a second one unseen; it is
 * audited like any account change. Returns the one-time set-up code to give the person.
 */
export async function createFirstAdministrator(
  services: Pick<Services, 'staff' | 'audit' | 'clock' | 'database'>,
  input: { signInName: string; displayName: string; roles?: StaffRole[] },
): Promise<{ id: string; setupCode: string }> {
  const { staff } = services;
  const accounts = await staff.accounts.list();
  if (accounts.some((a) => a.status === 'active' && a.roles.has('administrator'))) {
    throw new BootstrapRefused('An administrator already exists: add people from the Team screen in the workspace instead.');
  }
  const pending = accounts.find((a) => a.status === 'pending' && a.roles.has('administrator'));
  if (pending) {
    throw new BootstrapRefused(
      `An administrator ("${pending.signInName}") is waiting to be set up. If their code is lost or expired, run this again with --new-code --sign-in-name ${pending.signInName}.`,
    );
  }
  if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(input.signInName))
    throw new BootstrapRefused('The sign-in name must be 3–64 characters: lower-case letters, digits, dots, dashes or underscores.');
  if (!input.displayName.trim() || input.displayName.length > 100)
    throw new BootstrapRefused('Give a display name of up to 100 characters.');
  if (accounts.some((a) => a.signInName === input.signInName)) throw new BootstrapRefused('That sign-in name is taken.');
  const now = services.clock();
  return services.database.db.transaction().execute(async (trx) => {
    const account = await staff.accounts.create(
      {
        signInName: input.signInName,
        displayName: input.displayName.trim(),
        roles: input.roles ?? ['administrator', 'supervisor', 'caseworker'],
        createdBy: null,
        now,
      },
      trx,
    );
    const setupCode = await staff.accounts.issueSetupCode(account.id, now, trx);
    await services.audit.record(
      {
        staffId: null,
        action: 'staff.account_create',
        subjectType: 'staff',
        subjectId: account.id,
        detail: { roles: [...account.roles].join(','), bootstrap: true },
      },
      trx,
    );
    return { id: account.id, setupCode };
  });
}

/** A fresh set-up code for the first administrator while nobody has finished setting up (a lost or expired code). */
export async function reissueFirstAdministratorCode(
  services: Pick<Services, 'staff' | 'audit' | 'clock' | 'database'>,
  signInName: string,
): Promise<{ id: string; setupCode: string }> {
  const { staff } = services;
  const accounts = await staff.accounts.list();
  if (accounts.some((a) => a.status === 'active' && a.roles.has('administrator'))) {
    throw new BootstrapRefused('An administrator already exists: they can make a new set-up code from the Team screen.');
  }
  const account = accounts.find((a) => a.signInName === signInName && a.status === 'pending' && a.roles.has('administrator'));
  if (!account) throw new BootstrapRefused(`No administrator "${signInName}" is waiting to be set up.`);
  const now = services.clock();
  return services.database.db.transaction().execute(async (trx) => {
    const setupCode = await staff.accounts.issueSetupCode(account.id, now, trx);
    await services.audit.record(
      { staffId: null, action: 'staff.setup_code_reissue', subjectType: 'staff', subjectId: account.id, detail: { bootstrap: true } },
      trx,
    );
    return { id: account.id, setupCode };
  });
}

import type { TypedApp } from '../../../http/typed-routes.ts';
import { VaultError } from '../../../shared/errors.ts';
import { requireStaff } from '../guard.ts';
import { formatRoles } from '../roles.ts';
import type { StaffServices } from '../services.ts';
import { membersOverview, TEAM_KEY_ROLES } from './members.ts';
import {
  auditQuery,
  idParams,
  memberCreateBody,
  memberUpdateBody,
  teamKeyCreateBody,
  teamKeyGrantBody,
  teamKeyRotateBody,
} from './schemas.ts';

type Grants = { staffId: string; sealedKey: string }[];

const notFound = () => new VaultError(404, 'not_found', 'Not found');

/** Team administration, the team key and the audit log. */
export async function adminRoutes(app: TypedApp, { staff }: { staff: StaffServices }): Promise<void> {
  const admin = requireStaff('administrator');
  const signedIn = requireStaff();
  const { db } = staff.database;

  app.get('/api/staff/members', { preValidation: admin }, async () => ({ members: await membersOverview(staff) }));

  app.post('/api/staff/members', { preValidation: admin, schema: { body: memberCreateBody } }, async (request, reply) => {
    const by = request.staff!.id;
    const now = staff.clock();
    if (await staff.accounts.bySignInName(request.body.signInName))
      throw new VaultError(409, 'name_taken', 'Someone already has that sign-in name. Choose another.');
    const { account, code } = await db.transaction().execute(async (trx) => {
      const account = await staff.accounts.create(
        {
          signInName: request.body.signInName,
          displayName: request.body.displayName.trim(),
          roles: request.body.roles,
          createdBy: by,
          now,
        },
        trx,
      );
      const code = await staff.accounts.issueSetupCode(account.id, now, trx);
      await staff.audit.record(
        {
          staffId: by,
          action: 'staff.account_create',
          subjectType: 'staff',
          subjectId: account.id,
          detail: { roles: formatRoles(account.roles) },
        },
        trx,
      );
      return { account, code };
    });
    return reply.code(201).send({ id: account.id, signInName: account.signInName, setupCode: code });
  });

  app.patch('/api/staff/members/:id', { preValidation: admin, schema: { params: idParams, body: memberUpdateBody } }, async (request) => {
    const by = request.staff!.id;
    const account = await staff.accounts.byId(request.params.id);
    if (!account) throw notFound();
    const roles = request.body.roles;
    if (roles && account.id === by && account.roles.has('administrator') && !roles.includes('administrator')) {
      throw new VaultError(409, 'own_admin', 'You cannot remove your own administrator role. Ask another administrator.');
    }
    const now = staff.clock();
    const losesKey =
      roles !== undefined &&
      !roles.some((r) => TEAM_KEY_ROLES.includes(r)) &&
      (await staff.keys.grantedStaff((await staff.keys.currentTeamKey())?.version ?? 0)).has(account.id);
    await db.transaction().execute(async (trx) => {
      await staff.accounts.update(
        account.id,
        { ...(request.body.displayName ? { displayName: request.body.displayName.trim() } : {}), ...(roles ? { roles } : {}) },
        now,
        trx,
      );
      if (request.body.displayName && request.body.displayName.trim() !== account.displayName) {
        await staff.audit.record({ staffId: by, action: 'staff.account_rename', subjectType: 'staff', subjectId: account.id }, trx);
      }
      if (roles && formatRoles(roles) !== formatRoles(account.roles)) {
        await staff.audit.record(
          {
            staffId: by,
            action: 'staff.roles_change',
            subjectType: 'staff',
            subjectId: account.id,
            detail: { from: formatRoles(account.roles), to: formatRoles(roles) },
          },
          trx,
        );
        // Someone who no longer answers conversations loses their copy of the team key at once.
        if (!roles.some((r) => TEAM_KEY_ROLES.includes(r))) await staff.keys.removeGrants(account.id, trx);
      }
    });
    return { ok: true, rotationNeeded: losesKey };
  });

  app.post('/api/staff/members/:id/disable', { preValidation: admin, schema: { params: idParams } }, async (request) => {
    const by = request.staff!.id;
    const account = await staff.accounts.byId(request.params.id);
    if (!account) throw notFound();
    if (account.id === by) throw new VaultError(409, 'self', 'You cannot turn off your own account.');
    const hadKey = (await staff.keys.grantedStaff((await staff.keys.currentTeamKey())?.version ?? 0)).has(account.id);
    await db.transaction().execute(async (trx) => {
      await staff.accounts.update(account.id, { status: 'disabled' }, staff.clock(), trx);
      await staff.sessions.deleteAll(account.id, trx);
      await staff.keys.removeGrants(account.id, trx);
      await staff.accounts.deleteSetupCodes(account.id, trx);
      await staff.audit.record({ staffId: by, action: 'staff.account_disable', subjectType: 'staff', subjectId: account.id }, trx);
    });
    return { rotationNeeded: hadKey };
  });

  // A forgotten password, a lost authenticator or a returning member: everything is cleared and a new set-up
  // code issued. Their old private key is gone, so another member must grant them the team key again.
  app.post('/api/staff/members/:id/reset', { preValidation: admin, schema: { params: idParams } }, async (request) => {
    const by = request.staff!.id;
    const account = await staff.accounts.byId(request.params.id);
    if (!account) throw notFound();
    if (account.id === by) throw new VaultError(409, 'self', 'Ask another administrator to reset your account.');
    const now = staff.clock();
    const code = await db.transaction().execute(async (trx) => {
      await staff.accounts.update(account.id, { status: 'pending' }, now, trx);
      await staff.sessions.deleteAll(account.id, trx);
      await staff.keys.removeGrants(account.id, trx);
      await trx.deleteFrom('staff_passwords').where('staff_id', '=', account.id).execute();
      await trx.deleteFrom('staff_passkeys').where('staff_id', '=', account.id).execute();
      await trx.deleteFrom('staff_member_keys').where('staff_id', '=', account.id).execute();
      await staff.audit.record({ staffId: by, action: 'staff.account_reset', subjectType: 'staff', subjectId: account.id }, trx);
      return staff.accounts.issueSetupCode(account.id, now, trx);
    });
    return { setupCode: code };
  });

  // --- The team key. The public half is public: anyone writing to the helpline seals to it.

  app.get('/api/staff/team-key', async (_request, reply) => {
    const current = await staff.keys.currentTeamKey();
    if (!current) throw new VaultError(404, 'no_team_key', 'The helpline has not set up its key yet.');
    reply.header('cache-control', 'no-cache');
    return { version: current.version, publicKey: current.publicKey };
  });

  app.get('/api/staff/keys', { preValidation: signedIn }, async (request) => {
    const s = request.staff!;
    const member = await staff.keys.memberKey(s.id);
    const team = await staff.keys.teamKeys();
    const current = team.at(-1);
    const sealedKey = current ? await staff.keys.grant(current.version, s.id) : undefined;
    return {
      member: member
        ? { publicKey: member.publicKey, wrappedPrivateKey: JSON.parse(member.wrappedPrivateKey) as unknown, kdf: member.kdf }
        : null,
      team: team.map((t) => ({ version: t.version, publicKey: t.publicKey, sealedPrevious: t.sealedPrevious })),
      grant: current && sealedKey ? { version: current.version, sealedKey } : null,
    };
  });

  async function checkGrantees(grants: Grants): Promise<void> {
    const members = await membersOverview(staff);
    const eligible = new Map(members.filter((m) => m.status === 'active' && m.publicKey && m.eligibleForTeamKey).map((m) => [m.id, m]));
    for (const g of grants) {
      if (!eligible.has(g.staffId))
        throw new VaultError(
          400,
          'grantee',
          'The team key can only go to active members who answer conversations and have set up their key.',
        );
    }
    if (new Set(grants.map((g) => g.staffId)).size !== grants.length) throw new VaultError(400, 'grantee', 'Each member may appear once.');
  }

  app.post('/api/staff/team-key', { preValidation: admin, schema: { body: teamKeyCreateBody } }, async (request, reply) => {
    const by = request.staff!.id;
    await checkGrantees(request.body.grants);
    if (!request.body.grants.some((g) => g.staffId === by))
      throw new VaultError(400, 'grantee', 'Include yourself, or nobody could use the new key.');
    const now = staff.clock();
    await db.transaction().execute(async (trx) => {
      if (await staff.keys.currentTeamKey(trx))
        throw new VaultError(409, 'team_key_exists', 'The team already has a key. Rotate it instead.');
      await staff.keys.addTeamKey({ version: 1, publicKey: request.body.publicKey, sealedPrevious: null, createdBy: by }, now, trx);
      await staff.keys.addGrants(1, request.body.grants, by, now, trx);
      await staff.audit.record(
        {
          staffId: by,
          action: 'staff.team_key_create',
          subjectType: 'team_key',
          subjectId: '1',
          detail: { members: request.body.grants.length },
        },
        trx,
      );
    });
    return reply.code(201).send({ version: 1 });
  });

  app.post('/api/staff/team-key/grants', { preValidation: admin, schema: { body: teamKeyGrantBody } }, async (request) => {
    const by = request.staff!.id;
    await checkGrantees(request.body.grants);
    const now = staff.clock();
    await db.transaction().execute(async (trx) => {
      const current = await staff.keys.currentTeamKey(trx);
      if (!current || current.version !== request.body.version)
        throw new VaultError(409, 'stale_version', 'The team key has changed since this page loaded. Reload and try again.');
      await staff.keys.addGrants(current.version, request.body.grants, by, now, trx);
      for (const g of request.body.grants) {
        await staff.audit.record(
          { staffId: by, action: 'staff.team_key_grant', subjectType: 'staff', subjectId: g.staffId, detail: { version: current.version } },
          trx,
        );
      }
    });
    return { ok: true };
  });

  app.post('/api/staff/team-key/rotate', { preValidation: admin, schema: { body: teamKeyRotateBody } }, async (request) => {
    const by = request.staff!.id;
    await checkGrantees(request.body.grants);
    if (!request.body.grants.some((g) => g.staffId === by))
      throw new VaultError(400, 'grantee', 'Include yourself, or nobody could use the new key.');
    const now = staff.clock();
    await db.transaction().execute(async (trx) => {
      const current = await staff.keys.currentTeamKey(trx);
      if (!current || current.version + 1 !== request.body.version)
        throw new VaultError(409, 'stale_version', 'The team key has changed since this page loaded. Reload and try again.');
      await staff.keys.addTeamKey(
        { version: request.body.version, publicKey: request.body.publicKey, sealedPrevious: request.body.sealedPrevious, createdBy: by },
        now,
        trx,
      );
      await staff.keys.addGrants(request.body.version, request.body.grants, by, now, trx);
      await staff.audit.record(
        {
          staffId: by,
          action: 'staff.team_key_rotate',
          subjectType: 'team_key',
          subjectId: String(request.body.version),
          detail: { members: request.body.grants.length },
        },
        trx,
      );
    });
    return { version: request.body.version };
  });

  // --- The audit log (read-only, for supervisors and administrators).

  app.get(
    '/api/staff/audit',
    { preValidation: requireStaff('supervisor', 'administrator'), schema: { querystring: auditQuery } },
    async (request) => {
      const q = request.query;
      return staff.audit.list(
        { staffId: q.staffId, action: q.action, subjectType: q.subjectType, subjectId: q.subjectId, from: q.from, to: q.to },
        { before: q.before, limit: q.limit },
      );
    },
  );

  app.get('/api/staff/audit/verify', { preValidation: requireStaff('supervisor', 'administrator') }, async () => staff.audit.verifyChain());
}

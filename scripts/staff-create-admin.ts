// npm run staff:create-admin -- --sign-in-name sam --display-name "Sam Jones"
// Makes the first workspace administrator and prints their one-time set-up code (docs/staff.md).
// npm run staff:create-admin -- --new-code --sign-in-name sam   (their code was lost or expired)
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config.ts';
import {
  BootstrapRefused,
  createFirstAdministrator,
  reissueFirstAdministratorCode,
} from '../src/server/features/staff/accounts/bootstrap.ts';
import { createServices } from '../src/server/services.ts';

const { values } = parseArgs({
  options: { 'sign-in-name': { type: 'string' }, 'display-name': { type: 'string' }, 'new-code': { type: 'boolean' } },
});
const signInName = values['sign-in-name'];
const displayName = values['display-name'];
const newCode = values['new-code'] === true;
if (!signInName || (!displayName && !newCode)) {
  console.error('Usage: npm run staff:create-admin -- --sign-in-name sam --display-name "Sam Jones"');
  process.exit(2);
}
const services = await createServices(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }));
try {
  const { setupCode } = newCode
    ? await reissueFirstAdministratorCode(services, signInName)
    : await createFirstAdministrator(services, { signInName, displayName: displayName! });
  console.log(
    `Administrator "${signInName}" ${newCode ? 'has a new code' : 'created'}.\nSet-up code (valid 7 days, use once): ${setupCode}\nOpen /staff/set-up on the workspace and enter it.`,
  );
} catch (error) {
  if (!(error instanceof BootstrapRefused)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await services.events.close();
  await services.database.close();
}

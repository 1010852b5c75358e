// npm run log:audit — checks the transparency log and every item version in the configured database (the same
// configuration as the service: DATABASE_URL, LOG_SIGNING_KEYS_FILE …). Run it after restoring a backup
// (docs/deploy.md): exit 0 when every receipt, the latest tree head and every item's commitment verify.
import { loadConfig } from '../src/server/config.ts';
import { auditLog } from '../src/server/features/vault/transparency-log/audit.ts';
import { createServices } from '../src/server/services.ts';

const services = await createServices(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }));
try {
  const audit = await auditLog(services.database.db, services.vault.log.keys);
  console.log(
    `${audit.leaves} log entries, ${audit.itemVersions} item versions, latest signed tree head: ${audit.treeHead ? `size ${audit.treeHead.treeSize}` : 'none'}`,
  );
  for (const problem of audit.problems) console.error(`PROBLEM: ${problem}`);
  console.log(audit.ok ? 'The log and every item version verify.' : `${audit.problems.length} problem(s): the log does not verify.`);
  process.exitCode = audit.ok ? 0 : 1;
} finally {
  await services.events.close();
  await services.database.close();
}

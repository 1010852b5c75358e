import { join } from 'node:path';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { TalkContext } from './features/conversations/context.ts';
import { type DirectoryStore, loadDirectory } from './features/directory/directory-store.ts';
import { type ContentStore, loadContent } from './features/guidance/content-store.ts';
import { createOpeningStatus, type OpeningStatusService } from './features/opening-status/opening-status.ts';
import { createSearchIndex, type SearchIndex } from './features/search/search-index.ts';
import { createStaffServices, type StaffServices } from './features/staff/services.ts';
import { startEmptying } from './features/training/private-page-cache.ts';
import { startTrainingRetentionSweeper } from './features/training/retention-sweep.ts';
import { createTrainingServices, type TrainingServices } from './features/training/services.ts';
import { startAbandonedUploadSweeper } from './features/vault/attachments/abandoned-uploads.ts';
import { createVaultServices, type VaultServices } from './features/vault/services.ts';
import { PATHS } from './paths.ts';
import { type AssetManifest, loadAssetManifest } from './setup/assets.ts';
import { createPageCache, type PageCache } from './setup/page-cache.ts';
import { createViews, type Views } from './setup/views.ts';
import { type AuditLog, createAuditLog } from './shared/audit/audit-log.ts';
import { createEventBus } from './shared/events/create.ts';
import type { EventBus } from './shared/events/event-bus.ts';
import { createConversationsServices } from './wiring/conversations.ts';
import { createForumsServices, type ForumsServices } from './wiring/forums.ts';
import { createLifecycle, type Lifecycle } from './wiring/lifecycle.ts';
import { createProblems, type Problems } from './wiring/problems.ts';

export const CONTENT_DIR = PATHS.content;
export const PUBLIC_DIR = PATHS.public;

/**
 * Everything the routes use, made in one place so tests and benchmarks can build the same app. Each plugin is
 * given only the part it names in its options type (app.ts); this is the only place anything is opened, and
 * `lifecycle` closes it all, in order.
 */
export interface Services {
  config: Config;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  clock: () => number;
  database: Database;
  content: ContentStore;
  /** The Welsh guidance, served under /cy: each page the twin of the English page with the same key. */
  welshContent: ContentStore;
  search: SearchIndex;
  /** The Welsh guidance's index (mutations, diacritics), served at /cy/search. */
  welshSearch: SearchIndex;
  assets: AssetManifest;
  views: Views;
  pageCache: PageCache;
  directory: DirectoryStore;
  openingStatus: OpeningStatusService;
  /** The end-to-end encrypted vault: accounts, sessions, items, attachments, the transparency log. */
  vault: VaultServices;
  /** The staff workspace: accounts, sessions, credentials, team keys (docs/staff.md). */
  staff: StaffServices;
  /** The append-only, hash-chained audit log of staff actions. */
  audit: AuditLog;
  /** Live updates between features and processes (in-process on SQLite, LISTEN/NOTIFY on PostgreSQL). */
  events: EventBus;
  /** Training and events for professionals, and the home page's campaigns (docs/training.md). */
  training: TrainingServices;
  /** The forums' repository and topic view cache (docs/forums.md). */
  forums: ForumsServices;
  /** Conversations with the helpline: repository and live updates (docs/messaging.md). */
  conversations: TalkContext;
  /** Where background failures are reported; createApp points it at the app's log. */
  problems: Problems;
  /** Starts background work when the app is ready; ends live streams, then closes every resource in reverse order. */
  lifecycle: Lifecycle;
}

export interface ServiceOverrides {
  clock?: () => number;
  pgSchema?: string;
}

export async function createServices(config: Config, overrides: ServiceOverrides = {}): Promise<Services> {
  const lifecycle = createLifecycle();
  try {
    return await openServices(config, overrides, lifecycle);
  } catch (error) {
    await lifecycle.close();
    throw error;
  }
}

/** Opens each resource in the order it is needed, recording how to close it as soon as it is open. */
async function openServices(config: Config, overrides: ServiceOverrides, lifecycle: Lifecycle): Promise<Services> {
  const problems = createProblems();
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    ...(overrides.pgSchema ? { pgSchema: overrides.pgSchema } : {}),
  });
  lifecycle.closeWith(() => database.close());
  await migrateToLatest(database);
  const content = loadContent(join(CONTENT_DIR, 'en'));
  const assets = loadAssetManifest(PUBLIC_DIR);
  const directory = loadDirectory(join(CONTENT_DIR, 'directory'));
  const clock = overrides.clock ?? Date.now;
  const events = await createEventBus(config, database, overrides.pgSchema);
  lifecycle.closeWith(() => events.close());
  const vault = await createVaultServices(config, database, clock);
  // Receipts already promised are committed, and a sweep in progress finishes, before the database closes.
  lifecycle.closeWith(async () => {
    await vault.log.close();
    vault.blobs.close?.();
  });
  lifecycle.startWhenReady(() =>
    startAbandonedUploadSweeper(vault, (error) => problems.report('sweeping abandoned uploads failed', error)),
  );
  const audit = createAuditLog(database.db, database.dialect, clock);
  const welshContent = loadContent(join(CONTENT_DIR, 'cy'), { pathPrefix: '/cy' });
  const training = await createTrainingServices(config, database, events, (what, error) => problems.report(`training: ${what}`, error));
  lifecycle.closeWith(() => {
    training.campaigns.close();
    training.mailer.close();
  });
  lifecycle.startWhenReady(() => startEmptying(training.privatePages));
  lifecycle.startWhenReady(() =>
    startTrainingRetentionSweeper(training, clock, (error) => problems.report('training: anonymising old bookings failed', error)),
  );
  return {
    config,
    clock,
    database,
    content,
    welshContent,
    search: createSearchIndex(content.pages),
    welshSearch: createSearchIndex(welshContent.pages, 'cy'),
    assets,
    views: createViews({ assets, exitUrl: config.exitUrl }),
    pageCache: createPageCache(),
    directory,
    openingStatus: createOpeningStatus(directory),
    vault,
    staff: createStaffServices(config, database, clock, vault, audit),
    audit,
    events,
    training,
    forums: createForumsServices({ database, clock, events, vault, problems }, lifecycle),
    conversations: createConversationsServices({ database, events, vault }, lifecycle),
    problems,
    lifecycle,
  };
}

import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { EventBus } from '../../shared/events/event-bus.ts';
import { type CampaignBoard, createCampaignBoard } from './campaign-board.ts';
import { createMailer, type Mailer } from './mailer.ts';
import { createPrivatePageCache, type PrivatePageCache } from './private-page-cache.ts';
import { createTrainingRepository, type TrainingRepository } from './repository.ts';

/** Training and events (docs/training.md). */
export interface TrainingServices {
  repo: TrainingRepository;
  campaigns: CampaignBoard;
  mailer: Mailer;
  retentionDays: number;
  /** Booked people's private pages, kept rendered for a few minutes. */
  privatePages: PrivatePageCache;
}

/** `reportProblem` is where background failures (mail, campaign refreshes) go: the app's log, from the wiring. */
export async function createTrainingServices(
  config: Config,
  database: Database,
  events: EventBus,
  reportProblem: (what: string, error: unknown) => void,
): Promise<TrainingServices> {
  const repo = createTrainingRepository(database.db, database.dialect);
  const report = (what: string) => (error: unknown) => reportProblem(what, error);
  return {
    repo,
    campaigns: await createCampaignBoard(repo, events, report('refreshing campaigns failed')),
    mailer: createMailer(config.smtpUrl, config.mailFrom, report('sending mail failed')),
    retentionDays: config.trainingRetentionDays,
    privatePages: createPrivatePageCache(),
  };
}

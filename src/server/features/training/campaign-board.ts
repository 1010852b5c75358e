import { activeCampaigns } from '../../../domain/training/campaigns.ts';
import type { EventBus } from '../../shared/events/event-bus.ts';
import type { Campaign, TrainingRepository } from './repository.ts';

export const CAMPAIGNS_CHANNEL = 'training.campaigns';
/** Another process's change is picked up at once through the event bus, and at the latest after this. */
const REFRESH_MS = 30_000;

/**
 * The campaigns the home page shows, kept in memory so the cached home page needs no query. Its version
 * (part of the home page's cache version) changes when staff change a campaign and when one starts or ends,
 * so the page is rendered again at once rather than when the page cache happens to expire.
 */
export interface CampaignBoard {
  active(now: number): Campaign[];
  version(now: number): string;
  refresh(): Promise<void>;
  /** After a change in this process: reload here and tell the others. */
  changed(): Promise<void>;
  close(): void;
}

export async function createCampaignBoard(
  repo: TrainingRepository,
  events: EventBus,
  onError: (error: unknown) => void,
): Promise<CampaignBoard> {
  let all: Campaign[] = [];
  let loaded = 0;
  const refresh = async () => {
    all = await repo.campaigns();
    loaded++;
  };
  await refresh();
  const unsubscribe = events.subscribe(CAMPAIGNS_CHANNEL, () => void refresh().catch(onError));
  const unResync = events.onResync(() => void refresh().catch(onError));
  const timer = setInterval(() => void refresh().catch(onError), REFRESH_MS);
  timer.unref();
  return {
    active: (now) => activeCampaigns(all, now),
    version: (now) =>
      `${loaded}:${activeCampaigns(all, now)
        .map((c) => c.id)
        .join(',')}`,
    refresh,
    async changed() {
      await refresh();
      await events.publish(CAMPAIGNS_CHANNEL, { at: Date.now() });
    },
    close() {
      clearInterval(timer);
      unsubscribe();
      unResync();
    },
  };
}

import { anonymiseEventsEndedBy } from '../../../domain/training/retention.ts';
import type { TrainingServices } from './services.ts';

const SWEEP_EVERY_MS = 60 * 60_000;

/** Anonymises the bookings of every event that ended more than the retention period before `now`. */
export function sweepTrainingBookings(training: Pick<TrainingServices, 'repo' | 'retentionDays'>, now: number): Promise<number> {
  return training.repo.anonymiseEndedBy(anonymiseEventsEndedBy(now, training.retentionDays), now);
}

/** Sweeps now and every hour until stopped, as the vault's abandoned-upload sweep does. */
export function startTrainingRetentionSweeper(training: TrainingServices, clock: () => number, onError: (error: unknown) => void): () => Promise<unknown> {
  let running: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    running = sweepTrainingBookings(training, clock()).catch(onError);
  };
  sweep();
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    return running;
  };
}

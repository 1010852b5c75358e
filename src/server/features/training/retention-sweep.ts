import { anonymiseEventsEndedBy } from '../../../domain/training/retention.ts';
import { startHourlyTask } from '../../setup/hourly-task.ts';
import type { TrainingServices } from './services.ts';

/** Anonymises the bookings of every event that ended more than the retention period before `now`. */
export function sweepTrainingBookings(training: Pick<TrainingServices, 'repo' | 'retentionDays'>, now: number): Promise<number> {
  return training.repo.anonymiseEndedBy(anonymiseEventsEndedBy(now, training.retentionDays), now);
}

/** Sweeps now and every hour until stopped. */
export function startTrainingRetentionSweeper(
  training: TrainingServices,
  clock: () => number,
  onError: (error: unknown) => void,
): () => Promise<unknown> {
  return startHourlyTask(() => sweepTrainingBookings(training, clock()), onError);
}

const EVERY_HOUR_MS = 60 * 60_000;

/**
 * Runs `task` now and every hour until stopped; a failed run goes to `onError` and is tried again next hour.
 * Stopping waits for a run in progress, so shutdown never closes the database under it.
 */
export function startHourlyTask(task: () => Promise<unknown>, onError: (error: unknown) => void): () => Promise<unknown> {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = task().catch(onError);
  };
  run();
  const timer = setInterval(run, EVERY_HOUR_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    return running;
  };
}

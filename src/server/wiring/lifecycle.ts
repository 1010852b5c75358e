/**
 * Every resource the service holds is opened in services.ts and recorded here, and closed here in the reverse
 * order: nothing closes while something opened after it may still use it (the database last, the event bus just
 * before it, background sweeps first). createApp ties the three phases to Fastify's onReady, preClose and onClose.
 */
export interface Lifecycle {
  /** How to close what was just opened. */
  closeWith(close: () => unknown): void;
  /** Background work to begin once the app is ready; `start` returns how to stop it, which is done first on close. */
  startWhenReady(start: () => () => unknown): void;
  /** Long-lived responses (live updates) to end before the HTTP server waits for its connections to finish. */
  endBeforeClose(end: () => unknown): void;
  start(): Promise<void>;
  beforeClose(): Promise<void>;
  /** Closes everything, each once, even if one fails; the first failure is thrown after the rest are closed. */
  close(): Promise<void>;
}

export function createLifecycle(): Lifecycle {
  const closers: Array<() => unknown> = [];
  const starters: Array<() => () => unknown> = [];
  const enders: Array<() => unknown> = [];
  const runAll = async (steps: Array<() => unknown>) => {
    let failure: { error: unknown } | undefined;
    for (const step of steps.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
  };
  return {
    closeWith: (close) => void closers.push(close),
    startWhenReady: (start) => void starters.push(start),
    endBeforeClose: (end) => void enders.push(end),
    async start() {
      for (const start of starters.splice(0)) closers.push(start());
    },
    beforeClose: () => runAll(enders),
    close: () => runAll(closers),
  };
}

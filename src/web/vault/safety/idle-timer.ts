// Auto-lock (T1): after a stretch with no input, the vault locks. Time is measured with the clock, not by
// counting timer ticks, because a backgrounded tab or a sleeping phone delays timers: when it wakes, the
// elapsed time is what counts, and an overdue lock happens at once.

export interface IdleTimerOptions {
  readonly timeoutMs: number;
  readonly onIdle: () => void;
  readonly now?: () => number;
  readonly setTimer?: (callback: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

export interface IdleTimer {
  /** Someone touched the page: start the count again. */
  activity(): void;
  /** The page became visible again, or anything else that should check without resetting. */
  check(): void;
  setTimeout(ms: number): void;
  stop(): void;
}

export function createIdleTimer(options: IdleTimerOptions): IdleTimer {
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((callback, ms) => globalThis.setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((handle) => globalThis.clearTimeout(handle as number));
  let timeoutMs = options.timeoutMs;
  let lastActivity = now();
  let handle: unknown;
  let stopped = false;

  const schedule = () => {
    if (handle !== undefined) clearTimer(handle);
    handle = undefined;
    if (stopped) return;
    const remaining = lastActivity + timeoutMs - now();
    if (remaining <= 0) {
      stopped = true;
      options.onIdle();
      return;
    }
    handle = setTimer(schedule, remaining);
  };

  schedule();
  return {
    activity() {
      if (stopped) return;
      // Overdue already (the tab slept through its timer): lock rather than let a touch undo it.
      if (now() - lastActivity >= timeoutMs) return schedule();
      lastActivity = now();
      schedule();
    },
    check: schedule,
    setTimeout(ms) {
      timeoutMs = ms;
      schedule();
    },
    stop() {
      stopped = true;
      if (handle !== undefined) clearTimer(handle);
      handle = undefined;
    },
  };
}

/** The events that count as someone using the page. */
export const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

/** Wires an idle timer to the document; returns the function that unwires it. */
export function watchActivity(timer: IdleTimer, target: Document = document): () => void {
  const onActivity = () => timer.activity();
  const onVisibility = () => timer.check();
  for (const type of ACTIVITY_EVENTS) target.addEventListener(type, onActivity, { passive: true, capture: true });
  target.addEventListener('visibilitychange', onVisibility);
  return () => {
    for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, onActivity, { capture: true });
    target.removeEventListener('visibilitychange', onVisibility);
    timer.stop();
  };
}

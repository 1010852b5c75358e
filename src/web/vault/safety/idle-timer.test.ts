import { describe, expect, it } from 'vitest';
import { createIdleTimer } from './idle-timer.ts';

/** A hand-driven clock and timer queue, so the tests can also model timers that fire late (a sleeping tab). */
function fakeTime() {
  let time = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => time,
    setTimer: (callback: () => void, ms: number) => {
      const id = nextId++;
      timers.set(id, { at: time + ms, callback });
      return id;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    /** Moves the clock on, firing due timers in order (or none, when the tab was asleep). */
    advance(ms: number, fire = true) {
      const end = time + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due || !fire) break;
        timers.delete(due[0]);
        time = due[1].at;
        due[1].callback();
      }
      time = end;
    },
  };
}

describe('idle timer', () => {
  it('locks after the timeout with no activity, once', () => {
    const clock = fakeTime();
    let locks = 0;
    createIdleTimer({ timeoutMs: 5 * 60_000, onIdle: () => locks++, ...clock });
    clock.advance(5 * 60_000 - 1);
    expect(locks).toBe(0);
    clock.advance(1);
    expect(locks).toBe(1);
    clock.advance(60 * 60_000);
    expect(locks).toBe(1);
  });

  it('starts the count again on activity', () => {
    const clock = fakeTime();
    let locks = 0;
    const timer = createIdleTimer({ timeoutMs: 1000, onIdle: () => locks++, ...clock });
    clock.advance(900);
    timer.activity();
    clock.advance(900);
    expect(locks).toBe(0);
    clock.advance(100);
    expect(locks).toBe(1);
  });

  it('locks at once when the page wakes after sleeping through its timer, even if the wake-up is a touch', () => {
    const clock = fakeTime();
    let locks = 0;
    const timer = createIdleTimer({ timeoutMs: 1000, onIdle: () => locks++, ...clock });
    clock.advance(10_000, false);
    expect(locks).toBe(0);
    timer.activity();
    expect(locks).toBe(1);
  });

  it('applies a shorter timeout straight away, and stop() prevents any lock', () => {
    const clock = fakeTime();
    let locks = 0;
    const timer = createIdleTimer({ timeoutMs: 10_000, onIdle: () => locks++, ...clock });
    clock.advance(2000);
    timer.setTimeout(1000);
    expect(locks).toBe(1);

    const other = createIdleTimer({ timeoutMs: 1000, onIdle: () => locks++, ...clock });
    other.stop();
    clock.advance(5000);
    expect(locks).toBe(1);
  });
});

/**
 * Where background work (sweeps, mail, live updates between processes) reports a failure. The wiring is built
 * before there is an app to log to, so reports wait for createApp to point this at the app's log; until then (a
 * benchmark, a test without an app) they are dropped, as nothing is listening.
 */
export interface Problems {
  report(what: string, error: unknown): void;
  sendTo(log: { error(details: { err: unknown }, message: string): void }): void;
}

export function createProblems(): Problems {
  let log: Parameters<Problems['sendTo']>[0] | undefined;
  return {
    report: (what, error) => log?.error({ err: error }, what),
    sendTo: (to) => void (log = to),
  };
}

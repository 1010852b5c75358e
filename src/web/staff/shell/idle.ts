// Warns two minutes before the server's 30-minute idle limit; "Stay signed in" touches the session. The server
// decides: this only saves someone losing what they were typing.
const WARN_BEFORE_MS = 2 * 60_000;

export function startIdleWarning(doc: Document): void {
  const box = doc.querySelector<HTMLElement>('[data-staff-idle]');
  const idleSeconds = Number(doc.body.dataset.idleTimeout);
  if (!box || !doc.querySelector('meta[name="casebook-staff-csrf"]') || !idleSeconds) return;
  let warnTimer: number | undefined;
  let endTimer: number | undefined;
  let lastTouch = 0;
  const schedule = () => {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    warnTimer = window.setTimeout(
      () => {
        box.hidden = false;
        box.querySelector<HTMLButtonElement>('[data-staff-idle-stay]')?.focus();
      },
      idleSeconds * 1000 - WARN_BEFORE_MS,
    );
    endTimer = window.setTimeout(
      () => location.assign('/staff/sign-in?next=' + encodeURIComponent(location.pathname)),
      idleSeconds * 1000 + 1000,
    );
  };
  const touch = async () => {
    box.hidden = true;
    lastTouch = Date.now();
    const response = await fetch('/api/staff/session', { credentials: 'same-origin', cache: 'no-store' }).catch(() => undefined);
    if (response?.status === 401) location.assign('/staff/sign-in');
    schedule();
  };
  box.querySelector('[data-staff-idle-stay]')?.addEventListener('click', () => void touch());
  // Activity on the page counts, at most once a minute, as the server counts it.
  for (const type of ['keydown', 'pointerdown']) {
    doc.addEventListener(
      type,
      () => {
        if (Date.now() - lastTouch > 60_000) void touch();
      },
      { passive: true },
    );
  }
  lastTouch = Date.now();
  schedule();
}

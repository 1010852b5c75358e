// The 'talk' bundle, loaded only on /talk/helpline. Keys and messages live only in this page's memory: nothing is
// written to storage, and leaving the page, Exit this page, "Leave and lock" or 15 idle minutes wipe them (T1).
import { render } from 'preact';
import { EXIT_EVENT } from '../components/exit-this-page/exit-this-page.ts';
import { configureKdfWorker } from '../vault/kdf/derive.ts';
import { createIdleTimer } from '../vault/safety/idle-timer.ts';
import { TalkApp } from './app.tsx';
import { closeDiary } from './diary-link.ts';
import type { OpenConversation } from './session.ts';
import { pageLanguage } from './words.ts';

export const IDLE_LOCK_MS = 15 * 60_000;

const root = document.getElementById('talk-app');
if (root) start(root);

function start(container: HTMLElement): void {
  configureKdfWorker(container.dataset.kdfWorker);
  container.querySelector('[data-talk-no-js]')?.remove();
  let current: OpenConversation | undefined;
  let generation = 0;
  const mount = () =>
    render(
      <TalkApp
        key={generation}
        onOpen={(open) => {
          // "Leave and lock" (open undefined) also ends a diary session opened here.
          if (!open) closeDiary(false);
          current?.wipe();
          current = open;
        }}
      />,
      container,
    );
  mount();

  const lock = (leaving = false) => {
    closeDiary(leaving);
    current?.wipe();
    current = undefined;
    generation += 1;
    render(null, container);
    container.replaceChildren();
  };
  const idle = createIdleTimer({
    timeoutMs: IDLE_LOCK_MS,
    onIdle: () => {
      if (current) {
        lock();
        mount();
      }
    },
  });
  for (const type of ['pointerdown', 'keydown']) document.addEventListener(type, () => idle.activity(), { passive: true });
  document.addEventListener('visibilitychange', () => idle.check());

  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    idle.stop();
    lock(true);
  };
  document.addEventListener(EXIT_EVENT, leave);
  window.addEventListener('pagehide', leave);
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && left) window.location.reload();
  });
  keepReplyHoursCurrent();
}

/** The "are you answering now" line changes at opening and closing time; a page left open follows it. */
function keepReplyHoursCurrent(): void {
  const line = document.querySelector<HTMLElement>('[data-talk-hours-now]');
  if (!line) return;
  const refresh = async () => {
    try {
      // In the page's language, which only the address chose (/cy/talk/helpline).
      const response = await fetch(`/api/talk/reply-hours${pageLanguage() === 'cy' ? '?lang=cy' : ''}`, {
        cache: 'no-store',
        credentials: 'omit',
      });
      if (response.ok) line.textContent = ((await response.json()) as { now: string }).now;
    } catch {
      // Offline for a moment: the line stays as it was and the next minute tries again.
    }
  };
  setInterval(() => void refresh(), 60_000);
}

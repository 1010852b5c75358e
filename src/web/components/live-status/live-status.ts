// Keeps every "open now" line current: at each minute boundary, asks the server what the lines should say
// and updates them in place. Elements carry data-live-status="<service id>".
import type { OpeningStatusResponse } from '../../../contracts/opening-status.ts';

const OPEN = 'casebook-status--open';
const CLOSED = 'casebook-status--closed';

export function startLiveStatus(root: ParentNode = document): void {
  const elements = [...root.querySelectorAll<HTMLElement>('[data-live-status]')];
  if (elements.length === 0) return;

  const refresh = async () => {
    if (document.visibilityState !== 'visible') return;
    try {
      // A Welsh page asks for the Welsh sentences; the language comes from the page, never from storage (T1).
      const url = document.documentElement.lang === 'cy' ? '/api/opening-status?lang=cy' : '/api/opening-status';
      const response = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
      if (!response.ok) return;
      const { statuses } = (await response.json()) as OpeningStatusResponse;
      for (const element of elements) {
        const status = statuses[element.dataset.liveStatus ?? ''];
        if (!status || element.textContent === status.sentence) continue;
        element.textContent = status.sentence;
        element.classList.toggle(OPEN, status.open);
        element.classList.toggle(CLOSED, !status.open);
      }
    } catch {
      // Offline: the line keeps what the server last said.
    }
  };

  const scheduleNext = () => {
    const msToNextMinute = 60_000 - (Date.now() % 60_000) + 250;
    window.setTimeout(() => {
      void refresh().finally(scheduleNext);
    }, msToNextMinute);
  };
  document.addEventListener('visibilitychange', () => void refresh());
  scheduleNext();
}

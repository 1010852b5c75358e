// The 'verify' bundle, loaded only on /verify: checks an evidence pack in this browser. The files are read
// with File.arrayBuffer() and never sent anywhere; the form has no action and its submit is cancelled.
// The verifier itself (with the diary's rules, for the summary check) is a separate chunk, fetched as soon as
// the page starts so that the form is usable at once and the check still works if the connection drops.
import { render } from 'preact';
import { EXIT_EVENT } from '../components/exit-this-page/exit-this-page.ts';
import type { Limits, PackOutcome } from './check-pack.ts';
import type { PdfCheck } from './pdf-pack-id.ts';
import { checkPdf } from './pdf-pack-id.ts';
import { Results } from './results.tsx';
import { readWordsFrom, t } from './wording.ts';

/** The checker chunk: fetched at start; fetched again on use if that first attempt failed. */
let checker: Promise<typeof import('./check-pack.ts')> | undefined;
const loadChecker = () =>
  (checker ??= import('./check-pack.ts').catch((error: unknown) => {
    checker = undefined;
    throw error;
  }));

function start(container: HTMLElement): void {
  readWordsFrom(container);
  void loadChecker().catch(() => undefined);
  const form = container.querySelector<HTMLFormElement>('[data-verify-form]')!;
  const packInput = container.querySelector<HTMLInputElement>('[data-verify-input="pack"]')!;
  const pdfInput = container.querySelector<HTMLInputElement>('[data-verify-input="pdf"]')!;
  const status = container.querySelector<HTMLElement>('[data-verify-status]')!;
  const results = container.querySelector<HTMLElement>('[data-verify-results]')!;
  // Read at each check: the server sets them in the page (VERIFY_LIMITS), and tests lower them there.
  const limits = (): Limits => ({ maxZipBytes: Number(container.dataset.maxZipBytes), maxPdfBytes: Number(container.dataset.maxPdfBytes) });
  for (const zone of container.querySelectorAll<HTMLElement>('[data-verify-drop-zone]')) acceptDrops(zone);
  form.addEventListener('submit', (event) => event.preventDefault());

  let outcome: PackOutcome | undefined;
  let pdf: PdfCheck | 'checking' | undefined;
  let runId = 0;
  // A newer choice of file wins over a check still running for an older one.
  let packRun = 0;
  let pdfRun = 0;

  const show = () => {
    if (outcome) render(<Results outcome={outcome} pdf={pdf} runId={runId} />, results);
    else render(null, results);
  };
  const setStatus = (text: string) => {
    status.textContent = text;
  };

  const checkChosenPdf = async () => {
    const file = pdfInput.files?.[0];
    const run = ++pdfRun;
    if (!file || outcome?.kind !== 'report') {
      pdf = undefined;
      return;
    }
    pdf = 'checking';
    show();
    const result = await checkPdf(file, outcome.report.packSha256, limits().maxPdfBytes);
    if (run === pdfRun) pdf = result;
  };

  packInput.addEventListener('change', async () => {
    const file = packInput.files?.[0];
    const run = ++packRun;
    outcome = undefined;
    pdf = undefined;
    show();
    if (!file) return setStatus('');
    let checkPack;
    try {
      ({ checkPack } = await loadChecker());
    } catch {
      return setStatus(t('loadFailed'));
    }
    try {
      const checked = await checkPack(file, limits(), (text) => run === packRun && setStatus(text));
      if (run !== packRun) return;
      outcome = checked;
      await checkChosenPdf();
      if (run !== packRun) return;
      runId++;
      setStatus('');
      show();
    } catch (error) {
      if (run !== packRun) return;
      setStatus(t('checkFailed'));
      throw error;
    }
  });

  pdfInput.addEventListener('change', async () => {
    if (outcome?.kind !== 'report') {
      if (pdfInput.files?.[0]) setStatus(t('choosePackToo'));
      return;
    }
    await checkChosenPdf();
    show();
  });

  // Leaving in a hurry: take the results off the screen before the page goes into the back-forward cache.
  const wipe = () => {
    outcome = undefined;
    pdf = undefined;
    render(null, results);
    form.reset();
  };
  document.addEventListener(EXIT_EVENT, wipe);
  window.addEventListener('pagehide', wipe);
}

/**
 * The zone around a file input also takes a dropped file. The input stays an ordinary, visible file input, so
 * keyboards, screen readers and browsers without drag and drop use it as it is.
 */
function acceptDrops(zone: HTMLElement): void {
  const input = zone.querySelector<HTMLInputElement>('input[type="file"]')!;
  let depth = 0;
  const setActive = (active: boolean) => zone.classList.toggle('casebook-verify__drop-zone--active', active);
  zone.addEventListener('dragenter', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    depth++;
    setActive(true);
  });
  zone.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  zone.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) setActive(false);
  });
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    setActive(false);
    const files = event.dataTransfer?.files;
    if (!files || files.length === 0) return;
    // One file per box: the first of several dropped.
    const one = new DataTransfer();
    one.items.add(files[0]!);
    input.files = one.files;
    input.dispatchEvent(new Event('change'));
  });
}

const root = document.querySelector<HTMLElement>('[data-verify]');
if (root) start(root);

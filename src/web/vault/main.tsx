// The 'vault' bundle, loaded only on /diary. Keys and plaintext live only in this page's memory: nothing is
// written to localStorage, sessionStorage, IndexedDB or the Cache API, and leaving the page wipes it (T1).
import { render } from 'preact';
import { EXIT_EVENT } from '../components/exit-this-page/exit-this-page.ts';
import { signOut } from './account/manage-account.ts';
import { ApiClient } from './api/client.ts';
import { VaultApp } from './app.tsx';
import { configureImportWorker } from './import/worker-url.ts';
import { configureKdfWorker } from './kdf/derive.ts';

const root = document.getElementById('vault-app');
if (root) start(root);

function start(container: HTMLElement): void {
  configureKdfWorker(container.dataset.kdfWorker);
  configureImportWorker(container.dataset.importWorker);
  container.querySelector('[data-vault-no-js]')?.remove();
  const api = new ApiClient();
  render(<VaultApp api={api} />, container);

  let wiped = false;
  /**
   * Synchronous on purpose: Exit this page navigates away straight after its event, and pagehide may be the
   * last chance before the page goes into the back-forward cache. Unmounting drops every reference to the keys
   * and plaintext; emptying the container removes anything left in the DOM.
   */
  const wipe = () => {
    if (wiped) return;
    wiped = true;
    if (api.signedIn) void signOut(api, true);
    render(null, container);
    container.replaceChildren();
  };
  document.addEventListener(EXIT_EVENT, wipe);
  window.addEventListener('pagehide', wipe);
  // Restored from the back-forward cache after a wipe: start again, locked, rather than show an empty page.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && wiped) window.location.reload();
  });
}

// The 'staff-queue' bundle, loaded only on /staff/queue. The team keys it unlocks live in this page's memory only.
import { render } from 'preact';
import { QueueApp } from './queue-app.tsx';

const root = document.getElementById('queue-app');
if (root) {
  root.replaceChildren();
  render(<QueueApp />, root);
  window.addEventListener('pagehide', () => render(null, root));
}

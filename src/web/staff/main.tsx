// The staff workspace's shell: idle warning, and the screens that need keys or WebAuthn (docs/staff.md).

import { mountScreens } from './screens/mount.tsx';
import { startIdleWarning } from './shell/idle.ts';

startIdleWarning(document);
mountScreens(document);

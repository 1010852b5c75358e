// The staff workspace's shell: idle warning, and the screens that need keys or WebAuthn (docs/staff.md).
import { startIdleWarning } from './shell/idle.ts';
import { mountScreens } from './screens/mount.tsx';

startIdleWarning(document);
mountScreens(document);

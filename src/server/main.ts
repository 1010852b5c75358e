// The process entry point. Node's on-disk compile cache (a third off start-up time on these machines) must be
// switched on before the rest of the server is imported, hence the dynamic import.
import module from 'node:module';

module.enableCompileCache?.();
await import('./start.ts');

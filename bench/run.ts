// npm run bench [-- name …]: runs the named benchmarks (all by default), each writing its section of
// docs/performance.md. Run `npm run build` first (npm run bench does).
const benches: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  guidance: () => import('./guidance.ts'),
  directory: () => import('./directory.ts'),
  'evidence-pack': () => import('./evidence-pack.ts'),
  'evidence-pdf': () => import('./evidence-pdf.ts'),
  'evidence-pack-browser': () => import('./evidence-pack-browser.ts'),
  vault: () => import('./vault.ts'),
  'vault-browser': () => import('./vault-browser.ts'),
  'verify-browser': () => import('./verify-browser.ts'),
  diary: () => import('./diary.ts'),
  forums: () => import('./forums.ts'),
  messaging: () => import('./messaging.ts'),
  welsh: () => import('./welsh.ts'),
  national: () => import('./national.ts'),
  training: () => import('./training.ts'),
  'message-import': () => import('./message-import.ts'),
  'dynamic-pages': () => import('./dynamic-pages.ts'),
};

const wanted = process.argv.slice(2);
for (const name of wanted.length ? wanted : Object.keys(benches)) {
  const bench = benches[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}"; choose from: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n▶ ${name}`);
  await (await bench()).run();
}

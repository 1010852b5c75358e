// The evidence pack screen (issue 7), loaded on demand so pdf-lib and the pack builder stay out of the vault's
// main bundle. The diary mounts it with a dynamic import:
//
//   const { EvidencePackScreen } = await import('./evidence-pack/index.ts');
//   <EvidencePackScreen vault={vault} onDone={() => backToDiary()} />
//
// Everything it makes lives in this page's memory only; the person downloads the ZIP and the PDF themselves.

export type { EvidencePackScreenProps } from './screen.tsx';
export { EvidencePackScreen } from './screen.tsx';

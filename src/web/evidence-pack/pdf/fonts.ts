// Browser only: the PDF's fonts, fetched same-origin when the first pack is made (never from a third party).
// esbuild's file loader (scripts/build-assets.ts) copies each .ttf into dist/public/assets under a content-hashed
// name and turns these imports into its URL, so the files can be cached for a year and the CSP's 'self' allows them.

import regular from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf';
import bold from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf';
import type { EvidencePdfFonts } from './types.ts';

let loading: Promise<EvidencePdfFonts> | undefined;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`The PDF's font could not be loaded (HTTP ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The fonts, fetched once per page; a failed fetch is tried again next time. */
export function loadEvidencePdfFonts(): Promise<EvidencePdfFonts> {
  loading ??= Promise.all([fetchBytes(regular), fetchBytes(bold)]).then(
    ([r, b]) => ({ regular: r, bold: b }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AssetManifest {
  /** The fingerprinted URL of a built asset, e.g. asset('casebook.css') → /assets/casebook-1a2b3c.css */
  url(name: string): string;
  readonly dir: string;
}

export function loadAssetManifest(publicDir: string): AssetManifest {
  let manifest: Record<string, string>;
  try {
    manifest = JSON.parse(readFileSync(join(publicDir, 'manifest.json'), 'utf8')) as Record<string, string>;
  } catch {
    throw new Error(`Casebook cannot start: the browser assets are not built (${publicDir}/manifest.json is missing). Run: npm run build`);
  }
  return {
    dir: join(publicDir, 'assets'),
    url(name) {
      const url = manifest[name];
      if (!url) throw new Error(`unknown asset: ${name}`);
      return url;
    },
  };
}

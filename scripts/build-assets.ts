// Builds the browser assets into dist/public: Sass → CSS, TypeScript → bundled JS, images copied. Every file
// name carries a content hash (so it can be cached for a year) and is pre-compressed with Brotli and gzip.
// dist/public/manifest.json maps logical names ("casebook.css") to their fingerprinted URLs.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import * as sass from 'sass';
import { yamlCatalogues } from './yaml-catalogues.ts';

const root = new URL('..', import.meta.url).pathname;
const outDir = join(root, 'dist/public/assets');
const manifest: Record<string, string> = {};

/** Browser entry points: one small bundle per job, so a page loads only what it uses. */
const scriptEntries: Record<string, string> = {
  casebook: 'src/web/main.ts',
  'risk-screen': 'src/web/components/risk-screen/risk-screen.ts',
  vault: 'src/web/vault/main.tsx',
  'vault-worker': 'src/web/vault/kdf/kdf-worker.ts',
  'message-import-worker': 'src/web/vault/import/import-worker.ts',
  verify: 'src/web/verify/main.tsx',
  talk: 'src/web/talk/main.tsx',
  'staff-queue': 'src/web/staff/queue/main.tsx',
  staff: 'src/web/staff/main.tsx',
  forums: 'src/web/forums/main.ts',
};

async function emit(logicalName: string, contents: Uint8Array | string): Promise<void> {
  const bytes = typeof contents === 'string' ? Buffer.from(contents) : Buffer.from(contents);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const ext = extname(logicalName);
  const fileName = `${basename(logicalName, ext)}-${hash}${ext}`;
  await writeFile(join(outDir, fileName), bytes);
  if (/\.(css|js|svg|json|map)$/.test(ext)) {
    await writeFile(join(outDir, `${fileName}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    await writeFile(join(outDir, `${fileName}.gz`), gzipSync(bytes, { level: 9 }));
  }
  manifest[logicalName] = `/assets/${fileName}`;
}

async function buildStyles(): Promise<void> {
  const result = sass.compile(join(root, 'src/web/styles/casebook.scss'), {
    style: 'compressed',
    quietDeps: true,
    importers: [new sass.NodePackageImporter(root)],
  });
  await emit('casebook.css', result.css);
}

async function buildScripts(): Promise<void> {
  for (const [name, entry] of Object.entries(scriptEntries)) {
    const result = await esbuild.build({
      entryPoints: { [name]: join(root, entry) },
      bundle: true,
      minify: true,
      format: 'esm',
      target: ['es2022'],
      platform: 'browser',
      write: false,
      legalComments: 'none',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      // Dynamic import() becomes a separate chunk loaded on demand (the passphrase estimator's dictionaries),
      // so an entry stays small. Chunk names carry esbuild's content hash, so the entry's relative imports
      // of them stay valid after the entry itself is renamed with its hash below.
      splitting: true,
      outdir: outDir,
      entryNames: '[name]',
      chunkNames: '[name]-[hash]',
      // The browser bundle must never pull in server code or Node built-ins.
      external: [],
      // A font imported by browser code (the evidence pack PDF's) becomes its own content-hashed file in
      // /assets and the import its URL, fetched same-origin only when needed.
      loader: { '.ttf': 'file' },
      plugins: [yamlCatalogues],
      assetNames: '[name]-[hash]',
      publicPath: '/assets/',
      logLevel: 'warning',
    });
    const entryFile = result.outputFiles.find((file) => basename(file.path) === `${name}.js`);
    if (!entryFile) throw new Error(`esbuild produced nothing for ${entry}`);
    for (const file of result.outputFiles) {
      if (file !== entryFile) await emitChunk(basename(file.path), file.contents);
    }
    await emit(`${name}.js`, entryFile.contents);
  }
}

/** A code-split chunk: already named with its content hash by esbuild, and found by relative import, not the manifest. */
async function emitChunk(fileName: string, bytes: Uint8Array): Promise<void> {
  await writeFile(join(outDir, fileName), bytes);
  await writeFile(join(outDir, `${fileName}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  await writeFile(join(outDir, `${fileName}.gz`), gzipSync(bytes, { level: 9 }));
}

async function copyImages(): Promise<void> {
  const dir = join(root, 'src/web/images');
  for (const name of await readdir(dir)) {
    await emit(name, await readFile(join(dir, name)));
  }
}

await rm(join(root, 'dist/public'), { recursive: true, force: true });
await mkdir(outDir, { recursive: true });
await Promise.all([buildStyles(), buildScripts(), copyImages()]);
await writeFile(join(root, 'dist/public/manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`assets built: ${Object.keys(manifest).length} files → dist/public`);

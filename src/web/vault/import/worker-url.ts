// Where the import worker's bundle is, set once at start-up from the page (which names the fingerprinted file).
// Its own module, so the diary's main bundle does not pull in the parsers to learn a URL.
let workerUrl: string | undefined;

export function configureImportWorker(url: string | undefined): void {
  workerUrl = url;
}

export function importWorkerUrl(): string | undefined {
  return workerUrl;
}

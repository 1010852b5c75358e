// The directory's contract for other features: the loaded list of services.
export type { DirectoryStore } from './directory-store.ts';

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseServiceEntry, type ServiceEntry } from '../../../domain/directory/schema.ts';

export interface DirectoryStore {
  entries: readonly ServiceEntry[];
  get(id: string): ServiceEntry | undefined;
}

/** Reads every service file once at start-up; a bad file stops start-up naming the file and the field. */
export function loadDirectory(dir: string): DirectoryStore {
  const entries = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => parseServiceEntry(parse(readFileSync(join(dir, name), 'utf8')), name))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const byId = new Map(entries.map((e) => [e.id, e]));
  return { entries, get: (id) => byId.get(id) };
}

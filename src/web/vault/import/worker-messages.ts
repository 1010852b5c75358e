// What the page and the import worker say to each other. The file goes over as a File (the worker reads it), and
// the records come back with their duplicate keys; nothing here is stored anywhere.
import type { ImportFormat, ParsedExport } from '../../../domain/message-import/index.ts';

export interface ParseRequest {
  readonly file: File;
  readonly format?: ImportFormat;
}

export type ParseResponse =
  | { readonly type: 'progress'; readonly fraction: number }
  | { readonly type: 'done'; readonly parsed: ParsedExport; readonly keys: readonly string[]; readonly sha256: string }
  | { readonly type: 'failed'; readonly message: string };

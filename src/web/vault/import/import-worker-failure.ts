// The one sentence a person sees when a file cannot be read: the parser's own (it names the problem), or a plain
// fallback that never shows a stack trace.
import { ImportError } from '../../../domain/message-import/index.ts';

export function failureMessage(error: unknown): string {
  if (error instanceof ImportError) return error.message;
  if (error instanceof RangeError) return 'This file is too large for this device to read. Export a shorter date range and try again.';
  return 'This file could not be read. It may be damaged, or not an export Casebook knows. Nothing was added to your record.';
}

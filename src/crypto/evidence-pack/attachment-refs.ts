import { isSha256Hex } from './format.ts';

// How an entry's content names its files: diary incidents list objects { id, name, type, size, sha256 }; the
// vault's first notes list { id, name, type, size }, and a bare id string is read too. An object that also carries `sha256` binds the file's exact bytes into the
// entry's commitment, and so under its receipt's time; an id alone binds only the name of a file.

export interface AttachmentRef {
  readonly id: string;
  readonly sha256?: string;
  readonly name?: string;
  readonly size?: number;
}

export function attachmentRefsOf(content: unknown): AttachmentRef[] {
  if (typeof content !== 'object' || content === null) return [];
  const list = (content as { attachments?: unknown }).attachments;
  if (!Array.isArray(list)) return [];
  const refs: AttachmentRef[] = [];
  for (const item of list) {
    if (typeof item === 'string') {
      refs.push({ id: item });
    } else if (typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string') {
      const { id, sha256, name, size } = item as { id: string; sha256?: unknown; name?: unknown; size?: unknown };
      refs.push({
        id,
        ...(typeof sha256 === 'string' ? { sha256: sha256.toLowerCase() } : {}),
        ...(typeof name === 'string' ? { name } : {}),
        ...(typeof size === 'number' ? { size } : {}),
      });
    }
  }
  return refs;
}

/** True when the ref names a SHA-256 in the one form the format accepts. */
export function namesHash(ref: AttachmentRef): ref is AttachmentRef & { sha256: string } {
  return ref.sha256 !== undefined && isSha256Hex(ref.sha256);
}

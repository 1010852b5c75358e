// The SHA-256 of a file's original bytes, computed on this device before the file is encrypted. An entry that
// names a file by this hash commits to the file's exact contents, so its receipt dates the photo too.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** Lower-case hex. Reads the file as a stream, so a large video is never held whole in memory. */
export async function sha256OfFile(file: Blob): Promise<string> {
  const hash = sha256.create();
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
  }
  return bytesToHex(hash.digest());
}

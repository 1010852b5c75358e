/**
 * Thrown whenever authenticated decryption fails. WebCrypto's own OperationError says nothing useful,
 * and the causes (wrong key, altered bytes, a ciphertext replayed under another id) are deliberately
 * indistinguishable to the code, so the message lists them for the person reading the log.
 */
export class DecryptionError extends Error {
  override readonly name = 'DecryptionError';
}

/** An attachment's chunk stream was altered: a chunk changed, reordered, dropped, added or cut off. */
export class ChunkIntegrityError extends Error {
  override readonly name = 'ChunkIntegrityError';
  readonly chunkIndex: number;

  constructor(message: string, chunkIndex: number) {
    super(message);
    this.chunkIndex = chunkIndex;
  }
}

import type { Receipt } from '../../../crypto/index.ts';
import { base64urlDecode, base64urlEncode, importPublicKey, leafHash, verifyReceipt } from '../../../crypto/index.ts';
import type { LogDescription } from '../api/types.ts';

/**
 * Checks a receipt here in the browser rather than trusting the server's word (T6): the log's signature must
 * verify with a published key, and the signed leaf must be this version's commitment, recomputed from the
 * decrypted content and its salt. The log's keys are fetched once per open vault.
 */
export class ReceiptChecker {
  #keys: Promise<Map<string, CryptoKey>> | undefined;

  async check(receipt: Receipt, commitment: Uint8Array): Promise<boolean> {
    try {
      const key = (await this.#loadKeys()).get(receipt.logId);
      if (!key) return false;
      if (receipt.leafHash !== base64urlEncode(await leafHash(commitment))) return false;
      return await verifyReceipt(receipt, key);
    } catch {
      return false;
    }
  }

  #loadKeys(): Promise<Map<string, CryptoKey>> {
    this.#keys ??= (async () => {
      const response = await fetch('/.well-known/casebook-log.json', { cache: 'no-store', credentials: 'omit' });
      if (!response.ok) throw new Error(`log description: ${response.status}`);
      const description = (await response.json()) as LogDescription;
      const keys = new Map<string, CryptoKey>();
      for (const entry of [{ logId: description.logId, publicKey: description.publicKey }, ...(description.keys ?? [])]) {
        if (!keys.has(entry.logId)) keys.set(entry.logId, await importPublicKey(base64urlDecode(entry.publicKey)));
      }
      return keys;
    })();
    // A failed fetch is retried next time rather than remembered.
    this.#keys.catch(() => (this.#keys = undefined));
    return this.#keys;
  }
}

import type { Bytes } from './encoding.ts';
import { base64urlDecode, base64urlEncode, concatBytes, constantTimeEqual, toBytes, utf8Encode } from './encoding.ts';
import { uint64be } from './framing.ts';

// Ed25519 (RFC 8032) through WebCrypto, and the two statements the receipts log signs (T6).
//
// Signed bytes are fixed-width binary, never JSON, so there is exactly one encoding to sign and to
// check, and a verifier in any language can rebuild it from this comment:
//
//   receipt   = "casebook-receipt-v1\n"   || logId (32) || uint64be(leafIndex) || leafHash (32) || uint64be(timestamp)
//   tree head = "casebook-tree-head-v1\n" || logId (32) || uint64be(treeSize)  || rootHash (32) || uint64be(timestamp)
//
// The ASCII prefixes are domain separation: a signature on a receipt can never be presented as one on
// a tree head, or on anything else the same key might sign. Timestamps are milliseconds since the Unix
// epoch (UTC). logId = SHA-256(raw 32-byte public key), so a receipt names the key that must verify it.

const RECEIPT_PREFIX = 'casebook-receipt-v1\n';
const TREE_HEAD_PREFIX = 'casebook-tree-head-v1\n';
const ED25519 = { name: 'Ed25519' } as const;
const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;

export interface Receipt {
  readonly v: 1;
  /** base64url SHA-256 of the log's public key */
  readonly logId: string;
  readonly leafIndex: number;
  /** base64url RFC 6962 leaf hash */
  readonly leafHash: string;
  /** ms since the Unix epoch */
  readonly timestamp: number;
  /** base64url Ed25519 signature */
  readonly signature: string;
}

export interface SignedTreeHead {
  readonly v: 1;
  readonly logId: string;
  readonly treeSize: number;
  /** base64url */
  readonly rootHash: string;
  readonly timestamp: number;
  readonly signature: string;
}

/** The log's signing identity: its private key and the id derived from its public key. */
export interface LogSigner {
  readonly privateKey: CryptoKey;
  readonly logId: string;
}

/** Extractable so the server can store the private key (pkcs8) in its secret store. */
export function generateSigningKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ED25519, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

export async function exportPublicKey(publicKey: CryptoKey): Promise<string> {
  return base64urlEncode(new Uint8Array(await crypto.subtle.exportKey('raw', publicKey)));
}

export async function importPublicKey(publicKey: string | Uint8Array): Promise<CryptoKey> {
  const raw = typeof publicKey === 'string' ? base64urlDecode(publicKey) : toBytes(publicKey);
  if (raw.length !== PUBLIC_KEY_BYTES) throw new TypeError(`An Ed25519 public key is ${PUBLIC_KEY_BYTES} bytes`);
  return crypto.subtle.importKey('raw', raw, ED25519, true, ['verify']);
}

export async function exportPrivateKey(privateKey: CryptoKey): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey));
}

/** Non-extractable by default: a running server only needs to sign with it. */
export async function importPrivateKey(pkcs8: Uint8Array, extractable = false): Promise<CryptoKey> {
  return crypto.subtle.importKey('pkcs8', toBytes(pkcs8), ED25519, extractable, ['sign']);
}

export async function sign(privateKey: CryptoKey, data: Uint8Array): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.sign(ED25519, privateKey, toBytes(data)));
}

export async function verify(publicKey: CryptoKey, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (signature.length !== SIGNATURE_BYTES) return false;
  return crypto.subtle.verify(ED25519, publicKey, toBytes(signature), toBytes(data));
}

// A key's id never changes, and verifying a pack asks for it once per receipt (1,200 times for 1,000 entries):
// two WebCrypto round trips each, which in a browser cost more than the signature check itself.
const logIds = new WeakMap<CryptoKey, Promise<string>>();

export function logIdOf(publicKey: CryptoKey): Promise<string> {
  let id = logIds.get(publicKey);
  if (!id) {
    id = computeLogId(publicKey);
    logIds.set(publicKey, id);
    id.catch(() => logIds.delete(publicKey));
  }
  return id;
}

async function computeLogId(publicKey: CryptoKey): Promise<string> {
  const raw = await crypto.subtle.exportKey('raw', publicKey);
  return base64urlEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', raw)));
}

export async function createLogSigner(keyPair: { readonly privateKey: CryptoKey; readonly publicKey: CryptoKey }): Promise<LogSigner> {
  return { privateKey: keyPair.privateKey, logId: await logIdOf(keyPair.publicKey) };
}

export function receiptSignedBytes(fields: Omit<Receipt, 'v' | 'signature'>): Bytes {
  return concatBytes(
    utf8Encode(RECEIPT_PREFIX),
    hash32(fields.logId, 'logId'),
    uint64be(fields.leafIndex),
    hash32(fields.leafHash, 'leafHash'),
    uint64be(fields.timestamp),
  );
}

export function treeHeadSignedBytes(fields: Omit<SignedTreeHead, 'v' | 'signature'>): Bytes {
  return concatBytes(
    utf8Encode(TREE_HEAD_PREFIX),
    hash32(fields.logId, 'logId'),
    uint64be(fields.treeSize),
    hash32(fields.rootHash, 'rootHash'),
    uint64be(fields.timestamp),
  );
}

export async function signReceipt(
  signer: LogSigner,
  fields: { readonly leafIndex: number; readonly leafHash: Uint8Array; readonly timestamp: number },
): Promise<Receipt> {
  const unsigned = {
    logId: signer.logId,
    leafIndex: fields.leafIndex,
    leafHash: base64urlEncode(fields.leafHash),
    timestamp: fields.timestamp,
  };
  const signature = await sign(signer.privateKey, receiptSignedBytes(unsigned));
  return { v: 1, ...unsigned, signature: base64urlEncode(signature) };
}

export async function signTreeHead(
  signer: LogSigner,
  fields: { readonly treeSize: number; readonly rootHash: Uint8Array; readonly timestamp: number },
): Promise<SignedTreeHead> {
  const unsigned = {
    logId: signer.logId,
    treeSize: fields.treeSize,
    rootHash: base64urlEncode(fields.rootHash),
    timestamp: fields.timestamp,
  };
  const signature = await sign(signer.privateKey, treeHeadSignedBytes(unsigned));
  return { v: 1, ...unsigned, signature: base64urlEncode(signature) };
}

/** False for any receipt that is malformed, names another log, or whose signature does not verify. */
export async function verifyReceipt(receipt: Receipt, publicKey: CryptoKey): Promise<boolean> {
  return verifyStatement(receipt, publicKey, () => receiptSignedBytes(receipt));
}

export async function verifyTreeHead(treeHead: SignedTreeHead, publicKey: CryptoKey): Promise<boolean> {
  return verifyStatement(treeHead, publicKey, () => treeHeadSignedBytes(treeHead));
}

async function verifyStatement(
  statement: { readonly v: unknown; readonly logId: string; readonly signature: string },
  publicKey: CryptoKey,
  signedBytes: () => Bytes,
): Promise<boolean> {
  try {
    if (statement.v !== 1) return false;
    if (!constantTimeEqual(base64urlDecode(statement.logId), base64urlDecode(await logIdOf(publicKey)))) return false;
    return await verify(publicKey, signedBytes(), base64urlDecode(statement.signature));
  } catch {
    // Malformed base64url, a wrong-length hash or an out-of-range integer: not a valid statement.
    return false;
  }
}

function hash32(value: string, name: string): Bytes {
  const bytes = base64urlDecode(value);
  if (bytes.length !== 32) throw new TypeError(`${name} must be 32 bytes`);
  return bytes;
}

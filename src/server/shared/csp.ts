import { CONTENT_SECURITY_POLICY } from '../setup/security-headers.ts';

/**
 * The site-wide policy plus 'wasm-unsafe-eval', which lets the page compile WebAssembly (Argon2id in hash-wasm)
 * and nothing more: no eval of JavaScript. Only pages that derive keys carry it: the diary, the helpline chat
 * and the staff workspace.
 */
export const VAULT_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(/script-src 'self'/, "script-src 'self' 'wasm-unsafe-eval'");

/** The Argon2id worker served with the vault's policy (a dedicated worker takes its policy from its own response). */
export const KDF_WORKER_PATH = '/diary/kdf-worker.js';

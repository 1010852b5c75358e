import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Pseudonymizer } from '../../../shared/server-secret.ts';

// TOTP (RFC 6238): SHA-1, 6 digits, 30 s — what every authenticator app accepts. One step either side is
// allowed for clock drift; a code's step can be used only once (replay). The secret is sealed at rest with a
// key derived from the server secret, so a database dump alone does not hand over second factors.

export const TOTP_ISSUER = 'Casebook workspace';

export function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

/** The time step a code matches (±1 step), or undefined. */
export function matchTotp(secretBase32: string, code: string, now: number): number | undefined {
  const clean = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(clean)) return undefined;
  const delta = totpFor(secretBase32, 'x').validate({ token: clean, timestamp: now, window: 1 });
  return delta === null ? undefined : Math.floor(now / 30_000) + delta;
}

export function createTotpSealer(pseudonyms: Pseudonymizer) {
  const key = pseudonyms.bytes('staff-totp-seal', 'v1', 32);
  return {
    seal(secretBase32: string): string {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const body = Buffer.concat([cipher.update(secretBase32, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `v1.${Buffer.concat([nonce, body]).toString('base64url')}`;
    },
    open(sealed: string): string {
      const bytes = Buffer.from(sealed.slice(3), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(bytes.length - 16));
      return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
    },
    /**
     * The TOTP secret offered while a set-up code is live: derived from the code's hash, so the page can be
     * reloaded during enrolment without storing an unconfirmed secret anywhere.
     */
    setupSecret(codeHash: string): string {
      return new Secret({ buffer: new Uint8Array(pseudonyms.bytes('staff-totp-setup', codeHash, 20)).buffer }).base32;
    },
  };
}

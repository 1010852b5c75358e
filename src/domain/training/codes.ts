/**
 * Booking references and certificate codes. Both use the 30 letters and digits that cannot be mistaken for
 * each other when read aloud or typed from paper (no 0/O, 1/I/L, U), so people can quote them on the phone.
 * A reference identifies a booking to the helpline and grants nothing; a certificate code proves a certificate
 * is genuine, so it must be unguessable: 16 characters, about 78 bits.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

function encode(bytes: Uint8Array, length: number): string {
  if (bytes.length < length) throw new Error(`need ${length} random bytes`);
  let out = '';
  // 256 is not a multiple of the alphabet's size; the bias of one byte per character is under 1 part in 8 and
  // costs well under a bit of the code’s strength (log2 30 ≈ 4.9 bits a character).
  for (let i = 0; i < length; i++) out += CODE_ALPHABET[bytes[i]! % CODE_ALPHABET.length];
  return out;
}

const group = (s: string) => s.match(/.{4}/g)!.join('-');

export const REFERENCE_PATTERN = /^TR-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/;
export const CERTIFICATE_PATTERN = /^CB-(?:[2-9A-HJKMNP-TV-Z]{4}-){3}[2-9A-HJKMNP-TV-Z]{4}$/;

/** `TR-XXXX-XXXX` from 8 random bytes. */
export function bookingReference(random: Uint8Array): string {
  return `TR-${group(encode(random, 8))}`;
}

/** `CB-XXXX-XXXX-XXXX-XXXX` from 16 random bytes. */
export function certificateCode(random: Uint8Array): string {
  return `CB-${group(encode(random, 16))}`;
}

/**
 * What a person typed, made canonical: upper case, spaces and any dashes dropped, then regrouped. Returns
 * undefined when it cannot be a certificate code, so a lookup is never even tried.
 */
export function normaliseCertificateCode(typed: string): string | undefined {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  const body = compact.startsWith('CB') ? compact.slice(2) : compact;
  if (body.length !== 16) return undefined;
  const code = `CB-${group(body)}`;
  return CERTIFICATE_PATTERN.test(code) ? code : undefined;
}

/** The private link's token: 32 random bytes, base64url without padding (43 characters). */
export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

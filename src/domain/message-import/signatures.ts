// What a file is from its first bytes.

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47 && bytes[4] === 0x0d && bytes[5] === 0x0a;
}

/** An ISO-BMFF file whose brand is HEIF/HEIC, as iPhones save photos. */
export function isHeic(bytes: Uint8Array): boolean {
  if (bytes.length < 12 || String.fromCharCode(...bytes.subarray(4, 8)) !== 'ftyp') return false;
  return /^(?:heic|heix|hevc|mif1|msf1|heim|heis)$/.test(String.fromCharCode(...bytes.subarray(8, 12)));
}

// README.txt inside every pack: how to check it by hand, for someone who has only this ZIP, a terminal and
// no trust in Casebook. Kept in step with docs/evidence-pack.md (the full specification).

import type { SignedTreeHead } from '../signing.ts';
import type { LogKeysFile, PackIndex } from './format.ts';
import { readmeTextCy } from './readme-cy.ts';
import { plural, ukTime } from './wording.ts';

/** The languages a pack's human-readable text (README.txt, the PDF) can be in; "both" is Welsh then English. */
export const PACK_LANGUAGES = ['en', 'cy', 'both'] as const;
export type PackLanguage = (typeof PACK_LANGUAGES)[number];

export interface ReadmeFacts {
  readonly index: PackIndex;
  readonly treeHead: SignedTreeHead;
  readonly logKeys: LogKeysFile;
}

/**
 * README.txt in the language asked for. Only this file's words change: every other file in the pack is the same
 * bytes whatever the language (manifest.json lists README.txt's hash like any other file's).
 */
export function readmeFor(facts: ReadmeFacts, language: PackLanguage = 'en'): string {
  if (language === 'en') return readmeText(facts);
  if (language === 'cy') return readmeTextCy(facts);
  return `${readmeTextCy(facts)}\n${'='.repeat(100)}\n\n${readmeText(facts)}`;
}

export function readmeText({ index, treeHead, logKeys }: ReadmeFacts): string {
  const s = index.summary;
  return `CASEBOOK EVIDENCE PACK (format ${index.formatVersion})
${index.title}
Made ${ukTime(Date.parse(index.createdAt))} on the person's own device.

This pack holds ${plural(s.entries, 'diary entry', 'diary entries')} (${plural(s.versions, 'version')} in all,
every earlier version of an edited entry included) and ${plural(s.attachments, 'attached file')}.

WHAT IT CAN PROVE
Casebook never sees the diary: entries are encrypted on the person's device. But every time an
entry is saved, the device sends Casebook a fingerprint of it (a salted SHA-256 "commitment"), and
Casebook writes that fingerprint into a public, append-only log and signs a receipt with the time.
So, without trusting Casebook or the person, you can check that:
  * each entry version in this pack is exactly the text that was fingerprinted (not changed since);
  * that fingerprint was in Casebook's log by the time on its receipt (not written later, not backdated);
  * the log has not been rewritten since (optional: compare with the log's current published state).
It does NOT prove that what an entry describes happened, or happened at the time the entry says:
only that these words existed, unchanged, no later than the receipt time.
Attached files are covered by a receipt only when the entry that mentions them records their
SHA-256 ("sha256" in the entry's attachment list); otherwise they are only as old as this pack.

THE EASY WAY
Run Casebook's verifier, which works offline: open the /verify page of the Casebook website and
drop this ZIP on it (nothing is uploaded), or with Node.js: npm run verify -- this-pack.zip
Its source is public; you may prefer to check by hand as below.

BY HAND (any Linux/macOS terminal, Python 3 and OpenSSL 3)
Unzip the pack into an empty folder and work inside it.

1. Files are intact. manifest.json lists the SHA-256 of every other file:
     python3 -c "import json;[print(h+'  '+p) for p,h in json.load(open('manifest.json'))['files'].items()]" | sha256sum -c
   Every line must say OK, and no file may be present that the manifest does not list.

2. An entry version matches its receipt. For entry <id>, version <n>:
     entries/<id>/v<n>.json   the entry exactly as fingerprinted (RFC 8785 canonical JSON, UTF-8)
     entries/<id>/v<n>.salt   the 32 random bytes mixed in so the fingerprint reveals nothing
     receipts/<id>/v<n>.json  Casebook's signed receipt
   commitment = SHA-256(salt || entry bytes)          cat v<n>.salt v<n>.json | sha256sum
   leaf hash  = SHA-256(0x00 || commitment)           (RFC 6962 leaf)
   The receipt's "leafHash" (base64url) must equal the leaf hash.

3. The receipt is Casebook's. The receipt signs these bytes with Ed25519:
     "casebook-receipt-v1\\n" || logId (32 bytes) || leafIndex (8-byte big-endian)
       || leafHash (32) || timestamp (8-byte big-endian, ms since 1970 UTC)
   log/public-key.json holds the public key(s); logId = SHA-256(public key). Check the key against
   the one Casebook publishes at /.well-known/casebook-log.json (or one you obtained earlier):
   a key taken only from this pack proves only that the pack is self-consistent.

4. The receipt is in the log. proofs/<id>/v<n>.json is an RFC 9162 inclusion proof from the leaf
   hash to the root of log/tree-head.json, whose signature covers
     "casebook-tree-head-v1\\n" || logId (32) || treeSize (8, big-endian) || rootHash (32)
       || timestamp (8, big-endian)
   Receipt times must not be after the tree head's time.

docs/evidence-pack.md in Casebook's source gives a complete Python script for steps 1 to 4.

THIS PACK
Log key id (logId): ${logKeys.logId}
Log public key:     ${logKeys.publicKey}
Tree head:          ${plural(treeHead.treeSize, 'entry', 'entries')} in the log, signed ${ukTime(treeHead.timestamp)}
Root hash:          ${treeHead.rootHash}
`;
}

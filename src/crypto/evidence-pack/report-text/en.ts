// The verifier's words in English: the report /verify shows and `npm run verify` prints. Every key must be in
// cy.ts too (scripts/check-content.ts and content-parity.test.ts fail otherwise). "{name}" is a parameter; a
// plural message has six forms and "{count}" is its number (docs/welsh.md, "Evidence pack and verifier").
import { oneOther } from './plural.ts';

export const en = {
  place: {
    entry: 'Entry {entry}',
    version: 'Entry {entry}, version {version}',
  },
  time: {
    at: '{day} at {clock}',
    uk: '{when} (UK time)',
    unreadable: 'an unreadable time',
  },
  format: {
    unreadableZip: 'This file is not a readable ZIP archive ({detail})',
    tooLarge: 'The ZIP unpacks to more than {mib} MiB, larger than any evidence pack',
    impossibleSize:
      '{name} in the ZIP claims to unpack to {claimed} bytes from {size}, more than any real file can: the ZIP is damaged or crafted',
    noManifest: 'This ZIP has no manifest.json, so it is not a Casebook evidence pack.',
    notManifest: 'manifest.json is not the manifest of a Casebook evidence pack.',
    otherVersion: 'This pack is in format {found}; this verifier reads format {known}. Use a newer verifier.',
    noFileList: 'manifest.json has no readable list of files.',
    noIndex: 'This ZIP has no pack.json, so it cannot be read as a Casebook evidence pack.',
    badIndex: 'pack.json cannot be read: it is not in the layout of evidence pack format 1.',
    badTrustedKey: 'One of the trusted public keys given is not a 32-byte Ed25519 key in base64url.',
  },
  files: {
    duplicate: 'The ZIP holds more than one file named {path}: different tools would show different files.',
    unlisted: '{path} is in the pack but not in manifest.json: it was added after the pack was made.',
    changed: '{path} has been changed since the pack was made: its SHA-256 is not the one manifest.json lists.',
    removed: '{path} is listed in manifest.json but is missing from the pack: it has been removed.',
    extra: '{path} does not belong to any entry or attachment listed in pack.json: it is an extra file.',
    summaryEdited:
      'pack.json: the summary figures (counts by behaviour, dates) do not match the entries in the pack — they have been edited.',
  },
  keys: {
    fileMissing: '{path} is missing or unreadable: the pack does not say which key signed it.',
    notAKey: '{path}: {value} is not an Ed25519 public key.',
    wrongId: '{path}: the key id {given} is not the SHA-256 of its public key ({logId}).',
  },
  treeHead: {
    missing: "{path} is missing or unreadable: no entry can be shown to be in Casebook's log.",
    unknownKey:
      "The log's tree head was signed by a key that is not Casebook's log key (it is neither in the pack's key file nor among the keys you trust).",
    untrustedKey: "The log's tree head was signed by key {logId}, which is in the pack but is not one of the Casebook keys you trust.",
    badSignature:
      "The log's tree head ({size} entries, {time}) has an invalid signature: it has been altered or was not signed by Casebook.",
  },
  entry: {
    noVersions: '{place}: pack.json lists no versions of it — it has been emptied.',
    versionGaps:
      '{place}: the versions are not 1 to {last} in order (the pack holds {held}) — a version has been removed or the versions reordered.',
    versionGapsMissing:
      '{place}: the versions are not 1 to {last} in order (the pack holds {held}; missing {missing}) — a version has been removed or the versions reordered.',
    loggedBefore:
      '{place}: version {later} was logged before version {earlier} ({laterTime}, log position {laterLeaf}, against {earlierTime}, position {earlierLeaf}) — the versions have been swapped or reordered.',
    sameLeaf: '{place} has the same log position ({leaf}) as {other}: one receipt is being presented for two versions.',
    reordered:
      "Entry {after} comes after entry {before} in pack.json, but it happened (or was first logged) earlier — the entries have been reordered, so the entry numbers may not match the PDF's.",
  },
  version: {
    missingOne: '{place}: {paths} is missing, so this version cannot be checked — part of it has been removed.',
    missingSome: '{place}: {paths} are missing, so this version cannot be checked — part of it has been removed.',
    missingAll: '{place}: {paths} are missing, so this version cannot be checked — it has been removed from the pack.',
    notJson: '{place}: {path} is not readable JSON — it has been damaged or edited.',
    notCanonical: '{place}: {path} is not in the canonical form (RFC 8785) it was committed in — it has been re-written or edited.',
    receiptUnreadable: '{place}: the receipt {path} is unreadable, so nothing shows when this version was logged.',
    unknownKey:
      "{place}: the receipt (dated {time}) was signed by a key that is not Casebook's log key (it is neither in the pack's key file nor among the keys you trust).",
    untrustedKey:
      '{place}: the receipt (dated {time}) was signed by key {logId}, which is in the pack but is not one of the Casebook keys you trust.',
    badSignature:
      "{place}: the receipt's signature does not verify — its time, log position or fingerprint has been altered since Casebook signed it (it now claims {time}).",
    whenSigned: 'on {time}',
    whenClaimed: 'in the receipt dated {time}',
    saltLength:
      '{place}: the salt {path} is {bytes} bytes, not 32 — it has been changed, so the text cannot be matched to what was committed {when}.',
    textChanged: '{place}: the text does not match what was committed {when} — it has been changed since (or its salt has).',
    proofUnreadable: "{place}: the inclusion proof {path} is unreadable, so this version cannot be shown to be in Casebook's log.",
    proofForOther:
      "{place}: the inclusion proof is for log position {proofLeaf} of {proofSize}, not this receipt's position {leaf} in the pack's tree head of {size} — it has been altered or swapped.",
    beyondLog:
      "{place}: the receipt's log position {leaf} is beyond the end of the log's tree head ({size} entries) — it cannot be in that log.",
    notInLog:
      "{place}: the proof that this version is in Casebook's log does not lead to the log's signed tree head — the proof or the receipt has been altered, or the version was never logged.",
    afterTreeHead:
      '{place}: the receipt is dated {time}, after the tree head ({headTime}) that is meant to contain it — its time has been altered.',
  },
  attachment: {
    label: 'Attachment {name}',
    labelOwned: 'Attachment {name} (entry {entry})',
    missing: '{label}: the file {path} is missing from the pack.',
    changed: '{label}: the file has been replaced or changed — its SHA-256 is not the one the pack names it by.',
    size: '{label}: pack.json gives its size as {size} bytes, but the file is {actual}.',
    otherHash: '{label}: {place} committed to a file with a different SHA-256 — the photo or file has been replaced.',
    otherName: '{label}: {place} names this file {given}, not {name}.',
    entryUnreadable:
      '{label}: entry {entry}, version {version}, which it belongs to, is missing or unreadable, so the file cannot be matched to it.',
    unused: '{label}: no entry in the pack refers to this file, though pack.json says it belongs to one.',
    usersEdited: '{label}: pack.json does not list the entries that refer to this file correctly — it has been edited.',
  },
  imported: {
    message: '{place}, message {message} ({sender}, {time})',
    unreadable: '{place}: its messages cannot be checked, because the original export {file} cannot be read again: {reason}',
    noMessage: '{label}: the original export {file} has no message at {locator} — the entry does not match the file.',
    textChanged: '{label}: the text is not what the original export {file} says at {locator} — it has been changed.',
    senderChanged: '{label}: the original export {file} gives the sender at {locator} as {sender} — it has been changed.',
    timeChanged: '{label}: the original export {file} gives the time at {locator} as {time} — it has been changed.',
    withoutOriginal: '{place} ({file})',
    originalsMissing: oneOther(
      '{count} entry brought in from an export was packed without the original file ({list}), so those messages could not be checked against it.',
      '{count} entries brought in from an export were packed without the original file ({list}), so those messages could not be checked against it.',
    ),
    andMore: '…',
  },
  consistency: {
    ownHeadFailed: "The log's current tree head could not be compared: the pack's own tree head did not verify.",
    unknownKey:
      "The current tree head you gave was signed by a key that is not Casebook's log key (it is neither in the pack's key file nor among the keys you trust).",
    untrustedKey:
      'The current tree head you gave was signed by key {logId}, which is in the pack but is not one of the Casebook keys you trust.',
    badSignature: 'The current tree head you gave has an invalid signature.',
    rewritten:
      "Casebook's log as published now ({size} entries, {time}) is not an extension of the log in this pack ({packSize} entries): either the consistency proof is wrong or the log has been rewritten since the pack was made.",
  },
  notice: {
    untimed: oneOther(
      '{count} attached file is not named by SHA-256 in the entry that refers to it ({names}): the files match this pack, but the receipts do not show when they existed — only that they have not changed since the pack was made.',
      '{count} attached files are not named by SHA-256 in the entry that refers to them ({names}): the files match this pack, but the receipts do not show when they existed — only that they have not changed since the pack was made.',
    ),
    packKeyOnly:
      'The signatures were checked with the log key inside the pack (key id {logIds}). That shows the pack is consistent with itself. To rule out a pack forged as a whole, check that key id against the one Casebook publishes at /.well-known/casebook-log.json, or verify again giving that key.',
    logNotCompared:
      "The pack's tree head was not compared with Casebook's current published log, so this check does not show that the log was never rewritten after the pack's tree head.",
  },
  summary: {
    oneEntry: 'The entry checks out: it existed no later than {time} and has not been changed since.',
    oneEntryVersions:
      'The entry checks out: it existed no later than {earliest}, each later version no later than the time shown beside it (the last {latest}), and none has been changed since.',
    allEntries: oneOther(
      'All {count} entry check out: each existed no later than the time shown beside it ({span}, UK time) and has not been changed since.',
      'All {count} entries check out: each existed no later than the time shown beside it ({span}, UK time) and has not been changed since.',
    ),
    spanOne: 'all {day}',
    span: 'the earliest {earliest}, the latest {latest}',
    noEntries: 'The pack holds no entries.',
    oneFile: 'The attached file matches the pack.',
    twoFiles: 'Both attached files match the pack.',
    allFiles: oneOther('All {count} attached file match the pack.', 'All {count} attached files match the pack.'),
    failed: oneOther('Verification FAILED: {count} problem found.', 'Verification FAILED: {count} problems found.'),
    entriesFailed: oneOther(
      '{count} entry could not be verified ({which}); do not rely on it without further checks.',
      '{count} entries could not be verified ({which}); do not rely on them without further checks.',
    ),
    whichOne: 'entry {numbers}',
    whichSome: 'entries {numbers}',
    whichMany: 'entries {numbers} and more',
    otherEntry: 'The other entry checks out.',
    otherEntries: oneOther('The other {count} entry check out.', 'The other {count} entries check out.'),
    logOnly: "Each entry passed its own checks, but Casebook's log as published now does not contain the pack's log unchanged.",
    wholeFailed: 'Each entry passed its own checks, but the pack as a whole did not: see the problems listed.',
    filesFailed: oneOther('{count} attached file did not match.', '{count} attached files did not match.'),
    importsChanged: oneOther(
      '{count} message brought in from an export does not match the original file.',
      '{count} messages brought in from an export do not match the original file.',
    ),
    importsMatchOne: oneOther(
      'All {count} message brought in from exports is word for word what the original file says.',
      'All {count} messages brought in from exports are word for word what the original file says.',
    ),
    importsMatch: oneOther(
      'All {count} message brought in from exports is word for word what the original files say.',
      'All {count} messages brought in from exports are word for word what the original files say.',
    ),
    packKeyOnly:
      "The signatures were checked with the key inside the pack; compare it with Casebook's published key to rule out a forgery of the whole pack.",
    logConsistent: "Casebook's log as published now still contains this pack's log unchanged.",
  },
  cli: {
    heading: 'Casebook evidence pack: {path}',
    made: '"{title}", made {time} (format {format})',
    packSha256: 'SHA-256 of the pack: {sha256}',
    keys: oneOther('Log key: {keys}', 'Log keys: {keys}'),
    keyTrusted: '{logId} (trusted: given to the verifier)',
    keyPackOnly: '{logId} (from the pack only)',
    treeHead: 'Log tree head: {size} entries, signed {time}, signature {status}',
    logConsistent: 'Log now: {size} entries, {time}: consistent with the pack (not rewritten)',
    logInconsistent: 'Log now: {size} entries, {time}: NOT consistent',
    logNotChecked: 'Log now: NOT CHECKED (this is not a failure) — {reason}',
    passed: 'OK',
    failed: 'FAIL',
    entry: oneOther('Entry {number} ({id}): {count} version{logged}', 'Entry {number} ({id}): {count} versions{logged}'),
    loggedOnce: ', logged {time}',
    loggedSpan: ', logged {first} to {last}',
    attachment: 'Attachment {number} {name} sha256 {sha256}',
    attachmentUntimed: 'Attachment {number} {name} sha256 {sha256} (not covered by a receipt)',
    problems: 'Problems ({count}):',
    notices: 'Please note:',
    cannotCheck: 'Cannot check this pack: {reason}',
  },
  status: {
    passed: 'passed',
    failed: 'failed',
    notChecked: 'not-checked',
  },
};

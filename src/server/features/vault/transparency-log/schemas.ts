import { object, signedTreeHead } from '../../../shared/schemas.ts';

const size = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } as const;

export const inclusionQuery = object({ index: size, treeSize: { ...size, minimum: 1 } });
export const consistencyQuery = object({ from: size, to: size });

/** Proofs for many leaves at once: an evidence pack needs one per entry version. */
export const MAX_PROOFS_PER_REQUEST = 250;
export const inclusionProofsQuery = object({
  treeSize: { ...size, minimum: 1 },
  indices: { type: 'string', pattern: `^\\d{1,16}(,\\d{1,16}){0,${MAX_PROOFS_PER_REQUEST - 1}}$`, maxLength: MAX_PROOFS_PER_REQUEST * 17 },
});

const proof = { type: 'array', items: { type: 'string' }, maxItems: 128 } as const;

export const inclusionResponse = object({ leafIndex: { type: 'integer' }, treeSize: { type: 'integer' }, proof });
export const inclusionProofsResponse = object({
  treeSize: { type: 'integer' },
  proofs: { type: 'array', maxItems: MAX_PROOFS_PER_REQUEST, items: object({ leafIndex: { type: 'integer' }, proof }) },
});
export const consistencyResponse = object({ from: { type: 'integer' }, to: { type: 'integer' }, proof });

const publishedKey = object(
  { logId: { type: 'string' }, publicKey: { type: 'string' }, from: { type: 'integer' }, until: { type: 'integer' } },
  ['logId', 'publicKey', 'from'],
);

export const wellKnownResponse = object({
  logId: { type: 'string' },
  publicKey: { type: 'string' },
  keys: { type: 'array', items: publishedKey },
  treeHead: signedTreeHead,
});

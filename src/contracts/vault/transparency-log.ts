import { type Static, Type } from 'typebox';
import { object, signedTreeHead } from './common.ts';

const size = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
const treeSize = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

export const inclusionQuery = object({ index: size, treeSize });
export const consistencyQuery = object({ from: size, to: size });

/** Proofs for many leaves at once: an evidence pack needs one per entry version. */
export const MAX_PROOFS_PER_REQUEST = 250;
export const inclusionProofsQuery = object({
  treeSize,
  indices: Type.String({ pattern: `^\\d{1,16}(,\\d{1,16}){0,${MAX_PROOFS_PER_REQUEST - 1}}$`, maxLength: MAX_PROOFS_PER_REQUEST * 17 }),
});

const proof = Type.Array(Type.String(), { maxItems: 128 });

export const inclusionResponse = object({ leafIndex: Type.Integer(), treeSize: Type.Integer(), proof });
export const inclusionProofsResponse = object({
  treeSize: Type.Integer(),
  proofs: Type.Array(object({ leafIndex: Type.Integer(), proof }), { maxItems: MAX_PROOFS_PER_REQUEST }),
});
export const consistencyResponse = object({ from: Type.Integer(), to: Type.Integer(), proof });

const publishedKey = object({ logId: Type.String(), publicKey: Type.String(), from: Type.Integer(), until: Type.Optional(Type.Integer()) });
export type LogPublicKey = Static<typeof publishedKey>;

export const wellKnownResponse = object({
  logId: Type.String(),
  publicKey: Type.String(),
  keys: Type.Array(publishedKey),
  treeHead: signedTreeHead,
});
/** What GET /.well-known/casebook-log.json answers. */
export type LogDescription = Static<typeof wellKnownResponse>;

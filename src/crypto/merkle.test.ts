import { describe, expect, it } from 'vitest';
import { hexDecode, hexEncode } from './encoding.ts';
import type { MerkleNodeSource } from './merkle.ts';
import {
  consistencyProof,
  consistencyProofFromSource,
  EMPTY_TREE_ROOT,
  inclusionProof,
  inclusionProofFromSource,
  leafHash,
  leafHashSource,
  MerkleTree,
  merkleRoot,
  nodeHash,
  rootFromSource,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';

// Certificate Transparency's reference data (RFC 6962 test vectors, as published in
// transparency-dev/merkle proof/verify_test.go): the eight leaves, the root of each prefix, and
// known-good proofs. Leaf numbers in their tables are 1-based; indices here are 0-based.
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(hexDecode);
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const INCLUSION = [
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 2, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  { index: 0, size: 1, proof: [] },
];
const CONSISTENCY = [
  { first: 1, second: 1, proof: [] },
  {
    first: 1,
    second: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    first: 6,
    second: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    first: 2,
    second: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    first: 6,
    second: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];
const SOME_HASH = hexDecode('abacaba000000000000000000000000000000000000000000060061e00123456');

const hexes = (hashes: readonly Uint8Array[]) => hashes.map(hexEncode);
const flip = (hash: Uint8Array, bit = 3) => {
  const copy = hash.slice();
  copy[0]! ^= 1 << bit;
  return copy;
};

// An independent, deliberately naive transcription of RFC 9162 §2.1.1–2.1.4.1's recursive
// definitions, to check the cached, iterative implementation against.
const largestPowerBelow = (n: number) => 2 ** Math.floor(Math.log2(n - 1));
async function referenceRoot(leaves: Uint8Array[]): Promise<Uint8Array> {
  if (leaves.length === 0) return EMPTY_TREE_ROOT;
  if (leaves.length === 1) return leaves[0]!;
  const k = largestPowerBelow(leaves.length);
  return nodeHash(await referenceRoot(leaves.slice(0, k)), await referenceRoot(leaves.slice(k)));
}
async function referencePath(m: number, leaves: Uint8Array[]): Promise<Uint8Array[]> {
  if (leaves.length <= 1) return [];
  const k = largestPowerBelow(leaves.length);
  return m < k
    ? [...(await referencePath(m, leaves.slice(0, k))), await referenceRoot(leaves.slice(k))]
    : [...(await referencePath(m - k, leaves.slice(k))), await referenceRoot(leaves.slice(0, k))];
}
async function referenceSubproof(m: number, leaves: Uint8Array[], b: boolean): Promise<Uint8Array[]> {
  const n = leaves.length;
  if (m === n) return b ? [] : [await referenceRoot(leaves)];
  const k = largestPowerBelow(n);
  return m <= k
    ? [...(await referenceSubproof(m, leaves.slice(0, k), b)), await referenceRoot(leaves.slice(k))]
    : [...(await referenceSubproof(m - k, leaves.slice(k), false)), await referenceRoot(leaves.slice(0, k))];
}

describe('Merkle tree (RFC 6962 / RFC 9162)', async () => {
  const leafHashes = await Promise.all(LEAVES.map(leafHash));

  it('hashes leaves and nodes with the 0x00 / 0x01 prefixes', async () => {
    expect(hexEncode(await leafHash(new Uint8Array()))).toBe(ROOTS[0]);
    expect(hexEncode(await nodeHash(leafHashes[0]!, leafHashes[1]!))).toBe(ROOTS[1]);
  });

  it('matches the reference roots for every size 0–8', async () => {
    expect(hexEncode(await merkleRoot([]))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (let n = 1; n <= 8; n++) expect(hexEncode(await merkleRoot(leafHashes.slice(0, n))), `size ${n}`).toBe(ROOTS[n - 1]);
    const tree = await MerkleTree.fromLeafHashes(leafHashes);
    for (let n = 1; n <= 8; n++) expect(hexEncode(await tree.root(n))).toBe(ROOTS[n - 1]);
  });

  it('generates and verifies the reference inclusion proofs, and rejects every corruption of them', async () => {
    for (const { index, size, proof } of INCLUSION) {
      const root = hexDecode(ROOTS[size - 1]!);
      const leaf = leafHashes[index]!;
      const expected = proof.map(hexDecode);
      expect(hexes(await inclusionProof(leafHashes, index, size))).toEqual(proof);
      expect(await verifyInclusion(leaf, index, size, expected, root)).toBe(true);
      const probes: [number, number, Uint8Array, Uint8Array[], Uint8Array][] = [
        [index - 1, size, leaf, expected, root],
        [index + 1, size, leaf, expected, root],
        [index ^ 2, size, leaf, expected, root],
        [index, size * 2, leaf, expected, root],
        [index, Math.floor(size / 2), leaf, expected, root],
        [index, size, SOME_HASH, expected, root],
        [index, size, leaf, expected, EMPTY_TREE_ROOT],
        [index, size, leaf, expected, SOME_HASH],
        [index, size, leaf, [...expected, new Uint8Array()], root],
        [index, size, leaf, [...expected, root], root],
        [index, size, leaf, [new Uint8Array(), ...expected], root],
        [index, size, leaf, [root, ...expected], root],
        ...expected.map((_, i): [number, number, Uint8Array, Uint8Array[], Uint8Array] => [
          index,
          size,
          leaf,
          expected.map((h, j) => (j === i ? flip(h) : h)),
          root,
        ]),
      ];
      if (expected.length > 0) probes.push([index, size, leaf, expected.slice(0, -1), root]);
      if (expected.length > 1) probes.push([index, size, leaf, [expected[0]!, SOME_HASH, ...expected.slice(1)], root]);
      for (const [i, n, l, p, r] of probes) {
        if (i === index && n === size && l === leaf && p === expected && r === root) continue;
        expect(await verifyInclusion(l, i, n, p, r), `index ${i} size ${n}`).toBe(false);
      }
    }
  });

  it('generates and verifies the reference consistency proofs, and rejects every corruption of them', async () => {
    for (const { first, second, proof } of CONSISTENCY) {
      const root1 = hexDecode(ROOTS[first - 1]!);
      const root2 = hexDecode(ROOTS[second - 1]!);
      const expected = proof.map(hexDecode);
      expect(hexes(await consistencyProof(leafHashes, first, second))).toEqual(proof);
      expect(await verifyConsistency(first, second, root1, root2, expected)).toBe(true);
      if (expected.length === 0) continue;
      const probes: [number, number, Uint8Array, Uint8Array, Uint8Array[]][] = [
        [first - 1, second, root1, root2, expected],
        [first + 1, second, root1, root2, expected],
        [first ^ 2, second, root1, root2, expected],
        [first, second * 2, root1, root2, expected],
        [first, Math.floor(second / 2), root1, root2, expected],
        [first, second, SOME_HASH, root2, expected],
        [first, second, root1, SOME_HASH, expected],
        [first, second, root2, root1, expected],
        [first, second, root1, root2, []],
        [first, second, root1, root2, [...expected, new Uint8Array()]],
        [first, second, root1, root2, [...expected, root1]],
        [first, second, root1, root2, [...expected, root2]],
        [first, second, root1, root2, [new Uint8Array(), ...expected]],
        [first, second, root1, root2, [root1, ...expected]],
        [first, second, root1, root2, [root2, ...expected]],
        [first, second, root1, root2, [expected[0]!, ...expected]],
        [first, second, root1, root2, expected.slice(0, -1)],
        ...expected.map((_, i): [number, number, Uint8Array, Uint8Array, Uint8Array[]] => [
          first,
          second,
          root1,
          root2,
          expected.map((h, j) => (j === i ? flip(h, 4) : h)),
        ]),
      ];
      for (const [m, n, r1, r2, p] of probes) {
        expect(await verifyConsistency(m, n, r1, r2, p), `${m}→${n}`).toBe(false);
      }
    }
  });

  it('handles the edge cases the RFC leaves to implementations', async () => {
    const root = hexDecode(ROOTS[0]!);
    // Inclusion: nothing is in an empty tree; indices must be inside the tree.
    expect(await verifyInclusion(SOME_HASH, 0, 0, [], EMPTY_TREE_ROOT)).toBe(false);
    expect(await verifyInclusion(leafHashes[0]!, 1, 1, [], root)).toBe(false);
    expect(await verifyInclusion(leafHashes[0]!, 0, 1, [], root)).toBe(true);
    expect(await verifyInclusion(new Uint8Array(), 0, 1, [], new Uint8Array())).toBe(false);
    // Consistency: equal sizes need equal roots and no proof; the empty tree is consistent with any
    // tree, but its root must be the empty-tree hash; trees do not shrink.
    expect(await verifyConsistency(0, 0, EMPTY_TREE_ROOT, EMPTY_TREE_ROOT, [])).toBe(true);
    expect(await verifyConsistency(1, 1, root, root, [])).toBe(true);
    expect(await verifyConsistency(1, 1, root, SOME_HASH, [])).toBe(false);
    expect(await verifyConsistency(1, 1, root, root, [EMPTY_TREE_ROOT])).toBe(false);
    expect(await verifyConsistency(0, 5, EMPTY_TREE_ROOT, hexDecode(ROOTS[4]!), [])).toBe(true);
    expect(await verifyConsistency(0, 5, SOME_HASH, hexDecode(ROOTS[4]!), [])).toBe(false);
    expect(await verifyConsistency(0, 5, EMPTY_TREE_ROOT, hexDecode(ROOTS[4]!), [SOME_HASH])).toBe(false);
    expect(await verifyConsistency(2, 1, hexDecode(ROOTS[1]!), root, [])).toBe(false);
    await expect(inclusionProof(leafHashes, 8, 8)).rejects.toThrow(RangeError);
    await expect(consistencyProof(leafHashes, 5, 4)).rejects.toThrow(RangeError);
    await expect((await MerkleTree.fromLeafHashes(leafHashes)).root(9)).rejects.toThrow(RangeError);
  });

  it('rejects a forged inclusion proof that presents an interior node as a leaf', async () => {
    // Without the 0x00/0x01 prefixes, the pair (h0, h1) could be passed off as one leaf of a smaller tree.
    const root4 = hexDecode(ROOTS[3]!);
    const forgedLeaf = await leafHash(new Uint8Array([...leafHashes[0]!, ...leafHashes[1]!]));
    const sibling = await nodeHash(leafHashes[2]!, leafHashes[3]!);
    expect(await verifyInclusion(forgedLeaf, 0, 2, [sibling], root4)).toBe(false);
    const interior = await nodeHash(leafHashes[0]!, leafHashes[1]!);
    expect(await verifyInclusion(interior, 0, 2, [sibling], root4)).toBe(true); // the honest two-level view
    expect(await verifyInclusion(interior, 0, 4, [sibling], root4)).toBe(false); // but not as a leaf of the real tree
  });

  it('brute force: every proof for every tree up to 64 leaves matches the RFC definitions, verifies, and fails when tampered', async () => {
    const leaves = await Promise.all(Array.from({ length: 64 }, (_, i) => leafHash(new Uint8Array([i, 255 - i]))));
    const tree = await MerkleTree.fromLeafHashes(leaves);
    const roots: Uint8Array[] = [EMPTY_TREE_ROOT];
    for (let n = 1; n <= 64; n++) {
      roots[n] = await tree.root(n);
      expect(hexEncode(roots[n]!)).toBe(hexEncode(await referenceRoot(leaves.slice(0, n))));
    }
    for (let n = 1; n <= 64; n++) {
      const root = roots[n]!;
      for (let i = 0; i < n; i++) {
        const proof = await tree.inclusionProof(i, n);
        if (n <= 16) expect(hexes(proof)).toEqual(hexes(await referencePath(i, leaves.slice(0, n))));
        expect(await verifyInclusion(leaves[i]!, i, n, proof, root)).toBe(true);
        if (n > 1) {
          expect(await verifyInclusion(leaves[(i + 1) % n]!, i, n, proof, root)).toBe(false);
          expect(await verifyInclusion(leaves[i]!, (i + 1) % n, n, proof, root)).toBe(false);
          expect(
            await verifyInclusion(
              leaves[i]!,
              i,
              n,
              proof.map((h, j) => (j === i % proof.length ? flip(h) : h)),
              root,
            ),
          ).toBe(false);
        }
      }
      for (let m = 1; m <= n; m++) {
        const proof = await tree.consistencyProof(m, n);
        if (n <= 16) expect(hexes(proof)).toEqual(hexes(m === n ? [] : await referenceSubproof(m, leaves.slice(0, n), true)));
        expect(await verifyConsistency(m, n, roots[m]!, root, proof), `${m}→${n}`).toBe(true);
        if (m < n) {
          expect(
            await verifyConsistency(
              m,
              n,
              roots[m]!,
              root,
              proof.map((h, j) => (j === m % proof.length ? flip(h) : h)),
            ),
          ).toBe(false);
          expect(await verifyConsistency(m, n, flip(roots[m]!), root, proof)).toBe(false);
          expect(await verifyConsistency(m, n, roots[m]!, flip(root), proof)).toBe(false);
          expect(await verifyConsistency(m, n, roots[m]!, root, proof.slice(1))).toBe(false);
        }
      }
    }
  });

  it('agrees between the cached tree and an on-demand leaf-hash source', async () => {
    const leaves = await Promise.all(Array.from({ length: 37 }, (_, i) => leafHash(new Uint8Array([i]))));
    const tree = await MerkleTree.fromLeafHashes(leaves);
    const source = leafHashSource((i) => leaves[i]!);
    expect(await rootFromSource(source, 37)).toEqual(await tree.root());
    expect(await inclusionProofFromSource(source, 21, 37)).toEqual(await tree.inclusionProof(21));
    expect(await consistencyProofFromSource(source, 13, 37)).toEqual(await tree.consistencyProof(13));
  });

  it('needs only O(log n) node reads for a root or proof in a tree of a million leaves', async () => {
    let reads = 0;
    const counting: MerkleNodeSource = {
      perfectNodeHash(level, index) {
        reads++;
        if (index < 0 || (index + 1) * 2 ** level > 1_000_000) throw new RangeError('outside the tree');
        return new Uint8Array(32).fill((level * 31 + index) % 256);
      },
    };
    const count = async (work: () => Promise<unknown>) => {
      reads = 0;
      await work();
      return reads;
    };
    // log2(1,000,000) ≈ 20: each needs at most ~2 reads per level.
    expect(await count(() => rootFromSource(counting, 1_000_000))).toBeLessThanOrEqual(20);
    expect(await count(() => inclusionProofFromSource(counting, 765_432, 1_000_000))).toBeLessThanOrEqual(40);
    expect(await count(() => consistencyProofFromSource(counting, 654_321, 1_000_000))).toBeLessThanOrEqual(40);
  });
});

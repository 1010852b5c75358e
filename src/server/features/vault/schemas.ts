// The vault's shared wire shapes live in src/contracts (declared once for server and browser).
export * from '../../../contracts/vault/common.ts';

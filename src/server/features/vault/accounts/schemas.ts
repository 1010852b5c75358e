// Declared once in src/contracts, for the routes and the browser alike.
export * from '../../../../contracts/vault/accounts.ts';

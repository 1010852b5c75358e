// The vault's message catalogues (en.yaml, cy.yaml) are bundled at build time: esbuild (scripts/build-assets.ts)
// and vitest (vitest.config.ts) turn a .yaml import into its parsed value.
declare module '*.yaml' {
  const value: unknown;
  export default value;
}

// A font imported by browser code is its same-origin URL (esbuild's file loader, scripts/build-assets.ts).
declare module '*.ttf' {
  const url: string;
  export default url;
}

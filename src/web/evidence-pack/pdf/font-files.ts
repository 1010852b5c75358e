// The fonts the PDF embeds: Noto Sans (SIL Open Font Licence 1.1), from the npm package
// @expo-google-fonts/noto-sans, covering Latin, Greek, Cyrillic and Vietnamese. Module specifiers, so Node
// (tests, bench) can resolve and read them and the browser bundle can import them as same-origin asset URLs.
export const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;

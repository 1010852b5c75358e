// @pdf-lib/fontkit with two changes.
//
// Speed: pdf-lib measures and encodes every string through fontkit's OpenType layout, whose GSUB/GPOS pass over
// Noto Sans costs about a millisecond a line — most of a minute for a 1,000-entry pack. A font embedded with
// `features: NO_LAYOUT` maps each character straight to its glyph through the cmap instead (no kerning, no
// ligatures: Latin, Greek and Cyrillic need neither to be read correctly).
//
// Correctness: its TrueType subsetter copies each glyph's bytes as they are, then writes the
// short `loca` format (offset ÷ 2) whenever the subset is small. Fonts whose glyphs have odd lengths (Noto Sans
// has 1,323 of them) then point most glyphs at the wrong byte and they print as nothing. Padding every glyph to
// a multiple of 4 bytes, as the OpenType spec recommends, keeps every offset exact.
import fontkit from '@pdf-lib/fontkit';

interface SubsetInternals {
  glyf: Uint8Array[];
  offset: number;
  _addGlyph(gid: number): number;
}

interface Glyph {
  readonly id: number;
  readonly advanceWidth: number;
}

interface FontkitFont {
  createSubset?: () => unknown;
  glyphForCodePoint(codePoint: number): Glyph;
  layout(text: string, features?: unknown): { glyphs: Glyph[] };
}

/** embedFont's `features` for a font drawn character by character, without OpenType layout. */
export const NO_LAYOUT: Record<string, boolean> = Object.freeze({});

function withoutLayout(font: FontkitFont): void {
  const layout = font.layout.bind(font);
  const glyphs = new Map<number, Glyph>();
  font.layout = (text: string, features?: unknown) => {
    if (features !== NO_LAYOUT) return layout(text, features);
    const out: Glyph[] = [];
    for (const char of text) {
      const code = char.codePointAt(0)!;
      let glyph = glyphs.get(code);
      if (!glyph) {
        glyph = font.glyphForCodePoint(code);
        glyphs.set(code, glyph);
      }
      out.push(glyph);
    }
    return { glyphs: out };
  };
}

const patched = new WeakSet<object>();

function padGlyphs(subsetPrototype: SubsetInternals): void {
  if (patched.has(subsetPrototype)) return;
  patched.add(subsetPrototype);
  const addGlyph = subsetPrototype._addGlyph;
  subsetPrototype._addGlyph = function (this: SubsetInternals, gid: number): number {
    const index = addGlyph.call(this, gid);
    const bytes = this.glyf[index]!;
    const extra = (4 - (bytes.length % 4)) % 4;
    if (extra > 0) {
      const Buffer = bytes.constructor as { alloc?: (size: number) => Uint8Array };
      const padded = Buffer.alloc ? Buffer.alloc(bytes.length + extra) : new Uint8Array(bytes.length + extra);
      padded.set(bytes);
      this.glyf[index] = padded;
      this.offset += extra;
    }
    return index;
  };
}

export const paddedFontkit: typeof fontkit = {
  ...fontkit,
  create(data: Uint8Array, postscriptName?: string) {
    const created = fontkit.create(data, postscriptName);
    const font = created as unknown as FontkitFont;
    withoutLayout(font);
    const subset = font.createSubset?.();
    // Only the TrueType subsetter has _addGlyph; CFF fonts are written differently and need no fix.
    if (subset && typeof (subset as Partial<SubsetInternals>)._addGlyph === 'function')
      padGlyphs(Object.getPrototypeOf(subset) as SubsetInternals);
    return created;
  },
};

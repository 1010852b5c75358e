// @pdf-lib/fontkit with one fix: its TrueType subsetter copies each glyph's bytes as they are, then writes the
// short `loca` format (offset ÷ 2) whenever the subset is small. Fonts whose glyphs have odd lengths (Noto Sans
// has 1,323 of them) then point most glyphs at the wrong byte and they print as nothing. Padding every glyph to
// a multiple of 4 bytes, as the OpenType spec recommends, keeps every offset exact.
import fontkit from '@pdf-lib/fontkit';

interface SubsetInternals {
  glyf: Uint8Array[];
  offset: number;
  _addGlyph(gid: number): number;
}

type FontkitFont = ReturnType<typeof fontkit.create> & { createSubset?: () => unknown };

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
    const font = fontkit.create(data, postscriptName) as FontkitFont;
    const subset = font.createSubset?.();
    // Only the TrueType subsetter has _addGlyph; CFF fonts are written differently and need no fix.
    if (subset && typeof (subset as Partial<SubsetInternals>)._addGlyph === 'function') padGlyphs(Object.getPrototypeOf(subset) as SubsetInternals);
    return font;
  },
};

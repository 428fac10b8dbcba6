// The part of opentype.js the glyph ranges use. Its own @types package pulls the DOM library
// into the portal's Node-only compilation, so the portal declares what it calls.
declare module "opentype.js" {
  export type PathCommand =
    | { type: "M" | "L"; x: number; y: number }
    | { type: "Q"; x1: number; y1: number; x: number; y: number }
    | { type: "C"; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
    | { type: "Z" };

  export interface Glyph {
    index: number;
    advanceWidth?: number;
    /** The outline at `fontSize` pixels, the baseline at `y`, y growing downwards. */
    getPath(x: number, y: number, fontSize: number): { commands: PathCommand[] };
  }

  export interface Font {
    unitsPerEm: number;
    charToGlyph(character: string): Glyph;
  }

  export function loadSync(path: string): Font;

  const opentype: { loadSync: typeof loadSync };
  export default opentype;
}

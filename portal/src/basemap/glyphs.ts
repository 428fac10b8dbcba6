// The glyphs of the basemap's labels: signed distance fields of DejaVu Sans (npm
// dejavu-fonts-ttf), 256 code points per range in the protobuf format that vector tile styles'
// `glyphs` URLs serve. Drawn from the font's outlines on first request and kept.
import opentype, { type Font, type Glyph, type PathCommand } from "opentype.js";
import { ProtobufWriter } from "./protobuf-writer";

/** The size glyphs are drawn at, and the margin and distance range their fields encode. */
const FONT_SIZE = 24;
const BUFFER = 3;
const RADIUS = 8;
/** The share of the radius inside the outline: the edge sits at 192 of 255. */
const CUTOFF = 0.25;
/** Line segments each curve of an outline is cut into. */
const CURVE_STEPS = 4;
const HIGHEST_CODE_POINT = 0xffff;

type Point = [number, number];

let font: Font | undefined;
const ranges = new Map<string, Uint8Array>();

/** Whether `range` names a glyph range file: "0-255.pbf", "256-511.pbf", … */
export function isGlyphRange(range: string): boolean {
  const match = /^(\d+)-(\d+)\.pbf$/.exec(range);
  if (!match) return false;
  const [start, end] = [Number(match[1]), Number(match[2])];
  return start % 256 === 0 && end === start + 255 && end <= HIGHEST_CODE_POINT;
}

/** The glyph range file; every font stack gets DejaVu Sans, the one font the portal has. */
export function glyphRange(fontStack: string, range: string): Uint8Array {
  const key = `${fontStack}/${range}`;
  let bytes = ranges.get(key);
  if (!bytes) {
    const start = Number(range.split("-")[0]);
    bytes = encodeRange(fontStack, start);
    ranges.set(key, bytes);
  }
  return bytes;
}

function loadFont(): Font {
  font ??= opentype.loadSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"));
  return font;
}

function encodeRange(fontStack: string, start: number): Uint8Array {
  const face = loadFont();
  return new ProtobufWriter()
    .message(1, (stack) => {
      stack.string(1, fontStack).string(2, `${start}-${start + 255}`);
      for (let code = start; code <= start + 255; code += 1) {
        const glyph = face.charToGlyph(String.fromCodePoint(code));
        if (glyph.index === 0 && code !== 0) continue; // not in the font
        const drawn = drawGlyph(face, glyph);
        stack.message(3, (entry) => {
          entry.varint(1, code);
          if (drawn.bitmap.length > 0) entry.bytesField(2, drawn.bitmap);
          entry
            .varint(3, drawn.width)
            .varint(4, drawn.height)
            .signed(5, drawn.left)
            .signed(6, drawn.top)
            .varint(7, drawn.advance);
        });
      }
    })
    .finish();
}

interface DrawnGlyph {
  bitmap: Uint8Array;
  width: number;
  height: number;
  left: number;
  /** The top of the glyph relative to the top of a line (baseline 24 pixels down). */
  top: number;
  advance: number;
}

function drawGlyph(face: Font, glyph: Glyph): DrawnGlyph {
  const advance = Math.round(((glyph.advanceWidth ?? 0) * FONT_SIZE) / face.unitsPerEm);
  const rings = outlineRings(glyph.getPath(0, 0, FONT_SIZE).commands);
  const points = rings.flat();
  if (points.length === 0)
    return { bitmap: new Uint8Array(0), width: 0, height: 0, left: 0, top: 0, advance };
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const left = Math.floor(Math.min(...xs));
  const topY = Math.floor(Math.min(...ys));
  const width = Math.ceil(Math.max(...xs)) - left;
  const height = Math.ceil(Math.max(...ys)) - topY;
  const columns = width + 2 * BUFFER;
  const rows = height + 2 * BUFFER;
  const bitmap = new Uint8Array(columns * rows);
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const point: Point = [left - BUFFER + column + 0.5, topY - BUFFER + row + 0.5];
      const distance = distanceToOutline(point, rings);
      const signed = isInside(point, rings) ? -distance : distance;
      const value = 255 - 255 * (signed / RADIUS + CUTOFF);
      bitmap[row * columns + column] = Math.max(0, Math.min(255, Math.round(value)));
    }
  }
  // The path has y growing downwards from the baseline; a line's top is 24 pixels above it.
  return { bitmap, width, height, left, top: -topY - FONT_SIZE, advance };
}

/** The outline as closed rings of points, curves cut into straight segments. */
function outlineRings(commands: PathCommand[]): Point[][] {
  const rings: Point[][] = [];
  let ring: Point[] = [];
  let at: Point = [0, 0];
  for (const command of commands) {
    if (command.type === "M") {
      if (ring.length > 1) rings.push(ring);
      at = [command.x, command.y];
      ring = [at];
    } else if (command.type === "L") {
      at = [command.x, command.y];
      ring.push(at);
    } else if (command.type === "Q") {
      const from = at;
      for (let step = 1; step <= CURVE_STEPS; step += 1) {
        const t = step / CURVE_STEPS;
        const u = 1 - t;
        ring.push([
          u * u * from[0] + 2 * u * t * command.x1 + t * t * command.x,
          u * u * from[1] + 2 * u * t * command.y1 + t * t * command.y,
        ]);
      }
      at = [command.x, command.y];
    } else if (command.type === "C") {
      const from = at;
      for (let step = 1; step <= CURVE_STEPS; step += 1) {
        const t = step / CURVE_STEPS;
        const u = 1 - t;
        ring.push([
          u ** 3 * from[0] +
            3 * u * u * t * command.x1 +
            3 * u * t * t * command.x2 +
            t ** 3 * command.x,
          u ** 3 * from[1] +
            3 * u * u * t * command.y1 +
            3 * u * t * t * command.y2 +
            t ** 3 * command.y,
        ]);
      }
      at = [command.x, command.y];
    } else if (command.type === "Z") {
      if (ring.length > 1) rings.push(ring);
      ring = [];
    }
  }
  if (ring.length > 1) rings.push(ring);
  return rings;
}

function distanceToOutline([px, py]: Point, rings: Point[][]): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i += 1) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[(i + 1) % ring.length];
      const dx = bx - ax;
      const dy = by - ay;
      const lengthSquared = dx * dx + dy * dy;
      const t =
        lengthSquared === 0
          ? 0
          : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
      const ex = ax + t * dx - px;
      const ey = ay + t * dy - py;
      best = Math.min(best, ex * ex + ey * ey);
    }
  }
  return Math.sqrt(best);
}

/** Non-zero winding: TrueType outlines wind their holes the other way. */
function isInside([px, py]: Point, rings: Point[][]): boolean {
  let winding = 0;
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i += 1) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[(i + 1) % ring.length];
      if (ay <= py) {
        if (by > py && cross(ax, ay, bx, by, px, py) > 0) winding += 1;
      } else if (by <= py && cross(ax, ay, bx, by, px, py) < 0) {
        winding -= 1;
      }
    }
  }
  return winding !== 0;
}

function cross(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  return (bx - ax) * (py - ay) - (px - ax) * (by - ay);
}

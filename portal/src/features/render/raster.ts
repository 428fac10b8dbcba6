import zlib from "node:zlib";

export type Rgba = [number, number, number, number];
type Point = [number, number];

/**
 * A small RGBA raster with the three things maps need: filled polygons (even-odd, so holes
 * stay empty), stroked lines and filled circles, blended over what is there, and PNG output.
 */
export class Raster {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgba = [0, 0, 0, 0],
  ) {
    this.pixels = new Uint8Array(width * height * 4);
    for (let index = 0; index < width * height; index += 1) this.pixels.set(background, index * 4);
  }

  /** Blends one pixel with source-over compositing. */
  blend(x: number, y: number, [r, g, b, a]: Rgba, coverage = 1): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const index = (y * this.width + x) * 4;
    const alpha = (a / 255) * coverage;
    const below = this.pixels[index + 3] / 255;
    const out = alpha + below * (1 - alpha);
    if (out === 0) return;
    const mix = (top: number, bottom: number): number =>
      Math.round((top * alpha + bottom * below * (1 - alpha)) / out);
    this.pixels[index] = mix(r, this.pixels[index]);
    this.pixels[index + 1] = mix(g, this.pixels[index + 1]);
    this.pixels[index + 2] = mix(b, this.pixels[index + 2]);
    this.pixels[index + 3] = Math.round(out * 255);
  }

  /** Fills the rings with the even-odd rule, sampling each pixel at its centre. */
  fillPolygon(rings: readonly (readonly Point[])[], color: Rgba): void {
    let top = Infinity;
    let bottom = -Infinity;
    for (const ring of rings)
      for (const [, y] of ring) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    const first = Math.max(0, Math.floor(top));
    const last = Math.min(this.height - 1, Math.ceil(bottom));
    for (let row = first; row <= last; row += 1) {
      const y = row + 0.5;
      const crossings: number[] = [];
      for (const ring of rings) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
          const [x1, y1] = ring[j];
          const [x2, y2] = ring[i];
          if (y1 > y !== y2 > y) crossings.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
        }
      }
      crossings.sort((a, b) => a - b);
      for (let k = 0; k + 1 < crossings.length; k += 2) {
        const from = Math.max(0, Math.ceil(crossings[k] - 0.5));
        const to = Math.min(this.width - 1, Math.floor(crossings[k + 1] - 0.5));
        for (let x = from; x <= to; x += 1) this.blend(x, row, color);
      }
    }
  }

  /** Strokes a path `width` pixels wide: every pixel whose centre is near enough a segment. */
  strokePath(path: readonly Point[], color: Rgba, width: number): void {
    const half = Math.max(0.5, width / 2);
    for (let index = 1; index < path.length; index += 1) {
      const [x1, y1] = path[index - 1];
      const [x2, y2] = path[index];
      const minX = Math.max(0, Math.floor(Math.min(x1, x2) - half));
      const maxX = Math.min(this.width - 1, Math.ceil(Math.max(x1, x2) + half));
      const minY = Math.max(0, Math.floor(Math.min(y1, y2) - half));
      const maxY = Math.min(this.height - 1, Math.ceil(Math.max(y1, y2) + half));
      for (let y = minY; y <= maxY; y += 1) {
        for (let x = minX; x <= maxX; x += 1) {
          const distance = distanceToSegment(x + 0.5, y + 0.5, x1, y1, x2, y2);
          if (distance <= half) this.setIfFainter(x, y, color);
        }
      }
    }
  }

  fillCircle(cx: number, cy: number, radius: number, color: Rgba): void {
    for (let y = Math.floor(cy - radius); y <= Math.ceil(cy + radius); y += 1) {
      for (let x = Math.floor(cx - radius); x <= Math.ceil(cx + radius); x += 1) {
        if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= radius * radius) this.blend(x, y, color);
      }
    }
  }

  /** Overlapping segments of one stroke must not darken their joints. */
  private setIfFainter(x: number, y: number, color: Rgba): void {
    const index = (y * this.width + x) * 4;
    const same =
      this.pixels[index] === color[0] &&
      this.pixels[index + 1] === color[1] &&
      this.pixels[index + 2] === color[2];
    if (!same || this.pixels[index + 3] < color[3]) this.blend(x, y, color);
  }

  /** The raster as a PNG file (8-bit RGBA, no interlace). */
  toPng(): Buffer {
    const rows = Buffer.alloc((this.width * 4 + 1) * this.height);
    for (let y = 0; y < this.height; y += 1) {
      rows[y * (this.width * 4 + 1)] = 0;
      Buffer.from(
        this.pixels.buffer,
        this.pixels.byteOffset + y * this.width * 4,
        this.width * 4,
      ).copy(rows, y * (this.width * 4 + 1) + 1);
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header[8] = 8;
    header[9] = 6;
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", zlib.deflateSync(rows)),
      chunk("IEND", Buffer.alloc(0)),
    ]);
  }
}

function distanceToSegment(
  px: number,
  py: number,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / length));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([length, body, crc]);
}

// Cuts polygons at the antimeridian. Natural Earth rings that cross ±180° jump from one side
// to the other; drawn as they are, they smear a band across the whole map. Each ring is
// unwrapped into continuous longitudes (a ring around a pole is closed along the pole),
// clipped against the 360° windows it touches, and every piece is shifted back into -180…180.

export type Ring = [number, number][];

const WORLD_WEST = -180;
const WORLD_EAST = 180;

/** Longitudes made continuous: a step of more than 180° is taken the short way round. */
export function unwrapRing(ring: Ring): Ring {
  if (ring.length === 0) return [];
  const result: Ring = [[ring[0][0], ring[0][1]]];
  for (let i = 1; i < ring.length; i += 1) {
    const previous = result[i - 1][0];
    let lon = ring[i][0];
    while (lon - previous > 180) lon -= 360;
    while (lon - previous < -180) lon += 360;
    result.push([lon, ring[i][1]]);
  }
  return result;
}

/**
 * A ring that winds once around a pole ends 360° from where it started once unwrapped; it is
 * closed by going along the nearer pole.
 */
function closeAroundPole(ring: Ring): Ring {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (Math.abs(last[0] - first[0]) < 180) return ring;
  const meanLat = ring.reduce((sum, point) => sum + point[1], 0) / ring.length;
  const pole = meanLat < 0 ? -90 : 90;
  return [...ring, [last[0], pole], [first[0], pole], [first[0], first[1]]];
}

/** Sutherland–Hodgman against one vertical half-plane: keep x >= bound (or <= bound). */
function clipHalfPlane(ring: Ring, bound: number, keepEast: boolean): Ring {
  const inside = (p: [number, number]): boolean => (keepEast ? p[0] >= bound : p[0] <= bound);
  const output: Ring = [];
  for (let i = 0; i < ring.length; i += 1) {
    const current = ring[i];
    const previous = ring[(i + ring.length - 1) % ring.length];
    const crossing = (): [number, number] => {
      const t = (bound - previous[0]) / (current[0] - previous[0]);
      return [bound, previous[1] + t * (current[1] - previous[1])];
    };
    if (inside(current)) {
      if (!inside(previous)) output.push(crossing());
      output.push(current);
    } else if (inside(previous)) {
      output.push(crossing());
    }
  }
  return output;
}

function closeRing(ring: Ring): Ring {
  if (ring.length === 0) return ring;
  const [first, last] = [ring[0], ring[ring.length - 1]];
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, [first[0], first[1]]];
}

/** The pieces of one ring inside -180…180, as closed rings. */
export function cutRingAtAntimeridian(ring: Ring): Ring[] {
  const unwrapped = closeAroundPole(unwrapRing(ring));
  const lons = unwrapped.map((point) => point[0]);
  const west = Math.min(...lons);
  const east = Math.max(...lons);
  if (west >= WORLD_WEST && east <= WORLD_EAST) return [closeRing(unwrapped)];
  const pieces: Ring[] = [];
  const firstWindow = Math.floor((west - WORLD_WEST) / 360);
  const lastWindow = Math.floor((east - WORLD_WEST) / 360);
  for (let window = firstWindow; window <= lastWindow; window += 1) {
    const shift = window * 360;
    let piece = clipHalfPlane(unwrapped, WORLD_WEST + shift, true);
    piece = clipHalfPlane(piece, WORLD_EAST + shift, false);
    if (piece.length >= 3) {
      pieces.push(closeRing(piece.map(([lon, lat]) => [lon - shift, lat] as [number, number])));
    }
  }
  return pieces;
}

/**
 * A polygon (outer ring first, then holes) cut into polygons that stay within -180…180.
 * Holes are cut the same way and kept with the piece they fall in.
 */
export function cutPolygonAtAntimeridian(polygon: Ring[]): Ring[][] {
  const [outer, ...holes] = polygon;
  if (!outer) return [];
  const outers = cutRingAtAntimeridian(outer);
  const holePieces = holes.flatMap(cutRingAtAntimeridian);
  if (outers.length === 1) return [[outers[0], ...holePieces]];
  return outers.map((piece) => {
    const [west, east] = lonRange(piece);
    return [piece, ...holePieces.filter((hole) => within(lonRange(hole), west, east))];
  });
}

function lonRange(ring: Ring): [number, number] {
  const lons = ring.map((point) => point[0]);
  return [Math.min(...lons), Math.max(...lons)];
}

function within([west, east]: [number, number], min: number, max: number): boolean {
  return west >= min && east <= max;
}

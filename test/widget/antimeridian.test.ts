// The offline basemap's geometry: polygons cut at the antimeridian, on hand-made rings and on
// the Natural Earth data the extension ships.
import landTopology from "world-atlas/land-110m.json";
import countriesTopology from "world-atlas/countries-110m.json";
import type { Topology } from "topojson-specification";
import {
  cutPolygonAtAntimeridian,
  cutRingAtAntimeridian,
  unwrapRing,
  type Ring,
} from "../../widget/src/basemap/antimeridian";
import { offlineWorld } from "../../widget/src/basemap/natural-earth";

function area(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i += 1) {
    sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return Math.abs(sum) / 2;
}

function longestLongitudeStep(ring: Ring): number {
  let longest = 0;
  for (let i = 1; i < ring.length; i += 1) {
    longest = Math.max(longest, Math.abs(ring[i][0] - ring[i - 1][0]));
  }
  return longest;
}

describe("cutting polygons at the antimeridian", () => {
  it("leaves a ring that does not cross it as it is", () => {
    const ring: Ring = [
      [10, 10],
      [20, 10],
      [20, 20],
      [10, 20],
      [10, 10],
    ];
    expect(cutRingAtAntimeridian(ring)).toEqual([ring]);
  });

  it("cuts a ring that crosses it into an eastern and a western piece of the same total area", () => {
    // 4° wide, from 178°E across the antimeridian to 178°W, stored with the jump.
    const ring: Ring = [
      [178, -10],
      [-178, -10],
      [-178, -14],
      [178, -14],
      [178, -10],
    ];
    const pieces = cutRingAtAntimeridian(ring);
    expect(pieces).toHaveLength(2);
    const [east, west] = [...pieces].sort((a, b) => b[0][0] - a[0][0]);
    expect(Math.min(...east.map((p) => p[0]))).toBeCloseTo(178);
    expect(Math.max(...east.map((p) => p[0]))).toBeCloseTo(180);
    expect(Math.min(...west.map((p) => p[0]))).toBeCloseTo(-180);
    expect(Math.max(...west.map((p) => p[0]))).toBeCloseTo(-178);
    expect(area(east) + area(west)).toBeCloseTo(16);
    for (const piece of pieces) {
      expect(piece[0]).toEqual(piece[piece.length - 1]);
      expect(longestLongitudeStep(piece)).toBeLessThan(180);
    }
  });

  it("closes a ring around the south pole along the pole", () => {
    const ring: Ring = [
      [-180, -70],
      [-90, -72],
      [0, -70],
      [90, -68],
      [180, -70],
    ];
    const [piece, ...rest] = cutRingAtAntimeridian(ring);
    expect(rest).toEqual([]);
    expect(piece.some(([, lat]) => lat === -90)).toBe(true);
    expect(longestLongitudeStep(piece)).toBeLessThanOrEqual(360);
    expect(Math.min(...piece.map((p) => p[0]))).toBeGreaterThanOrEqual(-180);
    expect(Math.max(...piece.map((p) => p[0]))).toBeLessThanOrEqual(180);
  });

  it("unwraps longitudes so that no step is longer than half the world", () => {
    expect(
      unwrapRing([
        [179, 0],
        [-179, 0],
        [-179, 1],
      ]),
    ).toEqual([
      [179, 0],
      [181, 0],
      [181, 1],
    ]);
  });

  it("keeps holes with the piece they lie in", () => {
    const outer: Ring = [
      [170, 0],
      [-170, 0],
      [-170, 10],
      [170, 10],
      [170, 0],
    ];
    const hole: Ring = [
      [172, 2],
      [174, 2],
      [174, 4],
      [172, 4],
      [172, 2],
    ];
    const polygons = cutPolygonAtAntimeridian([outer, hole]);
    expect(polygons).toHaveLength(2);
    const withHole = polygons.filter((rings) => rings.length === 2);
    expect(withHole).toHaveLength(1);
    expect(Math.min(...withHole[0][0].map((p) => p[0]))).toBeCloseTo(170);
  });

  it("gives Natural Earth land in -180…180 with no ring smeared across the map", () => {
    const world = offlineWorld(
      landTopology as unknown as Topology,
      countriesTopology as unknown as Topology,
    );
    expect(world.land.length).toBeGreaterThan(100);
    expect(world.borders.length).toBeGreaterThan(100);
    for (const polygon of world.land) {
      for (const ring of polygon) {
        for (const [lon, lat] of ring) {
          expect(lon).toBeGreaterThanOrEqual(-180);
          expect(lon).toBeLessThanOrEqual(180);
          expect(lat).toBeGreaterThanOrEqual(-90);
        }
        // Pole-closing edges run along the pole; every other edge is short.
        const steps = ring.slice(1).map((p, i) => ({
          span: Math.abs(p[0] - ring[i][0]),
          alongPole: Math.abs(p[1]) === 90 && Math.abs(ring[i][1]) === 90,
        }));
        expect(steps.filter((s) => !s.alongPole && s.span > 180)).toEqual([]);
      }
    }
  });
});

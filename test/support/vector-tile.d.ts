// The parts of the Mapbox vector tile reader and its protobuf reader that the basemap tests
// use to read what the portal serves (neither ships types).
declare module "pbf" {
  export default class Pbf {
    constructor(buffer: Uint8Array);
    pos: number;
    readFields<T>(read: (tag: number, result: T, pbf: Pbf) => void, result: T, end?: number): T;
    readVarint(): number;
    readSVarint(): number;
    readString(): string;
    readBytes(): Uint8Array;
    readMessage<T>(read: (tag: number, result: T, pbf: Pbf) => void, result: T): T;
  }
}

declare module "@mapbox/vector-tile" {
  import type Pbf from "pbf";
  export class VectorTileFeature {
    type: 1 | 2 | 3;
    properties: Record<string, string | number | boolean>;
    loadGeometry(): { x: number; y: number }[][];
  }
  export class VectorTileLayer {
    extent: number;
    length: number;
    feature(index: number): VectorTileFeature;
  }
  export class VectorTile {
    constructor(pbf: Pbf);
    layers: Record<string, VectorTileLayer>;
  }
}

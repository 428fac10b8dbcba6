import { types } from "node:util";
import { ArcGISError, type GIS } from "tsgis";

/** True under `npm run test:long`, which runs the long variants of this folder. */
export const LONG = process.env.TSGIS_LONG_TESTS === "1";

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Throws unless `error` is the clear error a failed call must surface: an ArcGISError with the
 * server's code (503 or 429 here), or a network Error whose message names the URL.
 */
export function expectClearFailure(error: unknown): void {
  // Errors from Node's http module come from outside jest's realm, so instanceof cannot tell.
  expect(types.isNativeError(error)).toBe(true);
  if (error instanceof ArcGISError) {
    expect([429, 503]).toContain(error.code);
    expect(error.message.length).toBeGreaterThan(0);
  } else {
    expect(messageOf(error)).toMatch(/https?:\/\/127\.0\.0\.1:\d+\/sharing\/rest\//);
  }
}

/** Every item carrying `tag`, read back (reads are idempotent, so the client retries them). */
export async function itemsTagged(gis: GIS, tag: string): Promise<{ id: string; title: string }[]> {
  const items = await gis.content.search(`tags:${tag}`, { maxItems: -1 });
  return items.map((item) => ({ id: item.id, title: item.title ?? "" }));
}

/** Ids of the items shared with a group, read back through search. */
export async function idsInGroup(gis: GIS, groupId: string): Promise<string[]> {
  const items = await gis.content.search(`group:${groupId}`, { maxItems: -1 });
  return items.map((item) => item.id);
}

/**
 * Reads until two reads a second apart agree. A bulk call that fails rejects as soon as its
 * first batch fails while its other batches are still in flight, so the portal's state is only
 * final once they have landed.
 */
export async function settledRead<T>(read: () => Promise<T>, maxReads = 30): Promise<T> {
  let previous = JSON.stringify(await read());
  for (let count = 1; count < maxReads; count++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const value = await read();
    const text = JSON.stringify(value);
    if (text === previous) return value;
    previous = text;
  }
  throw new Error(`the portal's state kept changing over ${maxReads} reads`);
}

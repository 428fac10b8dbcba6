import { unzipSync } from "fflate";
import { ArcGISRequestError } from "../server/arcgis-error";

/**
 * How far an uploaded archive may inflate: at most 100 MB in all, and, beyond 1 MB, at most
 * 200 times its packed size (zip bombs pack zeros a thousandfold; real data rarely beats 20).
 */
export const ARCHIVE_LIMITS = {
  maxInflatedBytes: 100 * 1024 * 1024,
  maxRatio: 200,
  ratioFreeBytes: 1024 * 1024,
} as const;

export const archiveTooLarge = (): ArcGISRequestError =>
  new ArcGISRequestError(400, "The archive inflates beyond the size the portal accepts.", [
    `An archive may inflate to at most ${ARCHIVE_LIMITS.maxInflatedBytes} bytes and ${ARCHIVE_LIMITS.maxRatio} times its size.`,
  ]);

/** The most bytes an archive of `packedBytes` may inflate to. */
export function inflateBudget(packedBytes: number): number {
  return Math.min(
    ARCHIVE_LIMITS.maxInflatedBytes,
    Math.max(ARCHIVE_LIMITS.ratioFreeBytes, packedBytes * ARCHIVE_LIMITS.maxRatio),
  );
}

/**
 * fflate's unzip within the budget. Entries are inflated into buffers of their declared size, so
 * summing the declared sizes first bounds the memory even when an archive lies about them.
 */
export function unzipBounded(data: Buffer): Record<string, Uint8Array> {
  let remaining = inflateBudget(data.length);
  return unzipSync(new Uint8Array(data), {
    filter: (file) => {
      remaining -= file.originalSize;
      if (remaining < 0) throw archiveTooLarge();
      return true;
    },
  });
}

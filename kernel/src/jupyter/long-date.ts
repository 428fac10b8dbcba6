/** "December 23, 2016", as Python's cards write dates; null when the date is unknown. */
export function longDate(milliseconds: number | undefined): string | null {
  if (typeof milliseconds !== "number" || !Number.isFinite(milliseconds)) return null;
  return new Date(milliseconds).toLocaleDateString("en-US", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
}

import { normaliseName } from "./text-normalise";

const ENGLISH_REGIONS = new Intl.DisplayNames(["en"], { type: "region" });

/** Other ways people write some countries; Intl supplies the usual English name of every code. */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  usa: "US",
  "united states of america": "US",
  america: "US",
  uk: "GB",
  "great britain": "GB",
  britain: "GB",
  england: "GB",
  scotland: "GB",
  wales: "GB",
  "south korea": "KR",
  korea: "KR",
  "north korea": "KP",
  russia: "RU",
  "russian federation": "RU",
  "czech republic": "CZ",
  holland: "NL",
  "the netherlands": "NL",
  uae: "AE",
  "ivory coast": "CI",
  vietnam: "VN",
  "viet nam": "VN",
};

/** The English name of an ISO 3166-1 alpha-2 code, or the code itself when Intl lacks it. */
export function countryName(code: string): string {
  try {
    return ENGLISH_REGIONS.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Looks up countries by normalised name, alias or two-letter code. */
export class CountryIndex {
  private readonly byName = new Map<string, string>();

  constructor(codes: Iterable<string>) {
    for (const code of codes) {
      this.byName.set(normaliseName(countryName(code)), code);
      this.byName.set(code.toLowerCase(), code);
    }
    for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) this.byName.set(alias, code);
  }

  /** The code a piece of text names, if any ("Japan", "jp", "USA" → "JP", "JP", "US"). */
  codeOf(text: string): string | undefined {
    return this.byName.get(normaliseName(text));
  }
}

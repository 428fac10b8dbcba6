import { startPortal, type RunningPortal } from "@tsgis/portal";

export const ADMIN = { username: "feature-admin", password: "feature-admin-password-1" };
export const DEMO_PUBLISHER = { username: "publisher", password: "tsgis-publisher-1" };
export const DEMO_USER = { username: "user", password: "tsgis-user-1" };

export type Json = Record<string, unknown> & {
  error?: { code: number; message: string; details: string[] };
};

/** A demo portal plus a form-posting helper that speaks the REST conventions. */
export interface FeaturePortal {
  readonly portal: RunningPortal;
  call(path: string, params?: Record<string, unknown>, token?: string): Promise<Json>;
  token(user: { username: string; password: string }): Promise<string>;
}

export async function startFeaturePortal(): Promise<FeaturePortal> {
  const portal = await startPortal({ port: 0, admin: ADMIN, demo: true });
  const call = async (
    path: string,
    params: Record<string, unknown> = {},
    token?: string,
  ): Promise<Json> => {
    const body = new URLSearchParams({ f: "json" });
    for (const [key, value] of Object.entries(params)) {
      body.set(key, typeof value === "string" ? value : JSON.stringify(value));
    }
    if (token) body.set("token", token);
    const url = path.startsWith("http") ? path : `${portal.url}${path}`;
    const response = await fetch(url, { method: "POST", body });
    return (await response.json()) as Json;
  };
  const token = async (user: { username: string; password: string }): Promise<string> => {
    const answer = await call("/sharing/rest/generateToken", { ...user, client: "requestip" });
    return answer.token as string;
  };
  return { portal, call, token };
}

/** Cities as points in WGS 84, enough to tell filters and paging apart. */
export const CITIES = [
  { name: "Paris", country: "FR", population: 2138551, founded: -250, lon: 2.3488, lat: 48.85341 },
  { name: "Lyon", country: "FR", population: 472317, founded: -43, lon: 4.84671, lat: 45.74846 },
  {
    name: "Berlin",
    country: "DE",
    population: 3426354,
    founded: 1237,
    lon: 13.41053,
    lat: 52.52437,
  },
  {
    name: "Munich",
    country: "DE",
    population: 1260391,
    founded: 1158,
    lon: 11.57549,
    lat: 48.13743,
  },
  { name: "Madrid", country: "ES", population: 3255944, founded: 852, lon: -3.70256, lat: 40.4165 },
  {
    name: "Tokyo",
    country: "JP",
    population: 8336599,
    founded: 1457,
    lon: 139.69171,
    lat: 35.6895,
  },
  {
    name: "O'Fallon",
    country: "US",
    population: 79329,
    founded: 1856,
    lon: -90.69985,
    lat: 38.81061,
  },
];

export const CITY_FIELDS = [
  { name: "name", type: "esriFieldTypeString", alias: "Name", length: 100 },
  { name: "country", type: "esriFieldTypeString", alias: "Country", length: 2 },
  { name: "population", type: "esriFieldTypeInteger", alias: "Population" },
  { name: "founded", type: "esriFieldTypeInteger", alias: "Founded" },
];

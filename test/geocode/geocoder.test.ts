import http from "node:http";
import { startPortal, type RunningPortal } from "@tsgis/portal";
import {
  ArcGISError,
  batchGeocode,
  geocode,
  GIS,
  getGeocoders,
  reverseGeocode,
  suggest,
} from "tsgis";

const ADMIN = { username: "geo-admin", password: "geo-admin-password-1" };

describe("the World GeocodeServer and the geocoding helpers", () => {
  let portal: RunningPortal;
  let gis: GIS;
  let anonymous: GIS;

  beforeAll(async () => {
    portal = await startPortal({ port: 0, admin: ADMIN });
    gis = await GIS.connect({ url: portal.url, ...ADMIN, setActive: false });
    anonymous = await GIS.connect({ url: portal.url, setActive: false });
  });

  afterAll(async () => {
    gis.close();
    anonymous.close();
    await portal.close();
  });

  it("is listed in portals/self helperServices.geocode with this portal's own URL", () => {
    const [geocoder] = getGeocoders(gis);
    expect(geocoder.url).toBe(`${portal.url}/rest/services/World/GeocodeServer`);
    expect(geocoder.info).toMatchObject({ batch: true, suggest: true, placefinding: true });
  });

  it("addresses the geocoder the way the caller reached the portal", async () => {
    const self = await new Promise<{ helperServices: { geocode: { url: string }[] } }>(
      (resolve, reject) => {
        const request = http.get(
          `${portal.url}/sharing/rest/portals/self?f=json`,
          { headers: { host: "gis.example.test:8443" } },
          (response) => {
            let body = "";
            response.on("data", (chunk: Buffer) => (body += chunk.toString()));
            response.on("end", () => resolve(JSON.parse(body) as never));
          },
        );
        request.on("error", reject);
      },
    );
    expect(self.helperServices.geocode[0].url).toBe(
      "http://gis.example.test:8443/rest/services/World/GeocodeServer",
    );
  });

  it("finds Palm Springs in California, not Florida", async () => {
    const [best] = await geocode("Palm Springs, CA", { gis });
    expect(best.attributes).toMatchObject({
      City: "Palm Springs",
      RegionAbbr: "CA",
      Country: "US",
    });
    expect(best.score).toBe(100);
    expect(best.location.x).toBeCloseTo(-116.55, 1);
    expect(best.location.y).toBeCloseTo(33.83, 1);
    expect(best.extent!.xmin).toBeLessThan(best.location.x);
    expect(best.extent!.ymax).toBeGreaterThan(best.location.y);
  });

  it("finds Paris, France first and Tokyo, Japan", async () => {
    const paris = await geocode("Paris", { gis, maxLocations: 3, outFields: ["Country", "City"] });
    expect(paris).toHaveLength(3);
    expect(paris[0].attributes).toEqual({ Country: "FR", City: "Paris" });
    expect(paris[0].location.x).toBeCloseTo(2.35, 1);
    const [tokyo] = await geocode("Tokyo, Japan", { gis });
    expect(tokyo.attributes).toMatchObject({ City: "Tokyo", Country: "JP" });
    expect(tokyo.location.y).toBeCloseTo(35.69, 1);
  });

  it("finds places by the short names people type", async () => {
    const [newYork] = await geocode("New York, NY", { gis });
    expect(newYork.attributes).toMatchObject({ City: "New York City", RegionAbbr: "NY" });
    const [washington] = await geocode("Washington, DC", { gis });
    expect(washington.attributes).toMatchObject({ Country: "US", RegionAbbr: "DC" });
    expect(washington.location.x).toBeCloseTo(-77.04, 1);
  });

  it("biases towards the location given", async () => {
    const [nearTexas] = await geocode("Paris", { gis, location: [-95.5, 33.7] });
    expect(nearTexas.attributes).toMatchObject({ Country: "US", RegionAbbr: "TX" });
  });

  it("finds countries and reads a street address at town level", async () => {
    const [japan] = await geocode("Japan", { gis });
    expect(japan.attributes).toMatchObject({ Addr_type: "Country", Country: "JP" });
    const [redlands] = await geocode("380 New York St, Redlands, CA 92373", { gis });
    expect(redlands.attributes).toMatchObject({ City: "Redlands", RegionAbbr: "CA" });
    expect(redlands.score).toBeLessThan(100);
  });

  it("returns Web Mercator coordinates when asked", async () => {
    const [paris] = await geocode("Paris, France", { gis, outSr: 102100 });
    expect(paris.location.x).toBeCloseTo(261_700, -3);
    expect(paris.location.y).toBeCloseTo(6_250_000, -4);
  });

  it("answers no match with an empty list", async () => {
    expect(await geocode("Xqzzyplorf Qwrtvbn", { gis })).toEqual([]);
    expect(await geocode("Palm Springs, Japan", { gis })).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ score: 100 })]),
    );
  });

  it("suggests places and resolves a suggestion's magic key", async () => {
    const { suggestions } = await suggest("Palm Spr", { gis, maxSuggestions: 3 });
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    const california = suggestions.find(
      (entry) => entry.text === "Palm Springs, CA, United States",
    );
    expect(california).toBeDefined();
    const [place] = await geocode(california!.text, { gis, magicKey: california!.magicKey });
    expect(place.attributes).toMatchObject({ City: "Palm Springs", RegionAbbr: "CA" });
  });

  it("reverse geocodes a point to the nearest town, in either spatial reference", async () => {
    const { address, location } = await reverseGeocode([139.69, 35.69], { gis });
    expect(address.City).toBe("Tokyo");
    expect(location.spatialReference).toEqual({ wkid: 4326, latestWkid: 4326 });
    const mercator = await reverseGeocode(
      { x: 261_700, y: 6_250_000, spatialReference: { wkid: 102100 } },
      { gis, outSr: 3857 },
    );
    expect(mercator.address.CountryCode).toBe("FR");
    expect(mercator.location.spatialReference).toEqual({ wkid: 102100, latestWkid: 3857 });
  });

  it("reports a point far from any town as an error, as the real service does", async () => {
    const failure = await reverseGeocode([-140, -50], { gis }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ArcGISError);
    expect((failure as ArcGISError).details).toContain(
      "Unable to find address for the specified location.",
    );
  });

  it("batch geocodes in order, marking unmatched addresses", async () => {
    const results = await batchGeocode(
      ["Tokyo, Japan", { City: "Palm Springs", Region: "CA" }, "Nowhere At Allzzz"],
      { gis },
    );
    expect(results.map((result) => result.attributes.Status)).toEqual(["M", "M", "U"]);
    expect(results[0].attributes.Match_addr).toBe("Tokyo, Japan");
    expect(results[1].location.x).toBeCloseTo(-116.55, 1);
    expect(results[2].score).toBe(0);
  });

  it("refuses batch geocoding to anonymous callers", async () => {
    const failure = await batchGeocode(["Paris"], { gis: anonymous }).catch((error) => error);
    expect(failure).toBeInstanceOf(ArcGISError);
    expect((failure as ArcGISError).code).toBe(499);
  });

  it("rejects bad arguments before sending anything", async () => {
    await expect(geocode("", { gis })).rejects.toThrow(/address/);
    await expect(geocode("Paris", { gis, maxLocations: 0 })).rejects.toThrow(/maxLocations/);
    await expect(suggest("  ", { gis })).rejects.toThrow(/text/);
    await expect(reverseGeocode([1, 2, 3] as unknown as [number, number], { gis })).rejects.toThrow(
      /location/,
    );
  });

  it("answers bad parameters in the ArcGIS error format", async () => {
    const base = `${portal.url}/rest/services/World/GeocodeServer`;
    const response = await fetch(
      `${base}/findAddressCandidates?SingleLine=Paris&outSR=2154&f=json`,
    );
    const body = (await response.json()) as { error?: { code: number; message: string } };
    expect(body.error?.code).toBe(400);
    expect(body.error?.message).toMatch(/outSR/);
    const info = (await (await fetch(`${base}?f=json`)).json()) as Record<string, unknown>;
    expect(info.singleLineAddressField).toMatchObject({ name: "SingleLine" });
    expect(info.capabilities).toBe("Geocode,ReverseGeocode,Suggest");
  });
});

import { Access } from "../security/access";
import type { FastifyInstance } from "fastify";
import { projectPoint, spatialReferenceJson } from "../features/projection";
import { type GeocodeMatch, matchAddress } from "../geocode/address-matcher";
import {
  CANDIDATE_FIELDS,
  candidateJson,
  pickFields,
  placeAddress,
} from "../geocode/candidate-json";
import { gazetteer } from "../geocode/gazetteer";
import {
  addressText,
  readCountryCodes,
  readFieldList,
  readOutSpatialReference,
  readPoint,
} from "../geocode/geocode-params";
import { matchOfMagicKey, suggest } from "../geocode/suggestions";
import { ArcGISRequestError, invalidParameter, tokenRequired } from "../server/arcgis-error";
import { optionalInteger, optionalString } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";
import { CURRENT_VERSION } from "../version";

const BASE = "/rest/services/World/GeocodeServer";
const MAX_LOCATIONS = 50;
const MAX_SUGGESTIONS = 15;
const MAX_BATCH = 1000;
const DEFAULT_REVERSE_DISTANCE_METERS = 50_000;
const MAX_REVERSE_DISTANCE_METERS = 1_000_000;
const BATCH_DEFAULT_FIELDS = ["Loc_name", "Status", "Score", "Match_addr", "Addr_type"];
const ADDRESS_FIELDS = [
  "Address",
  "Address2",
  "Neighborhood",
  "City",
  "Subregion",
  "Region",
  "Postal",
  "CountryCode",
];

/** The World GeocodeServer over the embedded gazetteer (`/rest/services/World/GeocodeServer`). */
export function registerGeocodeServerRoutes(app: FastifyInstance, _context: PortalServices): void {
  const methods: ("GET" | "POST")[] = ["GET", "POST"];

  app.route({
    method: methods,
    url: BASE,
    config: { access: Access.anyone },
    handler: async () => serviceInfo(),
  });

  app.route({
    method: methods,
    url: `${BASE}/findAddressCandidates`,
    config: { access: Access.anyone },
    handler: async (request) => {
      const params = stateOf(request).params.values;
      const places = gazetteer();
      const outFields = readFieldList(params, "outFields");
      const maxLocations =
        optionalInteger(params, "maxLocations", { min: 1, max: MAX_LOCATIONS }) ?? MAX_LOCATIONS;
      const outSR = readOutSpatialReference(params);
      const near = readPoint(params, "location");
      const countryCodes = readCountryCodes(params, (text) => places.countries.codeOf(text));
      const magicKey = optionalString(params, "magicKey");
      const keyed = magicKey ? matchOfMagicKey(places, magicKey) : undefined;
      const matches: GeocodeMatch[] = keyed
        ? [keyed]
        : matchAddress(places, addressText(params), { near, countryCodes });
      return {
        spatialReference: spatialReferenceJson(outSR),
        candidates: matches
          .slice(0, maxLocations)
          .map((match) => candidateJson(places, match, outFields, outSR)),
      };
    },
  });

  app.route({
    method: methods,
    url: `${BASE}/suggest`,
    config: { access: Access.anyone },
    handler: async (request) => {
      const params = stateOf(request).params.values;
      const text = optionalString(params, "text");
      if (text === undefined) throw invalidParameter("text", "is required.");
      const places = gazetteer();
      const limit =
        optionalInteger(params, "maxSuggestions", { min: 1, max: MAX_SUGGESTIONS }) ?? 5;
      const countryCodes = readCountryCodes(params, (value) => places.countries.codeOf(value));
      return { suggestions: suggest(places, text, limit, countryCodes) };
    },
  });

  app.route({
    method: methods,
    url: `${BASE}/reverseGeocode`,
    config: { access: Access.anyone },
    handler: async (request) => {
      const params = stateOf(request).params.values;
      const point = readPoint(params, "location");
      if (!point) throw invalidParameter("location", "is required.");
      const distance =
        optionalInteger(params, "distance", { min: 0, max: MAX_REVERSE_DISTANCE_METERS }) ??
        DEFAULT_REVERSE_DISTANCE_METERS;
      const outSR = readOutSpatialReference(params);
      const places = gazetteer();
      const place = places.nearest(point.lon, point.lat, distance);
      if (!place) {
        throw new ArcGISRequestError(400, "Cannot perform query. Invalid query parameters.", [
          "Unable to find address for the specified location.",
        ]);
      }
      const [x, y] = projectPoint(place.lon, place.lat, 4326, outSR);
      const address = placeAddress(places, place);
      const fields = [...ADDRESS_FIELDS, ...Object.keys(address)].filter(
        (field) =>
          ![
            "X",
            "Y",
            "Xmin",
            "Xmax",
            "Ymin",
            "Ymax",
            "DisplayX",
            "DisplayY",
            "Score",
            "Status",
            "Rank",
          ].includes(field),
      );
      return {
        address: {
          ...pickFields(address, fields),
          City: place.name,
          CountryCode: place.countryCode,
        },
        location: { x, y, spatialReference: spatialReferenceJson(outSR) },
      };
    },
  });

  app.route({
    method: methods,
    url: `${BASE}/geocodeAddresses`,
    config: { access: Access.privilege("premium:user:geocode") },
    handler: async (request) => {
      const { params: requestParams, user } = stateOf(request);
      // As on ArcGIS Online, batch geocoding is for signed-in users only.
      if (!user) throw tokenRequired();
      const params = requestParams.values;
      const records = readBatchRecords(params);
      const outFields = readFieldList(params, "outFields");
      const fields = outFields.length > 0 ? outFields : BATCH_DEFAULT_FIELDS;
      const outSR = readOutSpatialReference(params);
      const places = gazetteer();
      const countryCodes = readCountryCodes(params, (text) => places.countries.codeOf(text));
      const locations = records.map(({ id, fields: addressFields }) => {
        const [best] = matchAddress(places, addressText(addressFields), { countryCodes });
        if (!best) return unmatchedLocation(id);
        const candidate = candidateJson(places, best, ["*"], outSR);
        return {
          address: candidate.address,
          location: candidate.location,
          score: candidate.score,
          attributes: { ResultID: id, ...pickFields(candidate.attributes, fields) },
        };
      });
      return { spatialReference: spatialReferenceJson(outSR), locations };
    },
  });
}

function readBatchRecords(
  params: Record<string, string>,
): { id: unknown; fields: Record<string, unknown> }[] {
  const text = optionalString(params, "addresses");
  if (text === undefined) throw invalidParameter("addresses", "is required.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidParameter("addresses", "is not valid JSON.");
  }
  const records = (parsed as { records?: unknown } | null)?.records;
  if (!Array.isArray(records)) {
    throw invalidParameter("addresses", 'must be {"records": [{"attributes": {...}}]}.');
  }
  if (records.length > MAX_BATCH) {
    throw invalidParameter("addresses", `holds more than ${MAX_BATCH} records.`);
  }
  return records.map((record: unknown, index) => {
    const attributes = (record as { attributes?: unknown } | null)?.attributes;
    if (!attributes || typeof attributes !== "object") {
      throw invalidParameter("addresses", `record ${index} has no attributes object.`);
    }
    const fields = attributes as Record<string, unknown>;
    return { id: fields.OBJECTID ?? fields.ObjectID ?? index + 1, fields };
  });
}

function unmatchedLocation(id: unknown): Record<string, unknown> {
  return {
    address: "",
    location: { x: "NaN", y: "NaN" },
    score: 0,
    attributes: {
      ResultID: id,
      Loc_name: "",
      Status: "U",
      Score: 0,
      Match_addr: "",
      Addr_type: "",
    },
  };
}

function serviceInfo(): Record<string, unknown> {
  const stringField = (name: string, alias: string, length = 100): Record<string, unknown> => ({
    name,
    type: "esriFieldTypeString",
    alias,
    required: false,
    length,
  });
  return {
    currentVersion: Number(CURRENT_VERSION) || CURRENT_VERSION,
    serviceDescription:
      "World geocoder of the tsgis portal: towns of 1,000 people or more (GeoNames) and countries.",
    addressFields: ADDRESS_FIELDS.map((name) => stringField(name, name)),
    categories: [{ name: "Populated Place", categories: [{ name: "City" }] }],
    singleLineAddressField: stringField("SingleLine", "Single Line Input", 200),
    candidateFields: CANDIDATE_FIELDS.map((name) =>
      ["Score", "X", "Y", "DisplayX", "DisplayY", "Xmin", "Xmax", "Ymin", "Ymax"].includes(name)
        ? { name, type: "esriFieldTypeDouble", alias: name, required: false }
        : stringField(name, name),
    ),
    spatialReference: spatialReferenceJson(4326),
    locatorProperties: {
      UICLID: "tsgis",
      MaxBatchSize: MAX_BATCH,
      SuggestedBatchSize: 150,
      MaxResultSize: MAX_LOCATIONS,
      LoadBalancerTimeOut: 60,
      WriteXYCoordFields: "TRUE",
    },
    countries: [],
    capabilities: "Geocode,ReverseGeocode,Suggest",
  };
}

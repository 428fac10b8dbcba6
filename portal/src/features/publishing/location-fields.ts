import type { Table } from "./csv-table";

const LATITUDE = ["latitude", "lat", "y", "point_y", "ycoord", "y_coord", "lat_dd", "latitude_dd"];
const LONGITUDE = [
  "longitude",
  "long",
  "lon",
  "lng",
  "x",
  "point_x",
  "xcoord",
  "x_coord",
  "lon_dd",
  "longitude_dd",
];
const ADDRESS_ROLES: Readonly<Record<string, readonly string[]>> = {
  Address: ["address", "street", "street_address", "addr", "address1", "address_line_1"],
  City: ["city", "town", "municipality", "locality", "place"],
  Region: ["state", "region", "province", "st", "state_code"],
  Postal: ["zip", "zipcode", "zip_code", "postal", "postcode", "postal_code"],
  CountryCode: ["country", "country_code", "countrycode", "nation"],
};
const SINGLE_LINE = ["full_address", "fulladdress", "singleline", "location", "address"];

/** What a table's columns say about where its rows are. */
export type LocationFields =
  | { locationType: "coordinates"; latitudeFieldName: string; longitudeFieldName: string }
  | { locationType: "address"; addressFields: Record<string, string> }
  | { locationType: "none" };

/**
 * Finds the coordinate columns (by name, and only when their values are numbers in range), or
 * else the address columns, as ArcGIS Online's analyze does.
 */
export function detectLocation(table: Table): LocationFields {
  const find = (candidates: readonly string[], range: number): string | undefined =>
    table.columns.find(
      (column, index) =>
        candidates.includes(column.toLowerCase()) &&
        table.rows.every((row) => {
          const value = row[index];
          if (value === null) return true;
          const number = Number(value);
          return Number.isFinite(number) && Math.abs(number) <= range;
        }),
    );
  const latitude = find(LATITUDE, 90);
  const longitude = find(LONGITUDE, 180);
  if (latitude && longitude)
    return {
      locationType: "coordinates",
      latitudeFieldName: latitude,
      longitudeFieldName: longitude,
    };
  const addressFields: Record<string, string> = {};
  for (const [role, names] of Object.entries(ADDRESS_ROLES)) {
    const column = table.columns.find((name) => names.includes(name.toLowerCase()));
    if (column) addressFields[role] = column;
  }
  if (addressFields.Address || addressFields.City)
    return { locationType: "address", addressFields };
  const single = table.columns.find((name) => SINGLE_LINE.includes(name.toLowerCase()));
  if (single) return { locationType: "address", addressFields: { SingleLine: single } };
  return { locationType: "none" };
}

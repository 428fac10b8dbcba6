// The relationship types between items (ArcGIS REST "Relationship types"), as the Sharing API
// names them: what Item.addRelationship, deleteRelationship and relatedItems accept.
import { describe } from "../arguments";

export const RELATIONSHIP_TYPES = [
  "Map2Service",
  "WMA2Code",
  "Map2FeatureCollection",
  "MobileApp2Code",
  "Service2Data",
  "Service2Service",
  "Map2AppConfig",
  "Item2Attachment",
  "Item2Report",
  "Listed2Provisioned",
  "Style2Style",
  "Service2Style",
  "Survey2Service",
  "Survey2Data",
  "Service2Route",
  "Area2Package",
  "Map2Area",
  "Service2Layer",
  "Area2CustomPackage",
  "TrackView2Map",
  "SurveyAddIn2Data",
  "WorkforceMap2FeatureService",
  "Theme2Story",
  "WebStyle2DesktopStyle",
  "Solution2Item",
  "APIKey2Item",
  "Mission2Item",
] as const;

export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** `value` when it is one of the relationship types, else a RangeError naming `relType`. */
export function relationshipType(value: unknown): RelationshipType {
  if (typeof value !== "string" || !RELATIONSHIP_TYPES.includes(value as RelationshipType)) {
    throw new RangeError(
      `relType: expected a relationship type such as Map2Service, got ${describe(value)}`,
    );
  }
  return value as RelationshipType;
}

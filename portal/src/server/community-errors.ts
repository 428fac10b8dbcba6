import { ArcGISRequestError } from "./arcgis-error";

/** Unknown and hidden groups look alike, so callers cannot probe for private groups. */
export const groupNotFound = (): ArcGISRequestError =>
  new ArcGISRequestError(400, "Group does not exist or is inaccessible.", [], "COM_0004");

export const userNotFound = (): ArcGISRequestError =>
  new ArcGISRequestError(400, "User not found", [], "COM_0003");

export const missingParameter = (name: string): ArcGISRequestError =>
  new ArcGISRequestError(400, `'${name}' must be specified.`, [`'${name}' must be specified.`]);

export const operationFailed = (message: string, messageCode?: string): ArcGISRequestError =>
  new ArcGISRequestError(400, message, [], messageCode);

/** The Sharing REST API version this portal reports (ArcGIS Online's numbering). */
export const CURRENT_VERSION = "2025.1";
export const FULL_VERSION = "2025.1.0";

// The Export Web Map Task of a print service (`helperServices.printTask`): MapView.print and
// Item.createThumbnail call it.
import type { Session } from "../session/session";

/** Parameters of Export Web Map: the map as Web Map JSON, the file format and the layout. */
export interface ExportWebMapParams {
  Web_Map_as_JSON: Record<string, unknown>;
  /** `PDF`, `PNG32`, `JPG` … */
  Format: string;
  /** A layout of the service, or `MAP_ONLY`. */
  Layout_Template: string;
}

/** What Export Web Map answers: the output file's URL in the first result. */
export interface ExportWebMapResponse {
  results?: { value?: { url?: string } }[];
}

/** REST: `{printTaskUrl}/execute` (Export Web Map Task). */
export async function exportWebMap(
  session: Session,
  printTaskUrl: string,
  params: ExportWebMapParams,
): Promise<ExportWebMapResponse> {
  return session.post<ExportWebMapResponse>(`${printTaskUrl}/execute`, { ...params });
}

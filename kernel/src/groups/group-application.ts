import { inspect } from "node:util";
import type { GIS } from "../gis";
import { requireString } from "../arguments";
import { answerGroupApplication } from "../rest/groups";

/** One application to join a group, as `community/groups/{id}/applications` lists it. */
export interface GroupApplicationJSON {
  username: string;
  fullName?: string;
  received?: number;
  comments?: string | null;
  [field: string]: unknown;
}

/**
 * A user's pending application to join a group; group managers accept or decline it.
 *
 * Python: `arcgis.gis.GroupApplication`.
 * @example
 * const [application] = await group.getApplications();
 * await application.accept();
 */
export class GroupApplication {
  private readonly url: string;
  private readonly json: GroupApplicationJSON | undefined;

  /**
   * Python: `GroupApplication(url, gis, **kwargs)`; the URL is the application's REST resource.
   * @example
   * new GroupApplication(`community/groups/${id}/applications/ana`, gis);
   */
  constructor(
    url: string,
    /**
     * The GIS the application belongs to. Python keeps it private as `GroupApplication._gis`.
     * @example
     * console.log(application.gis.url);
     */
    readonly gis: GIS,
    properties?: GroupApplicationJSON,
  ) {
    this.url = requireString(url, "url");
    this.json = properties ? { ...properties } : undefined;
  }

  /**
   * The application's details (username, fullName, received, comments).
   * Python: `GroupApplication.properties`.
   * @example
   * console.log(application.properties.username);
   */
  get properties(): GroupApplicationJSON {
    return { ...(this.json ?? { username: decodeURIComponent(this.url.split("/").pop() ?? "") }) };
  }

  /**
   * Adds the applicant to the group. Python: `GroupApplication.accept()`.
   * @example
   * await application.accept();
   */
  async accept(): Promise<boolean> {
    const result = await answerGroupApplication(this.gis.session, this.url, "accept");
    return result.success === true;
  }

  /**
   * Turns the application down. Python: `GroupApplication.decline()`.
   * @example
   * await application.decline();
   */
  async decline(): Promise<boolean> {
    const result = await answerGroupApplication(this.gis.session, this.url, "decline");
    return result.success === true;
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `GroupApplication.__repr__()`.
   * @example
   * console.log(util.inspect(application));
   */
  [inspect.custom](): string {
    return `<GroupApplication username:${this.json?.username ?? this.url.split("/").pop() ?? ""}>`;
  }
}

import type { GIS } from "../gis";
import type { User } from "./user";

/**
 * The users of the GIS. Python: `arcgis.gis.UserManager` (reached through `gis.users`).
 */
export class UserManager {
  constructor(
    protected readonly gis: GIS,
    private readonly signedInUser: User | null,
  ) {}

  /** The signed-in user, or null when the GIS is anonymous. Python: `UserManager.me`. */
  get me(): User | null {
    return this.signedInUser;
  }
}

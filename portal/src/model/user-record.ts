/** A user as the portal stores it, minus the password hash. */
export interface UserRecord {
  readonly username: string;
  readonly id: string;
  readonly orgId: string;
  readonly fullName: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly description: string | null;
  readonly tags: string[];
  readonly culture: string | null;
  readonly region: string | null;
  readonly units: string;
  readonly thumbnail: string | null;
  readonly access: "private" | "org" | "public";
  readonly role: string;
  readonly roleId: string;
  readonly privileges: string[];
  readonly userLicenseTypeId: string;
  readonly level: string;
  readonly provider: string;
  readonly disabled: boolean;
  /** Esri access: "arcgisonly" or "both" (also My Esri, training and forums). */
  readonly userType: string;
  readonly preferredView: string | null;
  /** Credits assigned to the user; -1 means no limit. */
  readonly assignedCredits: number;
  readonly lastLogin: number;
  readonly created: number;
  readonly modified: number;
}

/**
 * Full administrators only: the built-in Administrator role (whose id is its name). A custom
 * role that holds some admin privileges also reports `role: "org_admin"`, as on ArcGIS Online,
 * but gets only the operations its privileges name, never everything.
 */
export function isOrgAdmin(user: UserRecord | null): boolean {
  return user !== null && user.roleId === "org_admin";
}

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

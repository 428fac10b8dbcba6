import { LEVEL_ONE_PRIVILEGES } from "./role-catalogue";

/** A user type (licence) of the organisation and the privileges a holder's role may use. */
export interface LicenseType {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly level: "1" | "2";
  /** null: any privilege. */
  readonly allowedPrivileges: readonly string[] | null;
  readonly bundles: readonly { id: string; name: string }[];
}

const LICENSE_TYPES: readonly LicenseType[] = [
  {
    id: "creatorUT",
    name: "Creator",
    description: "Creates, shares and manages content, apps and analysis.",
    level: "2",
    allowedPrivileges: null,
    bundles: [
      { id: "fieldAppsBundle", name: "Field Apps Bundle" },
      { id: "officeAppsBundle", name: "Office Apps Bundle" },
    ],
  },
  {
    id: "editorUT",
    name: "Editor",
    description: "Views content and edits data.",
    level: "1",
    allowedPrivileges: [...LEVEL_ONE_PRIVILEGES, "features:user:edit"],
    bundles: [],
  },
  {
    id: "viewerUT",
    name: "Viewer",
    description: "Views content shared with them.",
    level: "1",
    allowedPrivileges: LEVEL_ONE_PRIVILEGES,
    bundles: [],
  },
];

export function licenseTypes(): readonly LicenseType[] {
  return LICENSE_TYPES;
}

export function licenseType(id: string): LicenseType | undefined {
  return LICENSE_TYPES.find((type) => type.id.toLowerCase() === id.toLowerCase());
}

/** Whether a member holding this licence may have a role with these privileges. */
export function licenseAllows(type: LicenseType, privileges: readonly string[]): boolean {
  const allowed = type.allowedPrivileges;
  return allowed === null || privileges.every((privilege) => allowed.includes(privilege));
}

export function licenseTypeJson(type: LicenseType): Record<string, unknown> {
  return {
    id: type.id,
    name: type.name,
    description: type.description,
    level: type.level,
    maxUsers: 10000,
    bundles: type.bundles,
  };
}

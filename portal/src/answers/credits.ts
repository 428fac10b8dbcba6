import type { PortalServices } from "../server/portal-services";
import type { OrganisationRecord } from "../store/organisation-store";

/** The credits an ArcGIS Online-flavoured organisation holds; nothing here consumes credits. */
export const ONLINE_CREDITS = 1000;

/**
 * `availableCredits`, `creditAssignments` and `defaultUserCreditAssignment` of portals/self:
 * an Enterprise-flavoured portal has no credits; an Online-flavoured one has its pool and the
 * budgeting administrators set through portals/self/update.
 */
export function creditProperties(
  context: PortalServices,
  organisation: OrganisationRecord,
): { availableCredits: number; creditAssignments: string; defaultUserCreditAssignment: number } {
  if (context.deployment !== "online") {
    return { availableCredits: 0, creditAssignments: "disabled", defaultUserCreditAssignment: -1 };
  }
  const { creditAssignments, defaultUserCreditAssignment } = organisation.properties;
  return {
    availableCredits: ONLINE_CREDITS,
    creditAssignments: creditAssignments === "enabled" ? "enabled" : "disabled",
    defaultUserCreditAssignment:
      typeof defaultUserCreditAssignment === "number" ? defaultUserCreditAssignment : -1,
  };
}

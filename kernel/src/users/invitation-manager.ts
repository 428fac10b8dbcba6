import { inspect } from "node:util";
import { ArcGISError } from "../errors";
import type { GIS } from "../gis";
import { requireString } from "../arguments";
import { deleteInvitation, getInvitation, getInvitations } from "../rest/portals";

/**
 * The organisation's pending invitations, sent with `gis.users.invite`.
 * Python: `arcgis.gis._impl._invitations.InvitationManager` (reached through
 * `gis.users.invitations`).
 * @example
 * const pending = await gis.users.invitations.list();
 */
export class InvitationManager {
  /**
   * Made by the user manager: use `gis.users.invitations`.
   * Python: `InvitationManager(url, gis)`.
   * @example
   * const invitations = gis.users.invitations;
   */
  constructor(
    private readonly url: string,
    protected readonly gis: GIS,
  ) {}

  /**
   * All pending invitations. Python: `InvitationManager.list()`.
   * @example
   * for (const invitation of await gis.users.invitations.list()) console.log(invitation.email);
   */
  async list(): Promise<Record<string, unknown>[]> {
    const result = await getInvitations(this.gis.session, this.url);
    return result.invitations ?? [];
  }

  /**
   * One invitation, or null when there is none with that id. Python: `InvitationManager.get(invite_id)`.
   * @example
   * const invitation = await gis.users.invitations.get(id);
   */
  async get(inviteId: string): Promise<Record<string, unknown> | null> {
    requireString(inviteId, "inviteId");
    try {
      return await getInvitation(this.gis.session, this.url, inviteId);
    } catch (error) {
      if (error instanceof ArcGISError && error.code === 400) return null;
      throw error;
    }
  }

  /**
   * Withdraws an invitation. Python: `InvitationManager.delete(invite_id)`.
   * @example
   * await gis.users.invitations.delete(id);
   */
  async delete(inviteId: string): Promise<boolean> {
    requireString(inviteId, "inviteId");
    const result = await deleteInvitation(this.gis.session, this.url, inviteId);
    return result.success === true;
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `InvitationManager.__repr__()`.
   * @example
   * console.log(util.inspect(gis.users.invitations));
   */
  [inspect.custom](): string {
    return `<InvitationManager url:"${this.gis.url}">`;
  }
}

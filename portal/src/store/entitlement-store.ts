import type { OrgDocumentStore } from "./org-document-store";

/** What one member holds of one licence, and since when. */
export interface Assignment {
  username: string;
  entitlements: string[];
  /** When it was granted: a member created later under the same name does not inherit it. */
  assigned: number;
}

/** Listing item id -> lower-cased username -> that member's entitlements. */
type Assignments = Record<string, Record<string, Assignment>>;

const DOCUMENT = "appEntitlements";

/** Which members hold which entitlements of each app licence. */
export class EntitlementStore {
  constructor(private readonly documents: OrgDocumentStore) {}

  private all(): Assignments {
    return (this.documents.get(DOCUMENT) as Assignments | null) ?? {};
  }

  /** Every member holding something of the listing, as stored (callers drop departed users). */
  list(itemId: string): Assignment[] {
    return Object.values(this.all()[itemId] ?? {}).filter((a) => a.entitlements.length > 0);
  }

  /** Replaces the users' entitlements for the listing; an empty list revokes them all. */
  set(itemId: string, usernames: readonly string[], entitlements: readonly string[]): void {
    const all = this.all();
    const listing = { ...(all[itemId] ?? {}) };
    for (const username of usernames) {
      if (entitlements.length === 0) delete listing[username.toLowerCase()];
      else {
        listing[username.toLowerCase()] = {
          username,
          entitlements: [...entitlements],
          assigned: Date.now(),
        };
      }
    }
    this.documents.put(DOCUMENT, { ...all, [itemId]: listing });
  }
}

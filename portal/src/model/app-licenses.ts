/**
 * The app licences the organisation holds (what ArcGIS Online lists in `portals/self/purchases`):
 * each listing names the entitlements it carries and how many members may hold each one.
 */
export interface AppLicense {
  /** The listing's item id, as `content/listings/{itemId}` names it. */
  readonly itemId: string;
  readonly title: string;
  readonly type: string;
  /** Entitlement name -> how many members may hold it. */
  readonly entitlements: Readonly<Record<string, number>>;
  /** Whether a member may check a licence out for disconnected use. */
  readonly canDisconnect: boolean;
}

const APP_LICENSES: readonly AppLicense[] = [
  {
    itemId: "7945a8a3f2a84a1fb7a8c1e4d5e6f701",
    title: "ArcGIS Pro",
    type: "Desktop Application",
    entitlements: {
      desktopBasicN: 10,
      desktopStdN: 5,
      desktopAdvN: 2,
      spatialAnalystN: 3,
      "3DAnalystN": 3,
    },
    canDisconnect: false,
  },
  {
    itemId: "0f1e2d3c4b5a49688776655443322110",
    title: "ArcGIS Navigator",
    type: "Application",
    entitlements: { navigatorN: 5 },
    canDisconnect: false,
  },
];

export function appLicenses(): readonly AppLicense[] {
  return APP_LICENSES;
}

export function appLicense(itemId: string): AppLicense | undefined {
  return APP_LICENSES.find((license) => license.itemId === itemId.toLowerCase());
}

/** Purchases are dated from the organisation's creation; they never lapse here. */
export function purchaseJson(
  license: AppLicense,
  orgId: string,
  since: number,
): Record<string, unknown> {
  const maxUsers = Math.max(...Object.values(license.entitlements));
  return {
    listing: {
      itemId: license.itemId,
      title: license.title,
      type: license.type,
      owner: "esri",
      licenseType: "user",
      priceType: "license",
    },
    provision: {
      itemId: license.itemId,
      orgId,
      purchaseDate: since,
      startDate: since,
      endDate: -1,
      type: "Purchase",
      canDisconnect: license.canDisconnect,
      maxDisconnectDuration: -1,
      orgEntitlements: {
        maxUsers,
        entitlements: Object.fromEntries(
          Object.entries(license.entitlements).map(([name, num]) => [name, { num }]),
        ),
      },
    },
  };
}

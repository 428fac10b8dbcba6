// Every public object reads well: a short Python-like text/plain for every class the package
// exports, the cards Python shows as HTML (item, user, group) with their fields escaped, and a
// table for query results. The objects come from a real portal over HTTP.
import { inspect } from "node:util";
import * as tsgis from "tsgis";
import {
  FeatureLayer,
  FeatureLayerCollection,
  FeatureSet,
  FeatureTable,
  Item,
  Role,
  User,
  displaySymbol,
} from "tsgis";
import { toMimeBundle } from "../../kernel/src/jupyter/mime-bundle";
import { toLayerSpec } from "../../kernel/src/map/layer-spec";
import { CITIES, CITY_FIELDS } from "../features/service-fixture";
import { startTestOrg, type TestOrg } from "../users/helpers";

type Constructor = abstract new (...args: never[]) => unknown;

function isClass(value: unknown): value is Constructor {
  return typeof value === "function" && /^class\b/.test(Function.prototype.toString.call(value));
}

/** Whether instances of the class print something of their own rather than their insides. */
function hasOwnRepr(cls: Constructor): boolean {
  const proto = cls.prototype as object;
  if (proto instanceof Error || cls.prototype === Error.prototype) return true;
  return inspect.custom in proto || displaySymbol in proto;
}

describe("the text/plain of every exported class", () => {
  const classes = Object.entries(tsgis).filter(([, value]) => isClass(value)) as [
    string,
    Constructor,
  ][];

  it("finds the public classes", () => {
    const names = classes.map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining(["GIS", "Item", "User", "Group", "Role"]));
    expect(names).toEqual(expect.arrayContaining(["FeatureLayer", "FeatureSet", "MapView"]));
  });

  it("gives every one of them a repr (a new public class without one fails here)", () => {
    const missing = classes.filter(([, cls]) => !hasOwnRepr(cls)).map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it("notices a class that has none", () => {
    class Bare {
      readonly secret = "insides";
    }
    expect(hasOwnRepr(Bare)).toBe(false);
  });
});

describe("reprs and cards of objects read from the portal", () => {
  let org: TestOrg;
  let item: Item;
  let layer: FeatureLayer;

  beforeAll(async () => {
    org = await startTestOrg();
    item = await org.publisher.content.createService("Repr_cities", {
      capabilities: "Query,Editing",
    });
    await FeatureLayerCollection.fromItem(item).manager.addToDefinition({
      layers: [{ name: "Cities", geometryType: "esriGeometryPoint", fields: CITY_FIELDS }],
    });
    [layer] = await item.getLayers();
    await layer.editFeatures({
      adds: CITIES.map(({ lon, lat, ...attributes }) => ({
        attributes,
        geometry: { x: lon, y: lat, spatialReference: { wkid: 4326 } },
      })),
    });
    await item.update({ itemProperties: { title: `Cities <script>alert("x")</script> & co` } });
  });

  afterAll(async () => {
    await item.delete();
    await org.close();
  });

  function plain(value: unknown): string {
    return toMimeBundle(value)["text/plain"] as string;
  }

  it("shows an item as Python does, with an HTML card whose fields are escaped", () => {
    expect(plain(item)).toBe(
      `<Item title:${JSON.stringify(item.title)} type:Feature Layer Collection owner:publisher>`,
    );
    const html = toMimeBundle(item)["text/html"] as string;
    expect(html).toContain("Cities &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
    expect(html).not.toContain("<script>");
    expect(html).toContain("Feature Layer Collection by publisher");
    expect(html).toMatch(/Last Modified: [A-Z][a-z]+ \d{1,2}, \d{4}/);
  });

  it("shows a user with the card fields Python shows: name, bio, names, username, join date", async () => {
    const user = (await org.admin.users.get("publisher")) as User;
    expect(plain(user)).toBe("<User username:publisher>");
    await user.update({ description: "Maps <b>things</b>" });
    const html = toMimeBundle(user)["text/html"] as string;
    for (const label of ["Bio", "First Name", "Last Name", "Username", "Joined"]) {
      expect(html).toContain(`<b>${label}</b>:`);
    }
    expect(html).toContain("Maps &lt;b&gt;things&lt;/b&gt;");
    expect(html).toMatch(/<b>Joined<\/b>: [A-Z][a-z]+ \d{1,2}, \d{4}/);
    expect(html).toContain(user.homepage.replace(/&/g, "&amp;"));
  });

  it("shows a group with its summary, description, owner and creation date", async () => {
    const group = await org.admin.groups.create("Repr <group>", "repr", {
      snippet: "Short",
      description: "Long & detailed",
    });
    if (!group) throw new Error("the group was not created");
    try {
      expect(plain(group)).toBe(`<Group title:"Repr <group>" owner:admin>`);
      const html = toMimeBundle(group)["text/html"] as string;
      expect(html).toContain("Repr &lt;group&gt;");
      expect(html).toContain("<b>Summary</b>: Short");
      expect(html).toContain("<b>Description</b>: Long &amp; detailed");
      expect(html).toContain("<b>Owner</b>: admin");
      expect(html).toMatch(/<b>Created<\/b>: [A-Z][a-z]+ \d{1,2}, \d{4}/);
    } finally {
      await group.delete();
    }
  });

  it("shows a role by name and description, not its insides", async () => {
    const role = await org.admin.users.roles.create("repr_role", "Reads things", {
      privileges: ["portal:user:joinGroup"],
    });
    if (!role) throw new Error("the role was not created");
    try {
      expect(role).toBeInstanceOf(Role);
      expect(plain(role)).toBe("<Role name: repr_role, description: Reads things>");
    } finally {
      await role.delete();
    }
  });

  it("shows layers and services by URL", async () => {
    expect(plain(layer)).toBe(`<FeatureLayer url:"${item.url}/0">`);
    expect(plain(FeatureLayerCollection.fromItem(item))).toBe(
      `<FeatureLayerCollection url:"${item.url}">`,
    );
    expect(plain(new tsgis.Layer(`${item.url}/0`, org.publisher))).toBe(
      `<Layer url:"${item.url}/0">`,
    );
  });

  it("shows query results as a table: rows, column types and the row count", async () => {
    const set = await layer.query({ where: "1=1", orderByFields: "name" });
    expect(set).toBeInstanceOf(FeatureSet);
    expect(plain(set)).toBe(`<FeatureSet> ${CITIES.length} features`);
    const table = set.sdf;
    expect(table).toBeInstanceOf(FeatureTable);
    expect(table).toHaveLength(CITIES.length);
    expect(table.map((row) => row.name)).toContain("O'Fallon");
    expect(table.dtypes).toMatchObject({ OBJECTID: "int64", name: "string", SHAPE: "geometry" });
    const html = toMimeBundle(table)["text/html"] as string;
    expect(html).toContain("<th>name</th>");
    expect(html).toContain("<i>string</i>");
    expect(html).toContain("O&#39;Fallon");
    expect(html).toContain(`${CITIES.length} rows × ${table.columns.length} columns`);
    expect(toMimeBundle(set)["text/html"]).toBe(html);
    const rows = await layer.query({ where: "1=1", asDf: true });
    expect(plain(rows)).toMatch(new RegExp(`^<FeatureTable ${CITIES.length} rows`));
  });

  it("shows the layer record addLayer returns in one line, keeping the synced state plain", () => {
    const spec = toLayerSpec(item, { title: "Cities" }, org.portal.url);
    expect(plain(spec)).toBe(
      `<LayerSpec kind:item title:"Cities" itemId:${item.id} url:"${item.url}">`,
    );
    expect(Object.getOwnPropertySymbols(JSON.parse(JSON.stringify(spec)))).toEqual([]);
    expect(Object.keys(spec)).not.toContain(inspect.custom.toString());
  });

  it("puts no token or password into any repr or card", async () => {
    const session = org.publisher.session;
    const token = await session.tokenScope.tokenFor(
      `${org.portal.url}/sharing/rest/portals/self`,
      session,
    );
    expect(token).toEqual(expect.any(String));
    const values: unknown[] = [
      org.publisher,
      org.publisher.users,
      org.publisher.content,
      org.publisher.groups,
      item,
      layer,
      await org.publisher.users.get("publisher"),
      await layer.query({ where: "1=1" }),
    ];
    for (const value of values) {
      const bundle = JSON.stringify(toMimeBundle(value));
      expect(bundle).not.toContain(token);
      expect(bundle).not.toContain("tsgis-publisher-1");
    }
  });
});

describe("dict-like access to the fields the server sent", () => {
  let org: TestOrg;

  beforeAll(async () => {
    org = await startTestOrg();
  });

  afterAll(() => org.close());

  it("reads the user resource's documented fields, typed", async () => {
    const me = org.admin.users.me as User;
    const lastLogin: number | undefined = me.lastLogin;
    const quota: number | undefined = me.storageQuota;
    const used: number | undefined = me.storageUsage;
    const mfa: boolean | undefined = me.mfaEnabled;
    expect(typeof lastLogin).toBe("number");
    expect(quota).toBeGreaterThan(0);
    expect(used).toBeGreaterThanOrEqual(0);
    expect(mfa).toBe(false);
    expect(me.provider).toBe("arcgis");
    expect(me.userType).toMatch(/^(arcgisonly|both)$/);
  });

  it("reads every key of an item's JSON as a property, also keys an item learns on refresh", async () => {
    const created = await org.publisher.content.add({
      title: "Dict-like",
      type: "Web Map",
      text: { operationalLayers: [] },
    });
    try {
      const bare = new Item(org.publisher, created.id);
      expect(bare.numRatings).toBeUndefined();
      await bare.refresh();
      const ratings: number | undefined = bare.numRatings;
      expect(ratings).toBe(0);
      expect(bare.commentsEnabled).toBe(true);
      expect(bare.itemControl).toBe("admin");
      const json = bare.toJSON();
      for (const key of Object.keys(json)) {
        expect((bare as unknown as Record<string, unknown>)[key]).toEqual(json[key]);
      }
    } finally {
      await created.delete();
    }
  });

  it("types a layer's properties as the Feature Layer resource", async () => {
    const item = await org.publisher.content.createService("Typed_props", {});
    try {
      await FeatureLayerCollection.fromItem(item).manager.addToDefinition({
        layers: [{ name: "Cities", geometryType: "esriGeometryPoint", fields: CITY_FIELDS }],
      });
      const [layer] = await item.getLayers();
      const props = await layer.getProperties();
      const rendererType: string | undefined = props.drawingInfo?.renderer.type;
      expect(rendererType).toBe("simple");
      expect(props.fields?.map((field) => field.name)).toContain("name");
      expect(props.geometryType).toBe("esriGeometryPoint");
      const service = await FeatureLayerCollection.fromItem(item).getProperties();
      expect(service.layers?.[0].name).toBe("Cities");
    } finally {
      await item.delete();
    }
  });

  it("gives each form of advancedSearch one result type", async () => {
    const items = await org.admin.content.advancedSearch("owner:admin");
    items.results.forEach((found: Item) => expect(found).toBeInstanceOf(Item));
    const dicts = await org.admin.content.advancedSearch("owner:admin", { asDict: true });
    dicts.results.forEach((found: tsgis.ItemJSON) => expect(found).not.toBeInstanceOf(Item));
    const count: number = await org.admin.users.advancedSearch("*", { returnCount: true });
    expect(count).toBeGreaterThan(0);
    const users = await org.admin.users.advancedSearch("*");
    users.results.forEach((found: User) => expect(found).toBeInstanceOf(User));
    const raw = await org.admin.users.advancedSearch("*", { asDict: true });
    raw.results.forEach((found: tsgis.UserJSON) => expect(found).not.toBeInstanceOf(User));
  });
});

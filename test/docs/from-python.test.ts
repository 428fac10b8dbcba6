import fs from "node:fs";
import path from "node:path";
import { inventoryPath, readInventory, type InventoryRow } from "../../scripts/docs/inventory";
import { checkRows, formStatements } from "../../scripts/docs/surface-check";
import { FROM_PYTHON_FILE, generateFromPython, pythonCall } from "../../scripts/docs/from-python";

// docs/from-python.md is generated from scripts/docs/inventory.tsv and the built package:
// regenerating it here and comparing keeps the committed file from drifting.
const root = path.join(__dirname, "..", "..");
const inventory = readInventory(inventoryPath(root));

function row(className: string, member: string, form: string): InventoryRow {
  return {
    index: 1,
    className,
    member,
    kind: "method",
    pythonParameters: "",
    typescriptForm: form,
  };
}

describe("docs/from-python.md", () => {
  jest.setTimeout(120_000);

  it("is what the generator makes from the inventory and the built package now", async () => {
    const committed = fs.readFileSync(path.join(root, FROM_PYTHON_FILE), "utf8");
    const fresh = await generateFromPython(root);
    if (committed !== fresh) {
      throw new Error(`${FROM_PYTHON_FILE} is stale: run \`npm run docs\` and commit the result`);
    }
  });

  it("has a row for every inventory member, Python and tsgis side by side", () => {
    const text = fs.readFileSync(path.join(root, FROM_PYTHON_FILE), "utf8");
    const tableRows = text.split("\n").filter((line) => /^\| `/.test(line));
    expect(tableRows).toHaveLength(inventory.length);
    for (const member of inventory) {
      const python = "`" + pythonCall(member).replace(/\|/g, "\\|") + "`";
      expect(tableRows.some((line) => line.startsWith(`| ${python} `))).toBe(true);
    }
  });
});

describe("the inventory surface check", () => {
  jest.setTimeout(120_000);

  it("marks a member the package lacks as not implemented and keeps real ones", () => {
    const [missing, present, staticPresent] = checkRows(root, [
      { ...row("Item", "tell_fortune", "await item.tellFortune(question, { lucky }?)"), index: 1 },
      { ...row("Item", "add_comment", "await item.addComment(comment)"), index: 2 },
      { ...row("Layer", "fromitem", "await Layer.fromItem(item, { index }?)"), index: 3 },
    ]);
    expect(missing.implemented).toBe(false);
    expect(missing.reason).toMatch(/tellFortune/);
    expect(present).toMatchObject({ implemented: true, reason: null });
    expect(staticPresent).toMatchObject({ implemented: true, reason: null });
  });

  it("flags a form whose argument types no longer fit", () => {
    const [check] = checkRows(root, [
      row("GIS", "update_properties", 'await gis.updateProperties("x", 1, 2)'),
    ]);
    expect(check.implemented).toBe(false);
  });

  it("turns the inventory's prose into statements", () => {
    expect(formStatements("(reached through gis.users.roles)")).toEqual(["gis.users.roles"]);
    expect(formStatements("gis.content.categories or group.categories  // one")).toEqual([
      "gis.content.categories",
      "group.categories",
    ]);
    expect(
      formStatements("new GroupApplication(url, gis); usually from await group.getApplications()"),
    ).toEqual(["new GroupApplication(url, gis)", "await group.getApplications()"]);
    expect(
      formStatements("await gis.content.importData(df, { addressFields, folder, ... }?)"),
    ).toEqual(["await gis.content.importData(df, { addressFields, folder })"]);
    expect(formStatements("await gis.map(location?, { zoomlevel }?)")).toEqual([
      "await gis.map(location, { zoomlevel })",
    ]);
  });
});

// The declarations that wrap ArcGIS REST resources (Item, User, Group, Role, feature layer and
// service) must declare every field the REST reference documents, with a type that accepts the
// field's JSON type: a Python user reads `user.lastLogin` or `props.drawingInfo.renderer` freely,
// and a missing or `unknown` field turns that into a compile error in the notebook.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

type JsonKind = "string" | "number" | "boolean" | "array" | "object";

const root = path.join(__dirname, "..", "..");
const documented = JSON.parse(
  fs.readFileSync(path.join(__dirname, "rest-fields.json"), "utf8"),
) as Record<string, Record<string, JsonKind> | string>;

const declaredIn: Record<string, string> = {
  ItemJSON: "kernel/src/content/item-json.ts",
  UserJSON: "kernel/src/users/user.ts",
  GroupJSON: "kernel/src/groups/group.ts",
  RoleJSON: "kernel/src/roles/role.ts",
  FeatureLayerProperties: "kernel/src/features/service-json.ts",
  FeatureServiceProperties: "kernel/src/features/service-json.ts",
};

const program = ts.createProgram(
  Object.values(declaredIn).map((file) => path.join(root, file)),
  { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, noEmit: true },
);
const checker = program.getTypeChecker();

function declaredInterface(name: string): ts.Type {
  const source = program.getSourceFile(path.join(root, declaredIn[name]));
  if (!source) throw new Error(`${declaredIn[name]} is not in the program`);
  const declaration = source.statements.find(
    (statement): statement is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(statement) && statement.name.text === name,
  );
  if (!declaration) throw new Error(`${name} is not declared in ${declaredIn[name]}`);
  return checker.getTypeAtLocation(declaration.name);
}

/** Whether one member of a (non-nullable) declared type accepts a JSON value of `kind`. */
function accepts(type: ts.Type, kind: JsonKind): boolean {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return false;
  const members = type.isUnion() ? type.types : [type];
  return members.some((member) => {
    switch (kind) {
      case "string":
        return (member.flags & ts.TypeFlags.StringLike) !== 0;
      case "number":
        return (member.flags & ts.TypeFlags.NumberLike) !== 0;
      case "boolean":
        return (member.flags & ts.TypeFlags.BooleanLike) !== 0;
      case "array":
        return checker.isArrayType(member) || checker.isTupleType(member);
      case "object":
        return (
          (member.flags & ts.TypeFlags.Object) !== 0 &&
          !checker.isArrayType(member) &&
          !checker.isTupleType(member)
        );
    }
  });
}

describe("declarations against the REST reference", () => {
  const resources = Object.entries(documented).filter(
    (entry): entry is [string, Record<string, JsonKind>] => typeof entry[1] === "object",
  );

  it("covers every resource listed in the reference data", () => {
    expect(resources.map(([name]) => name).sort()).toEqual(Object.keys(declaredIn).sort());
  });

  it.each(resources)(
    "%s declares every documented field with a compatible type",
    (name, fields) => {
      const type = declaredInterface(name);
      const problems: string[] = [];
      for (const [field, kind] of Object.entries(fields)) {
        const property = type.getProperty(field);
        if (!property) {
          problems.push(`${field}: not declared (documented as ${kind})`);
          continue;
        }
        const declared = checker.getNonNullableType(checker.getTypeOfSymbol(property));
        if (!accepts(declared, kind)) {
          problems.push(
            `${field}: declared ${checker.typeToString(declared)}, documented as ${kind}`,
          );
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it("tells a missing or unknown field apart from a declared one", () => {
    // The check itself must be able to fail: `unknown` and an absent key are both refused.
    const item = declaredInterface("ItemJSON");
    expect(item.getProperty("noSuchDocumentedField")).toBeUndefined();
    const unknownType = checker.getUnknownType();
    expect(accepts(unknownType, "object")).toBe(false);
    expect(accepts(checker.getStringType(), "number")).toBe(false);
    expect(accepts(checker.getNumberType(), "number")).toBe(true);
  });
});

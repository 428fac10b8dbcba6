import fs from "node:fs";
import path from "node:path";
import { documentationFiles } from "../../scripts/docs/code-blocks";

// The README is where users start: it must lead to every page in docs/.
const root = path.join(__dirname, "..", "..");

describe("README.md", () => {
  it("links every docs/*.md page, and only pages that exist", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const linked = [...readme.matchAll(/\]\((docs\/[^)#]+\.md)\)/g)].map((m) => m[1]);
    const pages = documentationFiles(root).filter((file) => file !== "README.md");
    expect([...new Set(linked)].sort()).toEqual(pages.map((p) => p.split(path.sep).join("/")));
  });
});

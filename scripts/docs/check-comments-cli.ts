// `npm run docs` step: fails when a public member's comment lacks its Python name or example.
import path from "node:path";
import { checkCommentsFile } from "./check-comments";

const root = path.resolve(__dirname, "..", "..", "..");
const file = path.join(root, process.argv[2] ?? "docs/api/tsgis.json");
const problems = checkCommentsFile(file);
for (const { name, problem } of problems) console.error(`${name}: ${problem}`);
if (problems.length > 0) {
  console.error(
    `${problems.length} public members need a comment naming the Python member and an @example`,
  );
  process.exit(1);
}
console.log("every public class and member names its Python member and has an example");

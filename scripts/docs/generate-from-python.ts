// `npm run docs` step: writes docs/from-python.md from the inventory and the built package.
import path from "node:path";
import { FROM_PYTHON_FILE, writeFromPython } from "./from-python";

const root = path.resolve(__dirname, "..", "..", "..");

writeFromPython(root).then(
  (changed) => console.log(`${FROM_PYTHON_FILE} ${changed ? "written" : "up to date"}`),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

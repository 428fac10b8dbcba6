// Runs a TypeScript file in a fresh Node process, compiling on require with the project's
// TypeScript. Tests use it where a clean process matters: the keyring library keeps its first
// D-Bus connection for the life of a process, so "no secret store" must be seen from a new one.
const fs = require("node:fs");
const ts = require("typescript");

require.extensions[".ts"] = (module, filename) => {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
    fileName: filename,
  });
  module._compile(outputText, filename);
};

require(process.argv[2]);

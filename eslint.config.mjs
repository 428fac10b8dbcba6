import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "docs/api/**", "jest.config.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["scripts/**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
        fetch: "readonly",
        setTimeout: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  // The client's layers: only session/ speaks HTTP (axios), and rest/ (one function per REST
  // operation) builds on session/ alone; the Python-shaped facades build on rest/.
  {
    files: ["kernel/src/**/*.ts"],
    ignores: ["kernel/src/session/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [{ name: "axios", message: "Only kernel/src/session/ talks HTTP." }],
          patterns: [{ group: ["axios/*"], message: "Only kernel/src/session/ talks HTTP." }],
        },
      ],
    },
  },
  {
    // The facades reach the REST API through rest/ only: a `session.get/post/request` call
    // (on `session`, `x.session` or `this.#session`) belongs in a rest/ function.
    files: ["kernel/src/**/*.ts"],
    ignores: ["kernel/src/session/**", "kernel/src/rest/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...[
          "CallExpression[callee.property.name=/^(get|post|request)$/][callee.object.name='session']",
          "CallExpression[callee.property.name=/^(get|post|request)$/][callee.object.property.name='session']",
        ].map((selector) => ({
          selector,
          message:
            "Only kernel/src/rest/ calls the session: add a function for the REST operation there.",
        })),
      ],
    },
  },
  {
    files: ["kernel/src/rest/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [{ name: "axios", message: "Only kernel/src/session/ talks HTTP." }],
          patterns: [
            { group: ["axios/*"], message: "Only kernel/src/session/ talks HTTP." },
            {
              group: ["../*", "!../session", "!../session/*"],
              allowTypeImports: true,
              message: "rest/ depends on session/ only (types of the resources excepted).",
            },
          ],
        },
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // The portal's model/ is pure rules over records: no HTTP server, no request, no SQLite.
    files: ["portal/src/model/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "fastify", message: "portal/src/model is free of Fastify." },
            { name: "better-sqlite3", message: "portal/src/model is free of SQLite." },
          ],
          patterns: [
            {
              group: ["**/server/*", "**/store/*", "**/db/*", "fastify/*"],
              message:
                "portal/src/model imports neither server/, store/ nor db/: move the code that needs them beside the routes (answers/, params/).",
            },
          ],
        },
      ],
    },
  },
);

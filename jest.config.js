// Tests import the packages from source, so a test run never depends on a stale build.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json" }],
  },
  moduleNameMapper: {
    "^tsgis$": "<rootDir>/kernel/src/index.ts",
    "^tsgis/dist/map/contract$": "<rootDir>/kernel/src/map/contract.ts",
    "^@tsgis/portal$": "<rootDir>/portal/src/index.ts",
  },
  testTimeout: 30000,
};

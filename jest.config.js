/** @type {import('jest').Config} */
export default {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: { "^.+\\.ts$": ["ts-jest", { useESM: true, tsconfig: "tsconfig.json" }] },
  setupFiles: ["<rootDir>/test/helpers/jest.setup.ts"],
  // Finds redis-server once (PATH, REDIS_SERVER or redis-memory-server) or stops the run with one line.
  globalSetup: "<rootDir>/test/helpers/global-setup.ts",
  // End-to-end tests start real servers; two workers fit this machine's two cores.
  maxWorkers: 2,
  // A worker that grew past this is replaced between test files. One that had run half the suite
  // held 1.3-1.4 GB of heap (it grows with every file a worker runs) and took longer than jest's
  // 500 ms to exit, which jest reports as "failed to exit gracefully".
  workerIdleMemoryLimit: "700MB",
  // A hang guard, not a speed check: no test bounds elapsed time, a slow machine only waits longer.
  testTimeout: 60000,
};

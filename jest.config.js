// What every project shares: TypeScript through ts-jest as ESM, the tests under test/.
const common = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: { "^.+\\.ts$": ["ts-jest", { useESM: true, tsconfig: "tsconfig.json" }] },
};

/** @type {import('jest').Config} */
export default {
  // Two ways a request can be answered, so two runs of every end-to-end and fuzz test:
  // `prepared-path` is the server as shipped (and every other test); `apollo-path` runs the
  // servers those tests start with PREPARED_PATH=false (test/helpers/request-path.ts), every
  // request through Apollo's pipeline.
  projects: [
    {
      ...common,
      displayName: "prepared-path",
      testMatch: ["**/*.test.ts"],
      setupFiles: ["<rootDir>/test/helpers/jest.setup.ts"],
    },
    {
      ...common,
      displayName: "apollo-path",
      testMatch: ["**/*.e2e.test.ts"],
      setupFiles: ["<rootDir>/test/helpers/jest.setup.ts", "<rootDir>/test/helpers/apollo-path.setup.ts"],
    },
  ],
  // Finds redis-server once (PATH, REDIS_SERVER or redis-memory-server) or stops the run with one line.
  globalSetup: "<rootDir>/test/helpers/global-setup.ts",
  // End-to-end tests start real servers; two workers fit this machine's two cores.
  maxWorkers: 2,
  testTimeout: 20000,
};

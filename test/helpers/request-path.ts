/**
 * Which code answers a repeated operation in this jest project. The `prepared-path` project runs
 * the server as shipped (PREPARED_PATH=true); the `apollo-path` project sets
 * `TEST_PREPARED_PATH=false` (`apollo-path.setup.ts`) and runs the same e2e and fuzz files with
 * every request through Apollo's pipeline. Every server a test starts takes {@link PATH_ENV}.
 */
export const PREPARED_PATH_ON = process.env.TEST_PREPARED_PATH !== "false";

/** The environment that selects this project's path, for in-process and spawned servers alike. */
export const PATH_ENV: Record<string, string> = { PREPARED_PATH: String(PREPARED_PATH_ON) };

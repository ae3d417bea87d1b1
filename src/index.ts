import "reflect-metadata";
import { startAccountGraph } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { loggableError } from "./errors/redact.js";
import { createLogger } from "./logger.js";

// Bootstrap only: configuration, start, the mode line, and signals.
let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`account-graph: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
const logger = createLogger(config);
const running = await startAccountGraph(config, { logger });
const mode =
  config.providersMode === "simulated"
    ? "using the built-in provider simulators (PROVIDERS_MODE=simulated)"
    : "calling the live provider APIs (PROVIDERS_MODE=live)";
const state = running.sharedState === "redis" ? "shared state in Redis" : "single-process state in memory";
logger.info(`account-graph ready at ${running.url}/graphql, ${mode}; ${state}`);
logger.flush();

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "draining in-flight requests, then stopping");
    running.stop().then(
      () => process.exit(0),
      error => {
        logger.error({ err: loggableError(error) }, "error while stopping");
        process.exit(1);
      },
    );
  });
}

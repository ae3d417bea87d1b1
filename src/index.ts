import "reflect-metadata";
import { startAccountGraph } from "./composition-root.js";
import { ConfigError, loadConfig } from "./config.js";
import { loggableError } from "./errors/redact.js";
import { GRAPHQL_PATH } from "./http/http-server.js";
import { createLogger } from "./logger.js";
import { startTracing } from "./observability/tracing.js";
import { processParts } from "./process-parts.js";
import { PROVIDER_MODULES } from "./providers/index.js";
import { JSON_SOURCE_TEXT } from "./rest/exact-json.js";
import { listenFailure, startupWarnings } from "./startup.js";

// Bootstrap only: the platform, configuration, start, the mode line, and signals.
if (!JSON_SOURCE_TEXT) {
  // Exact money from a provider that sends numbers needs JSON.parse's source text (Node 21+).
  process.stderr.write(`account-graph: needs Node 22.15 or later (package.json "engines"); this is ${process.version}\n`);
  process.exit(1);
}
let config;
try {
  config = loadConfig(process.env, PROVIDER_MODULES);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`account-graph: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
// Tracing first: the logger's lines carry the active span's ids when it is on.
const tracing = await startTracing(config);
const logger = createLogger(config, {
  credentialHeaders: PROVIDER_MODULES.map(p => p.credentialHeader),
  fields: tracing && (() => tracing.logFields()),
});
tracing?.useLogger(logger);
let running;
try {
  running = await startAccountGraph(config, await processParts(config, PROVIDER_MODULES, logger, tracing));
} catch (error) {
  const problem = error instanceof ConfigError ? error.message : listenFailure(error, config);
  if (problem === undefined) throw error;
  logger.flush();
  process.stderr.write(`account-graph: ${problem}\n`);
  process.exit(1);
}
// Signals first: whoever reads the ready line may stop the process at once.
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "draining in-flight requests, then stopping");
    running.stop().then(
      () => {
        logger.info("stopped");
        logger.flush(() => process.exit(0));
      },
      error => {
        logger.error({ err: loggableError(error) }, "error while stopping");
        process.exit(1);
      },
    );
  });
}

const mode =
  config.providersMode === "simulated"
    ? "using the built-in provider simulators (PROVIDERS_MODE=simulated)"
    : "calling the live provider APIs (PROVIDERS_MODE=live)";
logger.info(
  `account-graph ready at ${running.url}${GRAPHQL_PATH}, ${mode}, ${config.nodeEnv} mode (NODE_ENV); ${running.sharedStateLine()}`,
);
if (tracing) logger.info(tracing.describe());
for (const warning of startupWarnings(config)) logger.warn(warning);
logger.flush();


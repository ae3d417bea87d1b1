import { Writable } from "node:stream";
import { type TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { pino } from "pino";
import { startAccountGraph, type RunningAccountGraph, type StartParts } from "../../src/composition-root.js";
import { type Config } from "../../src/config.js";
import { type ProviderModule } from "../../src/contract/provider-module.js";
import { loggerOptions } from "../../src/logger.js";
import { processParts } from "../../src/process-parts.js";
import { PROVIDER_MODULES } from "../../src/providers/index.js";
import { type Transport } from "../../src/rest/transport.js";
import { loadConfig, typedSims, type TestSims } from "./providers.js";

/**
 * A transport that fails every call with an error that is not an upstream answer (a bug, as far
 * as the server can tell), its message carrying an internal URL and a token that must never leak.
 */
export const explodingTransport: Transport = {
  send: () => Promise.reject(new Error("boom at http://10.0.0.1/internal?token=s3cr3t")),
  close: () => undefined,
};

/** Log lines written by the server under test (JSON strings), for secret scanning and assertions. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join("\n");
  }
}

/** A GraphQL error as the server sends it. */
export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown> & { code?: string };
}

/** A GraphQL answer over HTTP. */
export interface GqlResponse<TData> {
  status: number;
  headers: Headers;
  body: { data?: TData | null; errors?: GqlError[]; extensions?: Record<string, unknown> };
}

/** A real account-graph listening on loopback, with its simulators and captured logs. */
export interface TestServer {
  url: string;
  port: number;
  running: RunningAccountGraph;
  sims: TestSims;
  logs: LogCapture;
  /** POST a GraphQL operation (typed document or string) and parse the answer. */
  gql<TData = Record<string, unknown>, TVars = Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVars> | string,
    variables?: TVars,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<TData>>;
  /** Reset every simulator's call log, faults, latency and data. */
  resetSims(): void;
  stop(): Promise<void>;
}

/** What a test may hand the server instead of what `index.ts` builds: a clock it moves, a transport it wraps, tracing. */
export type TestParts = Partial<Pick<StartParts, "clock" | "transport" | "tracing">>;

/**
 * The parts `index.ts` hands `startAccountGraph` (`processParts`) for `modules`, except that log
 * lines go to `logs` (made with the process logger's options) and `overrides` replace the rest.
 */
export async function startParts(
  config: Config,
  logs: LogCapture,
  modules: readonly ProviderModule[] = PROVIDER_MODULES,
  overrides: TestParts = {},
): Promise<StartParts> {
  const logger = pino(loggerOptions(config, { credentialHeaders: modules.map(p => p.credentialHeader) }), logs);
  const parts = await processParts(config, modules, logger);
  // Replaced before it carried a call.
  if (overrides.transport) parts.transport.close();
  return { ...parts, ...overrides };
}

/**
 * Start the actual server (same `startAccountGraph` as `npm start`, with the parts `index.ts`
 * builds unless `parts` says otherwise) in simulated mode on a free loopback port, its log lines
 * captured. `env` is applied on top of a quiet test environment whose retries back off in
 * milliseconds, so retry tests stay fast.
 */
export async function startTestServer(env: Record<string, string> = {}, parts: TestParts = {}): Promise<TestServer> {
  const logs = new LogCapture();
  const config = loadConfig({
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: "0",
    LOG_LEVEL: "debug",
    UPSTREAM_RETRY_BASE_DELAY_MS: "5",
    UPSTREAM_RETRY_MAX_DELAY_MS: "20",
    UPSTREAM_RETRY_AFTER_MAX_MS: "2000",
    ...env,
  });
  const started = await startParts(config, logs, PROVIDER_MODULES, parts);
  const running = await startAccountGraph(config, started);
  const { url } = running;
  // Live-mode servers have no simulators; their tests never read `sims`.
  const sims = started.simulators ? typedSims(started.simulators) : (undefined as unknown as TestSims);
  return {
    url,
    port: Number(new URL(url).port),
    running,
    sims,
    logs,
    async gql<TData, TVars>(
      document: TypedDocumentNode<TData, TVars> | string,
      variables?: TVars,
      headers: Record<string, string> = {},
    ): Promise<GqlResponse<TData>> {
      const query = typeof document === "string" ? document : print(document);
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GqlResponse<TData>["body"] };
    },
    resetSims() {
      for (const sim of [sims.diffio, sims.hostup, sims.cudo, sims.depicta]) {
        sim.control.reset();
        sim.state.seed();
      }
    },
    stop: () => running.stop(1000),
  };
}

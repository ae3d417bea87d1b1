import { describe, expect, it } from "@jest/globals";
import { loadConfig } from "./helpers/providers.js";
import { problemsOf } from "./helpers/config-problems.js";


describe("loadConfig", () => {
  it("has the contract's defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      host: "0.0.0.0",
      providersMode: "simulated",
      upstreamTimeoutMs: 10000,
      apiTokens: [],
      production: false,
    });
    expect(config.providers.DIFFIO.baseUrl).toBe("https://api.diffio.ai");
    expect(config.providers.HOSTUP.baseUrl).toBe("https://cloud.hostup.se");
    expect(config.providers.CUDO.baseUrl).toBe("https://rest.compute.cudo.org");
    expect(config.providers.DEPICTA.baseUrl).toBe("https://api.depicta.ai");
  });

  it("takes NODE_ENV development, production or test, and refuses anything else", () => {
    expect(["development", "production", "test"].map(NODE_ENV => loadConfig({ NODE_ENV }).nodeEnv)).toEqual(["development", "production", "test"]);
    expect(loadConfig({}).nodeEnv).toBe("development");
    expect(problemsOf({ NODE_ENV: "prod" })).toEqual(['NODE_ENV must be one of development, production, test (got "prod")']);
  });

  it("defaults to live mode in production", () => {
    expect(loadConfig({ NODE_ENV: "production" }).providersMode).toBe("live");
    expect(loadConfig({ NODE_ENV: "production", PROVIDERS_MODE: "simulated" }).providersMode).toBe("simulated");
  });

  it("reads keys, tokens, the Cudo default account and trims trailing slashes", () => {
    const config = loadConfig({
      DIFFIO_BASE_URL: "http://127.0.0.1:9/prefix/",
      HOSTUP_API_KEY: "hk",
      API_TOKENS: " a , b,,",
      CUDO_BILLING_ACCOUNT_ID: "ba-1",
      UPSTREAM_TIMEOUT_MS: "2500",
    });
    expect(config.providers.DIFFIO.baseUrl).toBe("http://127.0.0.1:9/prefix");
    expect(config.providers.HOSTUP.apiKey).toBe("hk");
    expect(config.apiTokens).toEqual(["a", "b"]);
    expect(config.providerSettings.CUDO?.billingAccountId).toBe("ba-1");
    expect(config.upstreamTimeoutMs).toBe(2500);
  });

  it("reads and validates the per-request cost limits", () => {
    const config = loadConfig({});
    expect(config.limits).toMatchObject({ maxQueryBytes: 65536, maxListItems: 100 });
    expect(config.upstreamCallBudget).toBe(100);
    expect(config.documentCacheBytes).toBe(16 * 1024 * 1024);
    const set = loadConfig({ MAX_QUERY_BYTES: "2000", MAX_LIST_ITEMS: "10", UPSTREAM_CALL_BUDGET: "5", DOCUMENT_CACHE_BYTES: "0" });
    expect([set.limits.maxQueryBytes, set.limits.maxListItems, set.upstreamCallBudget, set.documentCacheBytes]).toEqual([2000, 10, 5, 0]);
    expect(problemsOf({ UPSTREAM_CALL_BUDGET: "0", MAX_LIST_ITEMS: "many", MAX_QUERY_BYTES: "10", DOCUMENT_CACHE_BYTES: "-1" })).toEqual([
      'MAX_QUERY_BYTES must be an integer from 100 to 104857600 (got "10")',
      'MAX_LIST_ITEMS must be an integer from 1 to 1000000 (got "many")',
      'DOCUMENT_CACHE_BYTES must be an integer from 0 to 1073741824 (got "-1")',
      'UPSTREAM_CALL_BUDGET must be an integer from 1 to 1000000 (got "0")',
    ]);
  });

  it("reads the retry policy of reads and the circuit breaker, and refuses what cannot work", () => {
    const defaults = loadConfig({});
    expect(defaults.retry).toEqual({ maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 });
    expect(defaults.breaker).toEqual({ volumeThreshold: 20, errorThresholdPercentage: 50, windowMs: 10_000, resetTimeoutMs: 10_000 });
    const set = loadConfig({
      UPSTREAM_RETRY_ATTEMPTS: "1",
      UPSTREAM_RETRY_BASE_DELAY_MS: "0",
      UPSTREAM_RETRY_MAX_DELAY_MS: "0",
      UPSTREAM_RETRY_AFTER_MAX_MS: "0",
      BREAKER_VOLUME_THRESHOLD: "5",
      BREAKER_ERROR_PERCENT: "100",
      BREAKER_WINDOW_MS: "60000",
      BREAKER_RESET_TIMEOUT_MS: "30000",
    });
    expect(set.retry).toEqual({ maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 });
    expect(set.breaker).toEqual({ volumeThreshold: 5, errorThresholdPercentage: 100, windowMs: 60_000, resetTimeoutMs: 30_000 });
    expect(
      problemsOf({ UPSTREAM_RETRY_ATTEMPTS: "0", UPSTREAM_RETRY_BASE_DELAY_MS: "500", UPSTREAM_RETRY_MAX_DELAY_MS: "200", BREAKER_ERROR_PERCENT: "0", BREAKER_WINDOW_MS: "10" }),
    ).toEqual([
      "UPSTREAM_RETRY_MAX_DELAY_MS must be at least UPSTREAM_RETRY_BASE_DELAY_MS (got 200 and 500)",
      'UPSTREAM_RETRY_ATTEMPTS must be an integer from 1 to 10 (got "0")',
      'BREAKER_ERROR_PERCENT must be an integer from 1 to 100 (got "0")',
      'BREAKER_WINDOW_MS must be an integer from 100 to 3600000 (got "10")',
    ]);
    // A refused delay is not also compared with the other one.
    expect(problemsOf({ UPSTREAM_RETRY_BASE_DELAY_MS: "soon", UPSTREAM_RETRY_MAX_DELAY_MS: "50" })).toEqual([
      'UPSTREAM_RETRY_BASE_DELAY_MS must be an integer from 0 to 60000 (got "soon")',
    ]);
  });

  it("explains a bad PORT", () => {
    expect(problemsOf({ PORT: "abc" })).toEqual(['PORT must be an integer from 0 to 65535 (got "abc")']);
    expect(problemsOf({ PORT: "70000" })).toHaveLength(1);
  });

  it("lists every problem at once", () => {
    const problems = problemsOf({
      PORT: "-1",
      PROVIDERS_MODE: "fake",
      UPSTREAM_TIMEOUT_MS: "soon",
      CUDO_BASE_URL: "ftp://x",
      LOG_LEVEL: "loud",
    });
    expect(problems).toHaveLength(5);
    expect(problems.join("\n")).toMatch(/PROVIDERS_MODE must be one of simulated, live \(got "fake"\)/);
    expect(problems.join("\n")).toMatch(/CUDO_BASE_URL must be an http\(s\) URL/);
  });

  it("refuses live mode with server-side keys and no API_TOKENS", () => {
    const problems = problemsOf({ PROVIDERS_MODE: "live", DEPICTA_API_KEY: "dpct_x" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/API_TOKENS is required/);
    expect(() => loadConfig({ PROVIDERS_MODE: "live", DEPICTA_API_KEY: "dpct_x", API_TOKENS: "t" })).not.toThrow();
    expect(() => loadConfig({ PROVIDERS_MODE: "simulated", DEPICTA_API_KEY: "dpct_x" })).not.toThrow();
  });

  it("never echoes a key value in its messages", () => {
    const error = (() => {
      try {
        loadConfig({ PROVIDERS_MODE: "live", DIFFIO_API_KEY: "diffio_live_topsecret" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).not.toContain("topsecret");
  });
});

describe("loadConfig: OpenTelemetry tracing", () => {
  it("is off without an OTLP endpoint, whatever else is set", () => {
    expect(loadConfig({ OTEL_SERVICE_NAME: "x", OTEL_TRACES_SAMPLER: "always_on" }).tracing).toBeUndefined();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318", OTEL_SDK_DISABLED: "true" }).tracing).toBeUndefined();
  });

  it("derives the traces endpoint, defaults to protobuf, the parent-based sampler and no propagation to providers", () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/" }).tracing).toEqual({
      endpoint: "http://collector:4318/v1/traces",
      protocol: "http/protobuf",
      sampler: "parentbased_always_on",
      propagateToProviders: false,
    });
    const specific = loadConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318",
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://api.honeycomb.io/v1/traces",
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_TRACES_SAMPLER: "parentbased_traceidratio",
      OTEL_TRACES_SAMPLER_ARG: "0.25",
      OTEL_PROPAGATE_TO_PROVIDERS: "true",
    }).tracing;
    expect(specific).toEqual({
      endpoint: "https://api.honeycomb.io/v1/traces",
      protocol: "http/json",
      sampler: "parentbased_traceidratio",
      propagateToProviders: true,
    });
  });

  it("refuses gRPC, unknown samplers, ratios outside 0..1, bad URLs and a non-boolean propagation flag", () => {
    expect(
      problemsOf({
        OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4317",
        OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
        OTEL_TRACES_SAMPLER: "sometimes",
        OTEL_PROPAGATE_TO_PROVIDERS: "maybe",
      }),
    ).toEqual([
      "OTEL_PROPAGATE_TO_PROVIDERS must be true or false (got \"maybe\")",
      'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL such as http://localhost:4318 (got "collector:4317")',
      'OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf or http/json (got "grpc"; gRPC is not bundled: use the collector\'s OTLP/HTTP port, usually 4318)',
      expect.stringContaining('OTEL_TRACES_SAMPLER must be one of always_on, always_off, traceidratio'),
    ]);
    expect(
      problemsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318", OTEL_TRACES_SAMPLER: "traceidratio", OTEL_TRACES_SAMPLER_ARG: "1.5" }),
    ).toEqual(['OTEL_TRACES_SAMPLER_ARG must be a ratio from 0 to 1 (got "1.5")']);
  });
});

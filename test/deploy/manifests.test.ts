import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { parseAllDocuments } from "yaml";
import { DRAIN_MARGIN_MS } from "../../src/composition-root.js";
import { GRAPHQL_PATH } from "../../src/http/http-server.js";
import { providerVariables } from "../../src/config.js";
import { PROVIDER_MODULES } from "../../src/providers/index.js";
import { loadConfig, CREDENTIAL_HEADERS } from "../helpers/providers.js";
import { ACCOUNT_GRAPH, ACCOUNT_GRAPH_FORWARDED_HEADERS } from "../federation/headers.js";

// The deployment files must describe the code they deploy: ports, probe paths, env var names,
// header names and service names are checked against the source, so either side drifting fails.
const ROOT = resolve(new URL("../../", import.meta.url).pathname);
const DEPLOY = join(ROOT, "deploy");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

// Parsed YAML is untyped by nature; the assertions below are what give it a shape.
type Yaml = any;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const FILES = yamlFiles(DEPLOY);
const PARSED = FILES.map(path => ({
  path: relative(ROOT, path),
  documents: parseAllDocuments(readFileSync(path, "utf8")),
}));
const docs = (path: string): Yaml[] =>
  PARSED.find(f => f.path === path)!.documents.map(d => d.toJS());
// Objects applied to the cluster (the Kustomization is a build instruction, not one of them).
const K8S: Yaml[] = PARSED.flatMap(f => f.documents.map(d => d.toJS())).filter(
  o => o?.kind && o.kind !== "Kustomization",
);
const byKind = (kind: string) => K8S.filter(o => o.kind === kind);
const named = (kind: string, name: string): Yaml => {
  const found = byKind(kind).find(o => o.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} named ${name} under deploy/`);
  return found;
};
const container = (deployment: Yaml, name: string): Yaml =>
  deployment.spec.template.spec.containers.find((c: Yaml) => c.name === name);
const envOf = (c: Yaml): Yaml[] => c.env ?? [];
const selects = (service: Yaml, deployment: Yaml) =>
  Object.entries(service.spec.selector).every(
    ([k, v]) => deployment.spec.template.metadata.labels[k] === v,
  );
// The Service whose selector picks a Deployment's pods and which exposes `port`.
const serviceFor = (deployment: Yaml): Yaml => {
  const services = byKind("Service").filter(s => selects(s, deployment));
  expect(services).toHaveLength(1);
  return services[0];
};

const config = loadConfig({});
const appSource = read("src/http/http-server.ts");
const configSource = read("src/config.ts");
const dockerfile = read("Dockerfile");

// Every env var name the server reads: quoted names in src/config.ts and in the modules' own
// settings (`readSettings` in each `<name>.facts.ts`), plus the per-provider templated ones.
const settingsSources = PROVIDER_MODULES.map(m => read(`src/providers/${m.id.toLowerCase()}/${m.id.toLowerCase()}.facts.ts`));
const CONFIG_ENV = new Set<string>([
  ...[...configSource.matchAll(/"([A-Z][A-Z0-9_]+)"/g)].map(m => m[1]!),
  ...settingsSources.flatMap(source => [...source.matchAll(/read\("([A-Z][A-Z0-9_]+)"\)/g)].map(m => m[1]!)),
  ...PROVIDER_MODULES.flatMap(({ id }) => Object.values(providerVariables(id))),
]);

const accountGraph = named("Deployment", "account-graph");
const app = container(accountGraph, "account-graph");
const redis = named("Deployment", "account-graph-redis");
const router = named("Deployment", "router");
const routerContainer = container(router, "router");
const routerConfig: Yaml = docs("deploy/router.yaml")[0];
const supergraph: Yaml = docs("deploy/supergraph.yaml")[0];
const kustomization: Yaml = docs("deploy/kustomization.yaml")[0];

describe("deploy/", () => {
  it("parses: every YAML file under it, every document, without errors or warnings", () => {
    expect(FILES.map(f => relative(DEPLOY, f)).sort()).toEqual(
      expect.arrayContaining([
        "router.yaml",
        "supergraph.yaml",
        "k8s/account-graph.yaml",
        "k8s/redis.yaml",
      ]),
    );
    for (const { path, documents } of PARSED) {
      // The path rides along so a failure names the file.
      const errors = documents.flatMap(d => d.errors.map(e => e.message));
      const warnings = documents.flatMap(d => d.warnings.map(e => e.message));
      expect({ path, errors, warnings }).toEqual({ path, errors: [], warnings: [] });
      expect(documents.length).toBeGreaterThan(0);
    }
    // Kubernetes objects are well-formed enough for `kubectl apply`.
    for (const object of K8S) {
      expect(object.apiVersion).toEqual(expect.any(String));
      expect(object.metadata?.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    }
  });
});

describe("deploy/k8s: account-graph", () => {
  it("runs several replicas behind a Service on the port the server listens on", () => {
    expect(accountGraph.spec.replicas).toBeGreaterThanOrEqual(2);
    const port = app.ports.find((p: Yaml) => p.name === "http");
    expect(port.containerPort).toBe(config.port);
    // The Dockerfile's EXPOSE and the PORT the manifest sets agree with the config default.
    const exposed = [...dockerfile.matchAll(/^EXPOSE\s+(\d+)/gm)].map(m => Number(m[1]));
    expect(exposed).toEqual([config.port]);
    const portEnv = envOf(app).find(e => e.name === "PORT");
    if (portEnv) expect(Number(portEnv.value)).toBe(config.port);

    const service = serviceFor(accountGraph);
    expect(service.metadata.name).toBe("account-graph");
    expect(service.spec.ports).toHaveLength(1);
    expect([config.port, "http"]).toContain(service.spec.ports[0].targetPort);
  });

  it("probes readiness at /readyz and liveness at /healthz, paths the server serves", () => {
    const readiness = app.readinessProbe.httpGet;
    const liveness = app.livenessProbe.httpGet;
    expect(readiness.path).toBe("/readyz");
    expect(liveness.path).toBe("/healthz");
    for (const probe of [readiness, liveness]) {
      expect(appSource).toContain(`path === "${probe.path}"`);
      expect([config.port, "http"]).toContain(probe.port);
    }
  });

  it("sets only env vars the config reads, with values the config accepts", () => {
    const names = envOf(app).map(e => e.name as string);
    // NODE_OPTIONS is Node's own (the heap cap below), not account-graph's.
    expect(names.filter(name => !CONFIG_ENV.has(name) && name !== "NODE_OPTIONS")).toEqual([]);
    expect(names).toEqual(
      expect.arrayContaining(["NODE_ENV", "PROVIDERS_MODE", "REDIS_URL", "API_TOKENS"]),
    );
    // Secrets are references, never literals in the manifest.
    const apiTokens = envOf(app).find(e => e.name === "API_TOKENS");
    expect(apiTokens.value).toBeUndefined();
    expect(apiTokens.valueFrom.secretKeyRef).toEqual({
      name: expect.any(String),
      key: expect.any(String),
    });

    // The manifest's env (secret values stubbed) is a configuration the server starts with.
    const env: Record<string, string> = {};
    for (const e of envOf(app)) env[e.name] = e.value ?? "stub-secret-value-as-long-as-a-real-one-0123";
    const deployed = loadConfig(env);
    expect(deployed.production).toBe(true);
    expect(deployed.providersMode).toBe("live");
    expect(deployed.port).toBe(config.port);
    expect(deployed.apiTokens.length).toBeGreaterThan(0);
  });

  it("points REDIS_URL at the redis Service", () => {
    const url = new URL(envOf(app).find(e => e.name === "REDIS_URL").value);
    const service = serviceFor(redis);
    expect(url.protocol).toBe("redis:");
    expect(url.hostname).toBe(service.metadata.name);
    expect(Number(url.port || 6379)).toBe(service.spec.ports[0].port);
    const redisPort = container(redis, "redis").ports[0];
    expect([redisPort.containerPort, redisPort.name]).toContain(service.spec.ports[0].targetPort);
    // One Redis: two would split the shared budget.
    expect(redis.spec.replicas).toBe(1);
  });

  it("caps V8's heap below the container's memory limit", () => {
    const options = envOf(app).find(e => e.name === "NODE_OPTIONS")?.value as string | undefined;
    const heapMb = Number(/--max-old-space-size=(\d+)/.exec(options ?? "")?.[1]);
    const limit = String(app.resources.limits.memory);
    const limitMb = Number(/^(\d+)Mi$/.exec(limit)?.[1]);
    expect(heapMb).toBeGreaterThan(0);
    // Room beside the old generation: young generation, code, buffers and sockets.
    expect(heapMb).toBeLessThanOrEqual(limitMb * 0.7);
  });

  it("drains on stop, and every container is non-root, read-only and resource-bounded", () => {
    const grace = accountGraph.spec.template.spec.terminationGracePeriodSeconds;
    // Kubernetes kills after the grace: it must outlast preStop plus the server's own drain
    // (the upstream deadline plus its margin), or requests to a hung provider are cut.
    const preStop = Number(app.lifecycle.preStop.exec.command.at(-1));
    const deadlineMs = Number(envOf(app).find(e => e.name === "UPSTREAM_TIMEOUT_MS")?.value ?? 10_000);
    expect(grace).toBeGreaterThan(preStop + (deadlineMs + DRAIN_MARGIN_MS) / 1000);
    for (const deployment of byKind("Deployment")) {
      const pod = deployment.spec.template.spec;
      for (const c of pod.containers) {
        const where = `${deployment.metadata.name}/${c.name}`;
        // `where` rides along in each comparison so a failure names the container.
        expect({
          where,
          runAsNonRoot: c.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot,
          readOnlyRootFilesystem: c.securityContext?.readOnlyRootFilesystem,
          allowPrivilegeEscalation: c.securityContext?.allowPrivilegeEscalation,
        }).toEqual({
          where,
          runAsNonRoot: true,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
        });
        for (const kind of ["requests", "limits"]) {
          const bounds = c.resources?.[kind];
          expect({ where, kind, cpu: !!bounds?.cpu, memory: !!bounds?.memory }).toEqual({
            where,
            kind,
            cpu: true,
            memory: true,
          });
        }
      }
    }
  });
});

describe("deploy/supergraph.yaml", () => {
  it("composes our committed schema with the composition version the tests use", () => {
    const composition = JSON.parse(read("node_modules/@apollo/composition/package.json")) as {
      version: string;
    };
    expect(String(supergraph.federation_version)).toBe(`=${composition.version}`);
    expect(Object.keys(supergraph.subgraphs)).toEqual([ACCOUNT_GRAPH]);
    const schemaPath = resolve(DEPLOY, supergraph.subgraphs[ACCOUNT_GRAPH].schema.file);
    expect(existsSync(schemaPath)).toBe(true);
    expect(schemaPath).toBe(join(ROOT, "schema.graphql"));
  });

  it("routes to the account-graph Service, on its port, at /graphql", () => {
    const url = new URL(supergraph.subgraphs[ACCOUNT_GRAPH].routing_url);
    const service = serviceFor(accountGraph);
    expect(url.hostname).toBe(service.metadata.name);
    expect(Number(url.port)).toBe(service.spec.ports[0].port);
    expect(url.pathname).toBe("/graphql");
    expect(GRAPHQL_PATH).toBe(url.pathname);
  });
});

describe("deploy/router.yaml", () => {
  const rules: Yaml[] = routerConfig.headers.subgraphs[ACCOUNT_GRAPH].request;

  it("propagates exactly the four credential headers, x-request-id and idempotency-key, to account-graph only", () => {
    const propagated = rules.filter(r => r.propagate).map(r => r.propagate);
    const expected = [...Object.values(CREDENTIAL_HEADERS), "x-request-id", "idempotency-key"];
    expect(propagated.map(p => p.named).sort()).toEqual([...expected].sort());
    // Named only: no regex that could let other headers through, no renames.
    for (const p of propagated) expect(Object.keys(p)).toEqual(["named"]);
    // The same list the gateway test's data source forwards.
    expect([...ACCOUNT_GRAPH_FORWARDED_HEADERS].sort()).toEqual([...expected].sort());
    // No rules for all subgraphs (credentials would reach every subgraph).
    expect(routerConfig.headers.all).toBeUndefined();
    expect(Object.keys(routerConfig.headers.subgraphs)).toEqual(Object.keys(supergraph.subgraphs));
  });

  it("sends W3C trace context to account-graph, so a routed request is one trace", () => {
    // The router injects traceparent/tracestate itself (not a header rule): account-graph
    // continues that trace (src/observability/otel-spans.ts extracts the W3C headers).
    expect(routerConfig.telemetry.exporters.tracing.propagation.trace_context).toBe(true);
    expect(rules.some(r => /trace/i.test(String(r.propagate?.named ?? "")))).toBe(false);
  });

  it("authenticates to account-graph with a token from the environment, never a literal", () => {
    const inserts = rules.filter(r => r.insert).map(r => r.insert);
    expect(inserts.map(i => i.name)).toEqual(["authorization"]);
    const match = /^Bearer \$\{env\.([A-Z_][A-Z0-9_]*)\}$/.exec(inserts[0].value);
    expect(match).not.toBeNull();
    // The router container gets that variable from the Secret that holds account-graph's tokens.
    const tokenEnv = envOf(routerContainer).find(e => e.name === match![1]);
    const apiTokens = envOf(app).find(e => e.name === "API_TOKENS");
    expect(tokenEnv.valueFrom.secretKeyRef.name).toBe(apiTokens.valueFrom.secretKeyRef.name);
  });

  it("waits longer for account-graph than account-graph waits for a provider", () => {
    const configured = routerConfig.traffic_shaping.subgraphs[ACCOUNT_GRAPH].timeout;
    const timeout = /^(\d+)(ms|s)$/.exec(configured);
    expect(timeout).not.toBeNull();
    const routerMs = Number(timeout![1]) * (timeout![2] === "s" ? 1000 : 1);
    const upstreamEnv = envOf(app).find(e => e.name === "UPSTREAM_TIMEOUT_MS");
    const upstreamMs = upstreamEnv ? Number(upstreamEnv.value) : config.upstreamTimeoutMs;
    expect(routerMs).toBeGreaterThan(upstreamMs);
    // account-graph's coded errors reach clients instead of being redacted by the router.
    expect(routerConfig.include_subgraph_errors.subgraphs[ACCOUNT_GRAPH]).toBe(true);
  });

  it("listens and reports health on the ports its Deployment exposes and probes", () => {
    const port = (listen: string) => Number(/:(\d+)$/.exec(listen)![1]);
    const ports = Object.fromEntries(
      routerContainer.ports.map((p: Yaml) => [p.name, p.containerPort]),
    );
    expect(port(routerConfig.supergraph.listen)).toBe(ports.http);
    expect(routerConfig.health_check.enabled).toBe(true);
    expect(port(routerConfig.health_check.listen)).toBe(ports.health);
    for (const probe of [routerContainer.readinessProbe, routerContainer.livenessProbe]) {
      expect(probe.httpGet.path.startsWith(routerConfig.health_check.path)).toBe(true);
      expect(["health", ports.health]).toContain(probe.httpGet.port);
    }
  });
});

describe("deploy/kustomization.yaml", () => {
  it("includes every manifest and mounts the router config it generates", () => {
    const manifests = yamlFiles(join(DEPLOY, "k8s")).map(f => relative(DEPLOY, f)).sort();
    expect([...kustomization.resources].sort()).toEqual(manifests);
    const generator = kustomization.configMapGenerator.find(
      (g: Yaml) => g.name === "router-config",
    );
    for (const file of generator.files as string[]) {
      // supergraph.graphql is composed at deploy time by `npm run supergraph` (test/deploy/supergraph.test.ts).
      if (file === "supergraph.graphql") continue;
      expect(existsSync(join(DEPLOY, file))).toBe(true);
    }
    expect(generator.files).toEqual(expect.arrayContaining(["router.yaml", "supergraph.graphql"]));
    const volume = router.spec.template.spec.volumes.find((v: Yaml) => v.configMap);
    expect(volume.configMap.name).toBe(generator.name);
    const mount = routerContainer.volumeMounts.find((m: Yaml) => m.name === volume.name).mountPath;
    const args: string[] = routerContainer.args;
    expect(args[args.indexOf("--config") + 1]).toBe(`${mount}/router.yaml`);
    expect(args[args.indexOf("--supergraph") + 1]).toBe(`${mount}/supergraph.graphql`);
    // The image kustomize rewrites is the one the Deployment uses.
    expect(kustomization.images.map((i: Yaml) => i.name)).toContain(app.image);
  });
});

describe("deploy/monitoring: Prometheus Operator objects", () => {
  const monitor = named("ServiceMonitor", "account-graph");
  const rules = named("PrometheusRule", "account-graph");
  const monitoringKustomization: Yaml = docs("deploy/monitoring/kustomization.yaml")[0];
  const operations = existsSync(join(ROOT, "docs/operations.md")) ? read("docs/operations.md") : "";

  it("scrapes /metrics on account-graph's Service port with a token from the account-graph Secret", () => {
    expect(monitor.apiVersion).toBe("monitoring.coreos.com/v1");
    const services = byKind("Service").filter(s =>
      Object.entries(monitor.spec.selector.matchLabels).every(([k, v]) => s.metadata.labels?.[k] === v),
    );
    expect(services.map(s => s.metadata.name)).toEqual(["account-graph"]);
    const [endpoint] = monitor.spec.endpoints;
    expect(services[0].spec.ports.map((p: Yaml) => p.name)).toContain(endpoint.port);
    expect(endpoint.path).toBe("/metrics");
    expect(appSource).toContain(`path === "${endpoint.path}"`);
    // /metrics takes an API_TOKENS bearer token: the same Secret, a key of its own.
    const apiTokens = envOf(app).find(e => e.name === "API_TOKENS").valueFrom.secretKeyRef;
    expect(endpoint.authorization.type).toBe("Bearer");
    expect(endpoint.authorization.credentials.name).toBe(apiTokens.name);
    expect(endpoint.authorization.credentials.key).not.toBe(apiTokens.key);
  });

  it("is applied on its own (it needs the operator's CRDs), listing every file of its folder", () => {
    const files = yamlFiles(join(DEPLOY, "monitoring")).map(f => relative(join(DEPLOY, "monitoring"), f));
    expect([...monitoringKustomization.resources].sort()).toEqual(files.filter(f => f !== "kustomization.yaml").sort());
    expect(kustomization.resources.some((r: string) => r.includes("monitoring"))).toBe(false);
  });

  it("alerts only on series the server exports, with labels they carry, each with its runbook", async () => {
    const { createMetrics } = await import("../../src/observability/metrics.js");
    const { observeSharedState } = await import("../../src/observability/shared-state-metrics.js");
    const { createSharedState } = await import("../../src/shared-state/index.js");
    const metrics = createMetrics();
    const shared = await createSharedState(loadConfig({}));
    observeSharedState(metrics.registry, shared, PROVIDER_MODULES);
    const labels = new Map<string, string[]>();
    for (const m of metrics.registry.getMetricsAsArray()) {
      const names = [...((m as { labelNames?: string[] }).labelNames ?? [])];
      const series = String(m.type) === "histogram" ? ["_bucket", "_count", "_sum"].map(s => m.name + s) : [m.name];
      for (const name of series) labels.set(name, name.endsWith("_bucket") ? [...names, "le"] : names);
    }
    await shared.close();

    const alerts: Yaml[] = rules.spec.groups.flatMap((g: Yaml) => g.rules);
    expect(alerts.map(a => a.alert)).toEqual(expect.arrayContaining([
      "AccountGraphProviderFailing", "AccountGraphCircuitOpen", "AccountGraphDepictaBudgetSaturated", "AccountGraphRedisUnreachable",
    ]));
    const PROMQL = new Set(["sum", "max", "min", "by", "on", "rate", "increase", "histogram_quantile", "group_left", "up", "ignoring"]);
    for (const alert of alerts) {
      const expr: string = alert.expr;
      const used = [...expr.matchAll(/\b(account_graph_[a-z_]+)(\{[^}]*\})?/g)];
      const byLabels = [...expr.matchAll(/\b(?:by|on) \(([^)]*)\)/g)].flatMap(m => m[1]!.split(",").map(l => l.trim()));
      for (const [, name, selector] of used) {
        const known = labels.get(name!);
        expect({ alert: alert.alert, name, exported: known !== undefined }).toEqual({ alert: alert.alert, name, exported: true });
        const selected = [...(selector ?? "").matchAll(/([a-z_]+)\s*[=!~]/g)].map(m => m[1]!);
        // Prometheus adds `pod` and `job` to every scraped series.
        const unknown = [...selected, ...byLabels].filter(l => !known!.includes(l) && !["pod", "job"].includes(l) && !PROMQL.has(l));
        expect({ alert: alert.alert, name, unknown }).toEqual({ alert: alert.alert, name, unknown: [] });
      }
      // Each alert points at a section of docs/operations.md that exists.
      const anchor = /^docs\/operations\.md#([a-z0-9-]+)$/.exec(alert.annotations.runbook)?.[1];
      const headings = [...operations.matchAll(/^#+ (.+)$/gm)].map(m => m[1]!.toLowerCase().replace(/[^a-z0-9 -]/g, "").replace(/ /g, "-"));
      expect({ alert: alert.alert, anchor: headings.includes(anchor ?? "") ? anchor : `missing: ${anchor}` }).toEqual({ alert: alert.alert, anchor });
    }
  });
});

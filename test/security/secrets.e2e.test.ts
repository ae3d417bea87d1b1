import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { CUDO_DEMO_ACCOUNTS, CUDO_DEMO_KEYS } from "../../src/providers/cudo/simulator/cudo.simulator.js";
import { DEPICTA_DEMO_KEYS } from "../../src/providers/depicta/simulator/depicta.simulator.js";
import { DIFFIO_DEMO_KEYS } from "../../src/providers/diffio/simulator/diffio.simulator.js";
import { HOSTUP_DEMO_KEYS } from "../../src/providers/hostup/simulator/hostup.simulator.js";
import { type SimFault } from "../../src/simulators/sim-server.js";
import { loadConfig } from "../helpers/providers.js";
import { startTracing } from "../../src/observability/tracing.js";
import { startOtlpReceiver, type OtlpReceiver } from "../helpers/otlp-receiver.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { until } from "../helpers/until.js";

// Secret scanning: every scenario uses credentials minted for it alone (registered in the
// simulators the way their demo keys are, or deliberately unknown to them), then every response
// body, every response header and every log line (LOG_LEVEL=debug) is searched for each of them.
// Runs in development (messages unmasked, upstream inspector on) and in production, and once more
// in development with tracing on, where every exported span (OTLP/JSON as the SDK sent it,
// resource included) is searched too.

type ProviderName = "DIFFIO" | "HOSTUP" | "CUDO" | "DEPICTA";
const PROVIDERS: ProviderName[] = ["DIFFIO", "HOSTUP", "CUDO", "DEPICTA"];
const HEADER: Record<ProviderName, string> = {
  DIFFIO: "x-diffio-api-key",
  HOSTUP: "x-hostup-api-key",
  CUDO: "x-cudo-api-key",
  DEPICTA: "x-depicta-api-key",
};

/** A credential minted for one use; `core` is its random part, searched for on its own too. */
interface Secret {
  label: string;
  value: string;
  core: string;
}

/** Something the server produced, and where: `response 3 body`, `log line 17`... */
interface Material {
  where: string;
  text: string;
}

/** One occurrence of a secret (or its bearer form, or its random core) in the material. */
interface Finding {
  secret: string;
  form: string;
  where: string;
  excerpt: string;
}

function mint(label: string, provider?: ProviderName): Secret {
  const core = randomBytes(12).toString("hex");
  // Depicta's simulator only accepts its documented key format: dpct_ + 43 letters and digits.
  const value =
    provider === "DEPICTA"
      ? `dpct_${`Secret${core}${"Q".repeat(43)}`.slice(0, 43)}`
      : `${(provider ?? "tok").toLowerCase()}_secret_${label}_${core}`;
  return { label, value, core };
}

/**
 * Every place a secret shows in `material`: the secret itself, `Bearer <secret>` and the random
 * core alone (which also catches truncated, re-cased or partly escaped copies).
 */
function scan(material: Material[], secrets: Secret[]): Finding[] {
  const findings: Finding[] = [];
  for (const { where, text } of material) {
    const lower = text.toLowerCase();
    for (const secret of secrets) {
      const forms: [string, string][] = [
        ["secret", secret.value],
        ["bearer", `Bearer ${secret.value}`],
        ["core", secret.core],
      ];
      for (const [form, needle] of forms) {
        const at = lower.indexOf(needle.toLowerCase());
        if (at >= 0) {
          findings.push({
            secret: secret.label,
            form,
            where,
            excerpt: text.slice(Math.max(0, at - 80), at + 80),
          });
        }
      }
    }
  }
  return findings;
}

/** Credentials for one scenario: accepted, unknown (401) and restricted (403) per provider. */
interface Credentials {
  accepted: Record<ProviderName, Secret>;
  rejected: Record<ProviderName, Secret>;
  forbidden: Record<ProviderName, Secret>;
}

/** What a scenario can do: send GraphQL with chosen credential headers, and inject faults. */
interface ScenarioContext {
  creds: Credentials;
  gql(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<Answer>;
  fail(provider: ProviderName, fault: SimFault): void;
  keyHeaders(kind: keyof Credentials, providers?: ProviderName[]): Record<string, string>;
}

interface Answer {
  status: number;
  codes: string[];
}

interface Scenario {
  name: string;
  /** Error codes that must all appear (proof the scenario hit the path it is named after). */
  codes: string[];
  run(ctx: ScenarioContext): Promise<void>;
}

const READ = (p: ProviderName) =>
  p === "CUDO"
    ? `{ account(provider: CUDO, id: "${CUDO_DEMO_ACCOUNTS.main}") { provider id } }`
    : `{ account(provider: ${p}) { provider id } }`;

const MUTATIONS: Record<
  ProviderName,
  { query: string; valid: Record<string, unknown>; invalid: Record<string, unknown> }
> = {
  DIFFIO: {
    query:
      "mutation M($input: UpdateBillingPolicyInput!) { updateBillingPolicy(input: $input) { id } }",
    valid: { type: "INTERNAL_DIFFIO", reason: "secret scan" },
    invalid: { type: "CUSTOMER_STRIPE", reason: "x".repeat(600) },
  },
  HOSTUP: {
    query: "mutation M($input: PatchPreferencesInput!) { patchPreferences(input: $input) { id } }",
    valid: { localization: { timezone: "Europe/Stockholm" } },
    invalid: { localization: { timezone: "Mars/Olympus_Mons" } },
  },
  CUDO: {
    query:
      "mutation M($input: UpdateBillingAccountInput!) { updateBillingAccount(input: $input) { id } }",
    valid: { id: CUDO_DEMO_ACCOUNTS.main, displayName: "Secret scan" },
    invalid: {
      id: CUDO_DEMO_ACCOUNTS.main,
      creditBalanceRecharge: { autoRecharge: true, low: "10", high: "1" },
    },
  },
  DEPICTA: {
    query:
      "mutation M($input: UpdateProfileNameInput!) { updateProfileName(input: $input) { id } }",
    valid: { name: "Secret scan" },
    invalid: { name: "   " },
  },
};

/** Each provider's own error body, with `text` where its message goes. */
function messageEcho(p: ProviderName, status: number, text: string): unknown {
  switch (p) {
    case "DIFFIO":
      return { error: text, code: "invalid_api_key" };
    case "HOSTUP":
      return {
        type: "about:blank",
        title: "Unauthorized",
        status,
        detail: text,
        code: "unauthorized",
      };
    case "CUDO":
      return {
        code: status,
        status: status === 400 ? "INVALID_ARGUMENT" : "UNAUTHENTICATED",
        message: text,
        details: [],
      };
    case "DEPICTA":
      return { error: "auth_invalid", message: text, details: null, request_id: "req_scan" };
  }
}

/** Each provider's error body with `text` in every string it has (codes, ids, field errors). */
function everywhereEcho(p: ProviderName, status: number, text: string): unknown {
  switch (p) {
    case "DIFFIO":
      return { error: text, code: text };
    case "HOSTUP":
      return {
        type: text,
        title: text,
        status,
        detail: text,
        code: text,
        requestId: text,
        errors: [{ pointer: "/localization/timezone", detail: text, code: text }],
      };
    case "CUDO":
      return {
        code: status,
        status: text,
        message: text,
        details: [
          { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: text, domain: text },
          { "@type": "type.googleapis.com/google.rpc.RequestInfo", requestId: text },
          {
            "@type": "type.googleapis.com/google.rpc.BadRequest",
            fieldViolations: [{ field: "display_name", description: text }],
          },
        ],
      };
    case "DEPICTA":
      return {
        error: text,
        message: text,
        details: [{ field: "name", message: text }],
        request_id: text,
      };
  }
}

const SCENARIOS: Scenario[] = [
  {
    name: "reads of each provider with the caller's credentials",
    codes: [],
    async run(ctx) {
      for (const p of PROVIDERS) await ctx.gql(READ(p), undefined, ctx.keyHeaders("accepted", [p]));
    },
  },
  {
    name: "the accounts query over all four providers",
    codes: [],
    async run(ctx) {
      await ctx.gql("{ accounts { provider id } }", undefined, ctx.keyHeaders("accepted"));
    },
  },
  {
    name: "each mutation with valid input",
    codes: [],
    async run(ctx) {
      for (const p of PROVIDERS) {
        await ctx.gql(
          MUTATIONS[p].query,
          { input: MUTATIONS[p].valid },
          ctx.keyHeaders("accepted", [p]),
        );
      }
    },
  },
  {
    name: "server-side keys only (no credential headers)",
    codes: [],
    async run(ctx) {
      for (const p of PROVIDERS) await ctx.gql(READ(p));
      await ctx.gql("{ accounts { provider id } }");
    },
  },
  {
    name: "401: credentials the providers do not know",
    codes: ["UNAUTHENTICATED"],
    async run(ctx) {
      for (const p of PROVIDERS) {
        await ctx.gql(READ(p), undefined, ctx.keyHeaders("rejected", [p]));
        await ctx.gql(
          MUTATIONS[p].query,
          { input: MUTATIONS[p].valid },
          ctx.keyHeaders("rejected", [p]),
        );
      }
      await ctx.gql("{ accounts { provider id } }", undefined, ctx.keyHeaders("rejected"));
    },
  },
  {
    name: "403: revoked, unscoped or suspended credentials",
    codes: ["FORBIDDEN"],
    async run(ctx) {
      for (const p of PROVIDERS)
        await ctx.gql(READ(p), undefined, ctx.keyHeaders("forbidden", [p]));
    },
  },
  {
    name: "429 with a long Retry-After",
    codes: ["RATE_LIMITED"],
    async run(ctx) {
      for (const p of PROVIDERS)
        ctx.fail(p, { status: 429, headers: { "retry-after": "120" }, times: 10 });
      await ctx.gql("{ accounts { provider id } }", undefined, ctx.keyHeaders("accepted"));
    },
  },
  {
    name: "500 on reads (retried) and on mutations (not retried)",
    codes: ["UPSTREAM_ERROR"],
    async run(ctx) {
      for (const p of PROVIDERS) {
        ctx.fail(p, { status: 500, times: 10 });
        await ctx.gql(READ(p), undefined, ctx.keyHeaders("accepted", [p]));
        await ctx.gql(
          MUTATIONS[p].query,
          { input: MUTATIONS[p].valid },
          ctx.keyHeaders("accepted", [p]),
        );
      }
    },
  },
  {
    name: "timeout: upstreams that never answer",
    codes: ["UPSTREAM_TIMEOUT"],
    async run(ctx) {
      for (const p of PROVIDERS) ctx.fail(p, { kind: "hang", times: 10 });
      await ctx.gql("{ accounts { provider id } }", undefined, ctx.keyHeaders("accepted"));
    },
  },
  {
    name: "connection reset and an HTML error page",
    codes: ["UPSTREAM_ERROR"],
    async run(ctx) {
      for (const p of PROVIDERS) ctx.fail(p, { kind: "reset", times: 10 });
      await ctx.gql("{ accounts { provider id } }", undefined, ctx.keyHeaders("accepted"));
      for (const p of PROVIDERS) ctx.fail(p, { kind: "html", status: 502, times: 10 });
      await ctx.gql("{ accounts { provider id } }", undefined, ctx.keyHeaders("accepted"));
    },
  },
  {
    name: "an upstream that echoes the credential in its error message",
    codes: ["UNAUTHENTICATED", "BAD_USER_INPUT"],
    async run(ctx) {
      for (const p of PROVIDERS) {
        const key = ctx.creds.accepted[p].value;
        ctx.fail(p, {
          status: 401,
          body: messageEcho(p, 401, `API key ${key} is not valid (Bearer ${key})`),
        });
        await ctx.gql(READ(p), undefined, ctx.keyHeaders("accepted", [p]));
        ctx.fail(p, { status: 400, body: messageEcho(p, 400, `Rejected for key ${key}`) });
        await ctx.gql(
          MUTATIONS[p].query,
          { input: MUTATIONS[p].valid },
          ctx.keyHeaders("accepted", [p]),
        );
      }
    },
  },
  {
    name: "an upstream that echoes the credential in every error field and in X-Request-Id",
    codes: ["UNAUTHENTICATED", "BAD_USER_INPUT"],
    async run(ctx) {
      for (const p of PROVIDERS) {
        const key = ctx.creds.accepted[p].value;
        const headers = { "x-request-id": key };
        ctx.fail(p, { status: 401, body: everywhereEcho(p, 401, key), headers });
        await ctx.gql(READ(p), undefined, ctx.keyHeaders("accepted", [p]));
        ctx.fail(p, { status: 400, body: everywhereEcho(p, 400, key), headers });
        await ctx.gql(
          MUTATIONS[p].query,
          { input: MUTATIONS[p].valid },
          ctx.keyHeaders("accepted", [p]),
        );
      }
    },
  },
  {
    name: "validation failures: invalid inputs, unknown fields, syntax errors, bad variables",
    codes: ["BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED"],
    async run(ctx) {
      const all = ctx.keyHeaders("accepted");
      for (const p of PROVIDERS)
        await ctx.gql(MUTATIONS[p].query, { input: MUTATIONS[p].invalid }, all);
      await ctx.gql("{ account(provider: DIFFIO) { nope } }", undefined, all);
      await ctx.gql("{ account(provider: DIFFIO) { id }", undefined, all);
      await ctx.gql(MUTATIONS.DEPICTA.query, { input: { name: 42, extra: true } }, all);
    },
  },
];

const MODES = [
  { mode: "development", env: { NODE_ENV: "development" }, traced: false },
  { mode: "production", env: { NODE_ENV: "production" }, traced: false },
  { mode: "development with tracing", env: { NODE_ENV: "development" }, traced: true },
] as const;

for (const { mode, env, traced } of MODES) {
  describe(`secret scanning in ${mode}`, () => {
    let server: TestServer;
    let receiver: OtlpReceiver | undefined;
    let tracingEnv: Record<string, string> = {};
    const apiToken = mint("caller_api_token");
    const serverKeys = Object.fromEntries(
      PROVIDERS.map(p => [p, mint(`server_key_${p}`, p)]),
    ) as Record<ProviderName, Secret>;
    const everySecret: Secret[] = [apiToken, ...Object.values(serverKeys)];

    beforeAll(async () => {
      receiver = traced ? await startOtlpReceiver() : undefined;
      tracingEnv = receiver
        ? {
            OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
            OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
            OTEL_BSP_SCHEDULE_DELAY: "20",
            OTEL_PROPAGATE_TO_PROVIDERS: "true",
          }
        : {};
      // The SDK reads its own variables (endpoint, batch delay) from the environment.
      Object.assign(process.env, tracingEnv);
      const tracing = receiver ? await startTracing(loadConfig({ ...env, ...tracingEnv })) : undefined;
      server = await startTestServer(
        {
          ...env,
          ...tracingEnv,
          PROVIDERS_MODE: "simulated",
          LOG_LEVEL: "debug",
          UPSTREAM_TIMEOUT_MS: "1000",
          API_TOKENS: apiToken.value,
          DIFFIO_API_KEY: serverKeys.DIFFIO.value,
          HOSTUP_API_KEY: serverKeys.HOSTUP.value,
          CUDO_API_KEY: serverKeys.CUDO.value,
          DEPICTA_API_KEY: serverKeys.DEPICTA.value,
          // The fault scenarios fail many calls in a row; an open circuit would answer the later
          // scenarios without calling the simulators, so they would not test what they are named for.
          BREAKER_VOLUME_THRESHOLD: "1000000",
        },
        { tracing },
      );
    });
    afterAll(async () => {
      await server.stop();
      await receiver?.close();
      for (const name of Object.keys(tracingEnv)) delete process.env[name];
    });

    /** Make the simulators accept `secret` as a demo key with full rights, or answer it with 403. */
    function register(p: ProviderName, secret: string, kind: "accepted" | "forbidden") {
      const { diffio, hostup, cudo, depicta } = server.sims;
      if (p === "DIFFIO") {
        const admin = diffio.state.keys.get(DIFFIO_DEMO_KEYS.admin)!;
        diffio.state.keys.set(secret, {
          ...admin,
          status: kind === "accepted" ? "active" : "revoked",
        });
      } else if (p === "HOSTUP") {
        const full = hostup.state.keys.get(HOSTUP_DEMO_KEYS.full)!;
        hostup.state.keys.set(secret, {
          ...full,
          scopes: kind === "accepted" ? [...full.scopes] : ["read:billing"],
        });
      } else if (p === "CUDO") {
        const owner = cudo.state.keys.get(CUDO_DEMO_KEYS.owner)!;
        cudo.state.keys.set(secret, {
          keyId: `key-scan-${kind}`,
          roles: kind === "accepted" ? new Map(owner.roles) : new Map(),
        });
      } else {
        const user = depicta.state.keys.get(
          kind === "accepted" ? DEPICTA_DEMO_KEYS.main : DEPICTA_DEMO_KEYS.suspended,
        )!;
        depicta.state.keys.set(secret, user);
      }
    }

    async function runScenario(scenario: Scenario, index: number) {
      const creds: Credentials = { accepted: {}, rejected: {}, forbidden: {} } as Credentials;
      for (const p of PROVIDERS) {
        creds.accepted[p] = mint(`s${index}_accepted_${p}`, p);
        creds.rejected[p] = mint(`s${index}_rejected_${p}`, p);
        creds.forbidden[p] = mint(`s${index}_forbidden_${p}`, p);
      }
      const minted = Object.values(creds).flatMap(
        byProvider => Object.values(byProvider) as Secret[],
      );
      const secrets = [...everySecret, ...minted];
      everySecret.push(...secrets.filter(s => !everySecret.includes(s)));

      server.resetSims();
      for (const p of PROVIDERS) {
        register(p, serverKeys[p].value, "accepted");
        register(p, creds.accepted[p].value, "accepted");
        register(p, creds.forbidden[p].value, "forbidden");
      }
      const logStart = server.logs.lines.length;
      const spanStart = receiver?.spans.length ?? 0;
      const exportStart = receiver?.bodies.length ?? 0;
      // Requests that make a span: the scenario's (the refused one below makes none).
      let requests = 0;
      const material: Material[] = [];
      const codes = new Set<string>();
      const sims = {
        DIFFIO: server.sims.diffio,
        HOSTUP: server.sims.hostup,
        CUDO: server.sims.cudo,
        DEPICTA: server.sims.depicta,
      };

      const ctx: ScenarioContext = {
        creds,
        fail: (p, fault) => void sims[p].control.failNext(fault),
        keyHeaders: (kind, providers = PROVIDERS) =>
          Object.fromEntries(providers.map(p => [HEADER[p], creds[kind][p].value])),
        async gql(query, variables, headers = {}) {
          requests += 1;
          const response = await fetch(`${server.url}/graphql`, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              authorization: `Bearer ${apiToken.value}`,
              ...headers,
            },
            body: JSON.stringify({ query, variables }),
          });
          const text = await response.text();
          const n = material.length;
          material.push({ where: `response ${n} body (${query.slice(0, 40)})`, text });
          for (const [name, value] of response.headers) {
            material.push({ where: `response ${n} header ${name}`, text: `${name}: ${value}` });
          }
          const found = (
            (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors ?? []
          ).map(e => String(e.extensions?.code));
          for (const code of found) codes.add(code);
          return { status: response.status, codes: found };
        },
      };
      await scenario.run(ctx);
      // A request refused for a wrong caller token must not echo that token either.
      const wrongToken = mint(`s${index}_wrong_api_token`);
      everySecret.push(wrongToken);
      secrets.push(wrongToken);
      const refused = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${wrongToken.value}`,
        },
        body: JSON.stringify({ query: READ("DIFFIO") }),
      });
      material.push({ where: "wrong-token response body", text: await refused.text() });
      for (const [name, value] of refused.headers)
        material.push({ where: `wrong-token header ${name}`, text: `${name}: ${value}` });

      // Log lines are written synchronously; one turn lets any late line land.
      await new Promise(resolve => setImmediate(resolve));
      server.logs.lines
        .slice(logStart)
        .forEach((line, i) => material.push({ where: `log line ${logStart + i}`, text: line }));
      let spans = 0;
      if (receiver) {
        // Every request's span is exported before the scan.
        const serverSpans = () => receiver!.spans.slice(spanStart).filter(span => span.kind === 2).length;
        await until(() => serverSpans() >= requests, `the spans of ${requests} requests`);
        spans = receiver.spans.length - spanStart;
        receiver.bodies
          .slice(exportStart)
          .forEach((text, i) => material.push({ where: `span export ${exportStart + i}`, text }));
      }
      return {
        spans,
        material,
        secrets,
        codes,
        logLines: server.logs.lines.length - logStart,
        refusedStatus: refused.status,
      };
    }

    SCENARIOS.forEach((scenario, index) => {
      it(`leaks no credential: ${scenario.name}`, async () => {
        const { material, secrets, codes, logLines, refusedStatus, spans } = await runScenario(
          scenario,
          index,
        );
        expect(refusedStatus).toBe(401);
        if (traced) expect(spans).toBeGreaterThan(0);
        expect(logLines).toBeGreaterThan(0);
        expect([...codes]).toEqual(expect.arrayContaining(scenario.codes));
        if (scenario.codes.length === 0) expect([...codes]).toEqual([]);
        // One line per finding: where, which secret, and the text around it.
        expect(
          scan(material, secrets).map(f => `${f.where}: ${f.secret} (${f.form}) in …${f.excerpt}…`),
        ).toEqual([]);
      });
    });

    it("leaks no credential anywhere in the whole log, start-up included", () => {
      const material = server.logs.lines.map((text, i) => ({ where: `log line ${i}`, text }));
      expect(material.length).toBeGreaterThan(SCENARIOS.length);
      expect(scan(material, everySecret)).toEqual([]);
    });
  });
}

describe("the secret scanner", () => {
  it("finds a planted secret in a body, a header and a log line, in each form", () => {
    const planted = mint("planted", "DIFFIO");
    const depicta = mint("planted_depicta", "DEPICTA");
    const material: Material[] = [
      {
        where: "body",
        text: JSON.stringify({ errors: [{ message: `bad key ${planted.value}` }] }),
      },
      { where: "header", text: `www-authenticate: Bearer ${planted.value}` },
      { where: "log", text: JSON.stringify({ msg: "call", auth: `Bearer ${depicta.value}` }) },
      { where: "truncated", text: `key …${planted.core.toUpperCase()}` },
      { where: "clean", text: "nothing to see" },
    ];
    const found = scan(material, [planted, depicta]);
    expect(found.map(f => `${f.where}:${f.secret}:${f.form}`).sort()).toEqual(
      [
        "body:planted:secret",
        "body:planted:core",
        "header:planted:secret",
        "header:planted:bearer",
        "header:planted:core",
        "log:planted_depicta:secret",
        "log:planted_depicta:bearer",
        "log:planted_depicta:core",
        "truncated:planted:core",
      ].sort(),
    );
    expect(scan(material.slice(4), [planted, depicta])).toEqual([]);
  });

  it("mints distinct credentials in formats the simulators accept", () => {
    const a = mint("x", "DEPICTA");
    const b = mint("x", "DEPICTA");
    expect(a.value).not.toBe(b.value);
    expect(a.value).toMatch(/^dpct_[A-Za-z0-9]{43}$/);
    expect(a.value).toContain(a.core);
    expect(mint("y", "CUDO").value).toMatch(/^cudo_secret_y_[0-9a-f]{24}$/);
  });
});

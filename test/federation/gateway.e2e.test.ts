import { type IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { ApolloGateway } from "@apollo/gateway";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { CREDENTIAL_HEADERS, Provider } from "../helpers/providers.js";
import { CUDO_DEMO_ACCOUNTS, CUDO_DEMO_KEYS } from "../../src/providers/cudo/simulator/cudo.sim-state.js";
import { DEPICTA_DEMO_KEYS } from "../../src/providers/depicta/simulator/depicta.simulator.js";
import { DIFFIO_DEMO_KEYS } from "../../src/providers/diffio/simulator/diffio.simulator.js";
import { HOSTUP_DEMO_KEYS } from "../../src/providers/hostup/simulator/hostup.sim-state.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import {
  ACCOUNT_GRAPH,
  ACCOUNT_GRAPH_FORWARDED_HEADERS,
  composeWithInsights,
  HeaderForwardingDataSource,
  INSIGHTS_SDL,
  startRecordingProxy,
  type RecordingProxy,
} from "./helpers.js";

// A real gateway in front of our real server and a second subgraph, all on loopback:
//   client → ApolloGateway → recording proxy → account-graph (→ simulators)
//                          → insights subgraph (records its headers)
const SERVICE_TOKEN = "gateway-service-token-5b1f";
const DEPICTA_TRIAL_ID = "ee77b943-38a4-491b-8cfe-018bb82a37bf";

let server: TestServer;
let proxy: RecordingProxy;
let insights: ApolloServer;
let insightsUrl: string;
const insightsHeaders: IncomingHttpHeaders[] = [];
let gateway: ApolloServer;
let gatewayUrl: string;

beforeAll(async () => {
  // API_TOKENS on: the gateway must authenticate itself, with its own token, not the caller's.
  server = await startTestServer({ API_TOKENS: SERVICE_TOKEN });
  proxy = await startRecordingProxy(server.url);

  insights = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(INSIGHTS_SDL),
      resolvers: {
        CudoBillingAccount: {
          __resolveReference: (ref: { id: string }) => ({
            id: ref.id,
            budgetAlerts: [`80% of limit on ${ref.id}`],
          }),
        },
        DepictaAccount: {
          __resolveReference: (ref: { id: string }) => ({ id: ref.id, generationsThisMonth: 42 }),
        },
      } as never,
    }),
    // Traces are for Apollo's reporting, which this test does not use; it would only log noise.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  ({ url: insightsUrl } = await startStandaloneServer(insights, {
    listen: { port: 0, host: "127.0.0.1" },
    context: async ({ req }) => {
      insightsHeaders.push({ ...req.headers });
      return {};
    },
  }));

  const composition = composeWithInsights({
    accountGraph: `${proxy.url}/graphql`,
    insights: insightsUrl,
  });
  if (composition.errors) throw new Error(composition.errors.map(e => e.message).join("\n"));
  gateway = new ApolloServer({
    gateway: new ApolloGateway({
      supergraphSdl: composition.supergraphSdl,
      buildService: ({ name, url }) =>
        name === ACCOUNT_GRAPH
          ? new HeaderForwardingDataSource({
              url: url!,
              forwardHeaders: ACCOUNT_GRAPH_FORWARDED_HEADERS,
              serviceToken: SERVICE_TOKEN,
            })
          : new HeaderForwardingDataSource({ url: url!, forwardHeaders: [] }),
    }),
  });
  ({ url: gatewayUrl } = await startStandaloneServer(gateway, {
    listen: { port: 0, host: "127.0.0.1" },
  }));
});

afterAll(async () => {
  await gateway?.stop();
  await insights?.stop();
  await proxy?.close();
  await server?.stop();
});

const QUERY = `query Joined {
  cudo: account(provider: CUDO) {
    provider
    ... on CudoBillingAccount { id displayName budgetAlerts }
  }
  depicta: account(provider: DEPICTA) {
    provider
    ... on DepictaAccount { id name generationsThisMonth }
  }
}`;

// Non-default demo keys where it matters: the answer (and the simulators' logs) then show that the
// caller's keys were used, not the server-side defaults of simulated mode.
const CALLER_HEADERS: Record<string, string> = {
  "content-type": "application/json",
  "X-Diffio-Api-Key": DIFFIO_DEMO_KEYS.reader,
  "X-Hostup-Api-Key": HOSTUP_DEMO_KEYS.readOnly,
  "X-Cudo-Api-Key": CUDO_DEMO_KEYS.viewer,
  "X-Depicta-Api-Key": DEPICTA_DEMO_KEYS.unverified,
  "X-Request-Id": "gw-test-req-1",
  authorization: "Bearer caller-token-for-the-gateway",
  cookie: "session=caller-session-cookie",
  "x-secret-internal": "internal-routing-secret",
};

describe("an Apollo Gateway in front of account-graph and a second subgraph", () => {
  let response: Response;
  let body: { data?: Record<string, unknown>; errors?: unknown[] };
  beforeAll(async () => {
    server.resetSims();
    response = await fetch(gatewayUrl, {
      method: "POST",
      headers: CALLER_HEADERS,
      body: JSON.stringify({ query: QUERY }),
    });
    body = (await response.json()) as typeof body;
  });

  it("answers a query spanning both subgraphs with the joined result", () => {
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      cudo: {
        provider: "CUDO",
        id: CUDO_DEMO_ACCOUNTS.main,
        displayName: "Demo Main Billing",
        budgetAlerts: [`80% of limit on ${CUDO_DEMO_ACCOUNTS.main}`],
      },
      // The unverified trial user: the caller's key, not the server's default (Ada Lovelace).
      depicta: {
        provider: "DEPICTA",
        id: DEPICTA_TRIAL_ID,
        name: "Trial User",
        generationsThisMonth: 42,
      },
    });
    // The gateway resolved the extra fields through the insights subgraph (one `_entities` fetch).
    expect(insightsHeaders.length).toBeGreaterThanOrEqual(1);
  });

  it("forwards the four credential headers and x-request-id to account-graph, used upstream", () => {
    const received = proxy.requests.filter(r => r.path === "/graphql");
    expect(received.length).toBeGreaterThanOrEqual(1);
    for (const { headers } of received) {
      expect(headers[CREDENTIAL_HEADERS[Provider.DIFFIO]]).toBe(DIFFIO_DEMO_KEYS.reader);
      expect(headers[CREDENTIAL_HEADERS[Provider.HOSTUP]]).toBe(HOSTUP_DEMO_KEYS.readOnly);
      expect(headers[CREDENTIAL_HEADERS[Provider.CUDO]]).toBe(CUDO_DEMO_KEYS.viewer);
      expect(headers[CREDENTIAL_HEADERS[Provider.DEPICTA]]).toBe(DEPICTA_DEMO_KEYS.unverified);
      expect(headers["x-request-id"]).toBe("gw-test-req-1");
      // The gateway's own token, not the caller's.
      expect(headers.authorization).toBe(`Bearer ${SERVICE_TOKEN}`);
    }
    // And our server used them upstream.
    const bearer = (calls: { headers: IncomingHttpHeaders }[]) =>
      calls.map(c => c.headers.authorization);
    expect(bearer(server.sims.cudo.control.calls)).toContain(`Bearer ${CUDO_DEMO_KEYS.viewer}`);
    expect(bearer(server.sims.cudo.control.calls)).not.toContain(`Bearer ${CUDO_DEMO_KEYS.owner}`);
    expect(bearer(server.sims.depicta.control.calls)).toEqual([
      `Bearer ${DEPICTA_DEMO_KEYS.unverified}`,
    ]);
  });

  it("forwards nothing else to account-graph: no cookie, internal header or caller token", () => {
    expect(proxy.requests.length).toBeGreaterThan(0);
    for (const { headers } of proxy.requests) {
      expect(headers.cookie).toBeUndefined();
      expect(headers["x-secret-internal"]).toBeUndefined();
      expect(JSON.stringify(headers)).not.toContain("caller-token-for-the-gateway");
    }
  });

  it("sends the second subgraph no credentials and none of the caller's other headers", () => {
    const secrets = [
      ...Object.values(CALLER_HEADERS).filter(v => v !== "application/json"),
      SERVICE_TOKEN,
    ];
    const names = [
      ...Object.values(CREDENTIAL_HEADERS),
      "cookie",
      "x-secret-internal",
      "authorization",
    ];
    expect(insightsHeaders.length).toBeGreaterThan(0);
    for (const headers of insightsHeaders) {
      for (const name of names) expect(headers[name]).toBeUndefined();
      for (const secret of secrets) expect(JSON.stringify(headers)).not.toContain(secret);
    }
  });

  it("is refused by account-graph without the gateway's token (the token is what lets it in)", async () => {
    const direct = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: CALLER_HEADERS,
      body: JSON.stringify({ query: "{ account(provider: DEPICTA) { id } }" }),
    });
    expect(direct.status).toBe(401);
  });
});

describe("a mutation with an Idempotency-Key through the gateway", () => {
  const rename = (name: string, key: string) =>
    fetch(gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "X-Depicta-Api-Key": DEPICTA_DEMO_KEYS.main, "Idempotency-Key": key },
      body: JSON.stringify({ query: `mutation { updateProfileName(input: { name: "${name}" }) { id name } }` }),
    }).then(async r => ({ status: r.status, body: (await r.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] } }));

  it("is written once however often the client retries it; a refusal reaches the client as a failed subgraph request", async () => {
    server.resetSims();
    const key = `gw-${Date.now()}`;
    const first = await rename("Grace Hopper", key);
    const retry = await rename("Grace Hopper", key);
    expect(first.body.data).toEqual({ updateProfileName: { id: "6eb15ef1-9de7-4971-b55e-babbe35b7544", name: "Grace Hopper" } });
    expect(retry.body).toEqual(first.body);
    expect(server.sims.depicta.control.count("PATCH")).toBe(1);
    // The gateway answers for the subgraph's 422 with its own error, carrying account-graph's.
    const reused = await rename("Someone Else", key);
    const response = reused.body.errors?.[0]?.extensions?.response as { status: number; body: { errors: { extensions: { code: string } }[] } };
    expect(response.status).toBe(422);
    expect(response.body.errors[0]!.extensions.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(server.sims.depicta.control.count("PATCH")).toBe(1);
  });
});

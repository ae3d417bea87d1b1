import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { randomUUID } from "node:crypto";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { composeServices } from "@apollo/composition";
import { ApolloGateway, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { context, propagation, trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { NodeTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";
import { parse } from "graphql";
import { CREDENTIAL_HEADERS, Provider, DEFAULT_DEMO_KEYS } from "../helpers/providers.js";
import { ACCOUNT_GRAPH, ACCOUNT_GRAPH_FORWARDED_HEADERS, ACCOUNT_GRAPH_SDL, HeaderForwardingDataSource } from "../federation/helpers.js";
import { startOtlpReceiver, type OtlpReceiver } from "../helpers/otlp-receiver.js";
import { startTracedServer, type TracedServer } from "../helpers/traced-server.js";
import { until } from "../helpers/until.js";

// A real @apollo/gateway with its own OpenTelemetry spans on (a tracer provider registered in this
// process, exporting to the same receiver), in front of the built account-graph:
//   client → gateway (gateway.request … gateway.fetch) → account-graph (query …) → simulators

/** Sends the active context (the gateway's fetch span) as traceparent, as a router does. */
class TracePropagatingDataSource extends HeaderForwardingDataSource {
  override willSendRequest(options: GraphQLDataSourceProcessOptions): void {
    super.willSendRequest(options);
    const headers = options.request.http!.headers;
    propagation.inject(context.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
  }
}

let receiver: OtlpReceiver;
let server: TracedServer;
let provider: NodeTracerProvider;
let gateway: ApolloServer;
let gatewayUrl: string;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  server = await startTracedServer(receiver);
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": "test-gateway" }),
    spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: `${receiver.url}/v1/traces` }))],
  });
  provider.register();
  const composition = composeServices([
    { name: ACCOUNT_GRAPH, typeDefs: parse(ACCOUNT_GRAPH_SDL), url: `${server.url}/graphql` },
  ]);
  if (composition.errors) throw new Error(composition.errors.map(e => e.message).join("\n"));
  gateway = new ApolloServer({
    gateway: new ApolloGateway({
      supergraphSdl: composition.supergraphSdl,
      buildService: ({ url }) => new TracePropagatingDataSource({ url: url!, forwardHeaders: ACCOUNT_GRAPH_FORWARDED_HEADERS }),
    }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  ({ url: gatewayUrl } = await startStandaloneServer(gateway, { listen: { port: 0, host: "127.0.0.1" } }));
});

afterAll(async () => {
  await gateway?.stop();
  await provider?.shutdown();
  trace.disable();
  propagation.disable();
  context.disable();
  await server?.stop();
  await receiver?.close();
});

it("gateway spans and account-graph spans share one trace: gateway.fetch is the parent of account-graph's request span", async () => {
  const requestId = randomUUID();
  const headers: Record<string, string> = { "content-type": "application/json", "x-request-id": requestId };
  for (const p of Object.values(Provider)) headers[CREDENTIAL_HEADERS[p]] = DEFAULT_DEMO_KEYS[p];
  const response = await fetch(gatewayUrl, {
    method: "POST",
    headers,
    body: JSON.stringify({ query: "query ThroughGateway { account(provider: DIFFIO) { id } }" }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  expect(body.errors).toBeUndefined();

  const ours = await server.requestSpan(requestId);
  await until(
    () => receiver.spans.some(s => s.spanId === ours.parentSpanId && s.resource["service.name"] === "test-gateway"),
    "the gateway's fetch span",
  );
  const fetchSpan = receiver.spans.find(s => s.spanId === ours.parentSpanId)!;
  expect(fetchSpan.name).toBe("gateway.fetch");
  expect(fetchSpan.traceId).toBe(ours.traceId);
  // The gateway's root request span is in the same trace, and so are account-graph's upstream spans.
  await until(() => receiver.spans.some(s => s.traceId === ours.traceId && s.name === "gateway.request"), "gateway.request");
  const sameTrace = receiver.spans.filter(s => s.traceId === ours.traceId);
  expect(sameTrace.filter(s => s.resource["service.name"] === "account-graph").map(s => s.name)).toEqual(
    expect.arrayContaining(["POST /v1/account/settings/get"]),
  );
  expect(ours.resource["service.name"]).toBe("account-graph");
  // The gateway names the subgraph operation after the client's (ThroughGateway__account_graph__0).
  expect(ours.name).toMatch(/^query ThroughGateway__/);
});

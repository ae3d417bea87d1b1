import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { request } from "undici";
import { BENCH_READ } from "./scenarios.js";

/**
 * Reference point for `npm run bench`: the conventional stack ("Apollo + an SDL
 * schema + undici, no features"): Apollo's standalone server, a schema written as SDL with a plain
 * resolver map, and `undici.request` for the upstream call. It answers the benchmark's query
 * (`BENCH_READ` in `scenarios.ts`) from the same upstream call, with nothing else: no validation
 * rules, limits, logging, metrics, breaker, retries, deadline or error mapping. It shows what this
 * machine gives such a server, so account-graph's ratio can be read against it.
 *
 * Config: UPSTREAM_BASE_URL (required: the scenario provider's simulator). Prints `{"port": N}`
 * once listening; stops when stdin closes.
 */
const { upstream: call, schema: names } = BENCH_READ;
const url = `${(process.env.UPSTREAM_BASE_URL ?? "").replace(/\/+$/, "")}${call.path}`;

// The names come from the scenario, so the benchmark's query validates here unchanged.
const typeDefs = `#graphql
  enum Provider { ${names.providerValues.join(" ")} }
  type ${names.billingPolicyType} { type: String! }
  type ${names.accountType} { id: ID!  billingPolicy: ${names.billingPolicyType}! }
  type Query { account(provider: Provider!): ${names.accountType} }
`;

interface PlainContext {
  key: string;
}

const resolvers = {
  Query: {
    account: async (_parent: unknown, _args: unknown, ctx: PlainContext) => {
      const response = await request(url, {
        method: call.method,
        headers: { authorization: call.authorization(ctx.key), "content-type": "application/json" },
        body: call.body,
      });
      return call.account(await response.body.json());
    },
  },
};

const server = new ApolloServer<PlainContext>({ typeDefs, resolvers });
const { url: listening } = await startStandaloneServer(server, {
  listen: { port: 0, host: "127.0.0.1" },
  context: async ({ req }) => ({ key: String(req.headers[call.credentialHeader] ?? "") }),
});
process.stdout.write(`${JSON.stringify({ port: Number(new URL(listening).port) })}\n`);

const stop = () => void server.stop().finally(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
process.stdin.resume();
process.stdin.on("end", stop);

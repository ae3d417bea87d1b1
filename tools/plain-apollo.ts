import "reflect-metadata";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Arg, Ctx, Field, ObjectType, Query, Resolver, buildSchema, registerEnumType } from "type-graphql";
import { request } from "undici";
import { BENCH_READ } from "./scenarios.js";

/**
 * Reference point for `npm run bench`: the conventional stack the orientation figures
 * describe (Apollo's standalone server + type-graphql + `undici.request`), answering the benchmark's
 * query (`BENCH_READ` in `scenarios.ts`) from the same upstream call, with nothing else: no
 * validation rules, limits, logging, metrics, breaker, retries, deadline or error mapping. It shows
 * what this machine gives such a stack, so account-graph's ratio can be read against it.
 *
 * Config: UPSTREAM_BASE_URL (required: the scenario provider's simulator). Prints `{"port": N}`
 * once listening; stops when stdin closes.
 */
const { upstream: call, schema: names } = BENCH_READ;
const base = (process.env.UPSTREAM_BASE_URL ?? "").replace(/\/+$/, "");

// The server's `Provider` enum, reduced to the scenario's provider.
const Provider: Record<string, string> = Object.fromEntries(names.providerValues.map(v => [v, v]));
registerEnumType(Provider, { name: "Provider" });

@ObjectType(names.billingPolicyType)
class ScenarioBillingPolicy {
  @Field()
  type!: string;
}

@ObjectType(names.accountType)
class ScenarioAccountType {
  @Field()
  id!: string;

  @Field(() => ScenarioBillingPolicy)
  billingPolicy!: ScenarioBillingPolicy;
}

interface PlainContext {
  key: string;
}

@Resolver()
class AccountResolver {
  @Query(() => ScenarioAccountType, { nullable: true })
  async account(@Arg("provider", () => Provider) _provider: string, @Ctx() ctx: PlainContext): Promise<ScenarioAccountType> {
    const response = await request(`${base}${call.path}`, {
      method: call.method,
      headers: { authorization: call.authorization(ctx.key), "content-type": "application/json" },
      body: call.body,
    });
    return call.account(await response.body.json());
  }
}

const schema = await buildSchema({ resolvers: [AccountResolver], validate: false });
const server = new ApolloServer<PlainContext>({ schema });
const { url } = await startStandaloneServer(server, {
  listen: { port: 0, host: "127.0.0.1" },
  context: async ({ req }) => ({ key: String(req.headers[call.credentialHeader] ?? "") }),
});
process.stdout.write(`${JSON.stringify({ port: Number(new URL(url).port) })}\n`);

const stop = () => void server.stop().finally(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
process.stdin.resume();
process.stdin.on("end", stop);

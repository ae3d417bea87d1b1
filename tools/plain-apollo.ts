import "reflect-metadata";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Arg, Ctx, Field, ObjectType, Query, Resolver, buildSchema, registerEnumType } from "type-graphql";
import { request } from "undici";

/**
 * Reference point for `npm run bench`: the conventional stack the orientation figures
 * describe (Apollo's standalone server + type-graphql + `undici.request`), answering the benchmark's
 * query from the same upstream call, with nothing else: no validation rules, limits, logging,
 * metrics, breaker, retries, deadline or error mapping. It shows what this machine gives such a
 * stack, so account-graph's ratio can be read against it.
 *
 * Config: DIFFIO_BASE_URL (required). Prints `{"port": N}` once listening; stops when stdin closes.
 */
const base = (process.env.DIFFIO_BASE_URL ?? "").replace(/\/+$/, "");

enum Provider {
  DIFFIO = "DIFFIO",
}
registerEnumType(Provider, { name: "Provider" });

@ObjectType()
class DiffioBillingPolicy {
  @Field()
  type!: string;
}

@ObjectType()
class DiffioAccount {
  @Field()
  id!: string;

  @Field(() => DiffioBillingPolicy)
  billingPolicy!: DiffioBillingPolicy;
}

interface PlainContext {
  key: string;
}

@Resolver()
class AccountResolver {
  @Query(() => DiffioAccount, { nullable: true })
  async account(@Arg("provider", () => Provider) _provider: Provider, @Ctx() ctx: PlainContext): Promise<DiffioAccount> {
    const response = await request(`${base}/v1/account/settings/get`, {
      method: "POST",
      headers: { authorization: `Bearer ${ctx.key}`, "content-type": "application/json" },
      body: "{}",
    });
    const { account } = (await response.body.json()) as { account: { userId: string; billingPolicy: { type: string } } };
    return { id: account.userId, billingPolicy: { type: account.billingPolicy.type } };
  }
}

const schema = await buildSchema({ resolvers: [AccountResolver], validate: false });
const server = new ApolloServer<PlainContext>({ schema });
const { url } = await startStandaloneServer(server, {
  listen: { port: 0, host: "127.0.0.1" },
  context: async ({ req }) => ({ key: String(req.headers["x-diffio-api-key"] ?? "") }),
});
process.stdout.write(`${JSON.stringify({ port: Number(new URL(url).port) })}\n`);

const stop = () => void server.stop().finally(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
process.stdin.resume();
process.stdin.on("end", stop);

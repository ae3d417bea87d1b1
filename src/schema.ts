import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { type GraphQLSchema } from "graphql";
import { gql } from "graphql-tag";
import { buildSchema, createResolversMap } from "type-graphql";
import { type Context } from "./context.js";
import { ACCOUNT_TYPE_NAMES } from "./domains/account/account.interface.js";
import { ACCOUNT_TYPES, RESOLVERS } from "./domains/registry.js";
import { ACCOUNT_SOURCES } from "./domains/sources.js";
import { type Provider } from "./providers/provider.js";
import { validateArgument } from "./validation.js";

let built: Promise<GraphQLSchema> | undefined;

/**
 * The Federation 2 subgraph schema: type-graphql classes → SDL with directives →
 * `buildSubgraphSchema`, with `__resolveReference` on every account entity through the same
 * AccountSource (and so the same per-request loaders) as queries. Built once per process.
 */
export function buildSubgraph(): Promise<GraphQLSchema> {
  built ??= build();
  return built;
}

async function build(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    orphanedTypes: ACCOUNT_TYPES,
    validateFn: validateArgument,
  });
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [provider, typeName] of Object.entries(ACCOUNT_TYPE_NAMES)) {
    const source = ACCOUNT_SOURCES[provider as Provider];
    if (!resolvers[typeName]) continue;
    resolvers[typeName].__resolveReference = (reference: { id: string }, ctx: Context) =>
      source.load(ctx, reference.id);
  }
  return buildSubgraphSchema({
    typeDefs: gql`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
      ${printSchemaWithDirectives(schema)}
    `,
    resolvers: resolvers as never,
  });
}

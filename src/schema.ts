import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { GraphQLError, type GraphQLResolveInfo, type GraphQLSchema } from "graphql";
import { ErrorCode } from "./errors/codes.js";
import { gql } from "graphql-tag";
import { buildSchema, createResolversMap } from "type-graphql";
import { type Context } from "./context.js";
import { describeAccountApi } from "./account/account-descriptions.js";
import { describeRetries } from "./idempotency/mutation-descriptions.js";
import { accountQueries, createAccountResolver } from "./account/account.resolver.js";
import { accountType } from "./account/account.interface.js";
import { declareProviders } from "./account/provider-enum.js";
import { type ProviderModule } from "./contract/provider-module.js";
import { badUserInput, summarize, type FieldError } from "./errors/field-errors.js";
import { validateArgument } from "./validation/validate-argument.js";
import { describeLengths } from "./validation/length-descriptions.js";

let built: { modules: readonly ProviderModule[]; schema: Promise<GraphQLSchema> } | undefined;

/**
 * The Federation 2 subgraph schema of `modules` (the module list): the shared account API plus
 * each module's types and resolvers, type-graphql classes → SDL with directives →
 * `buildSubgraphSchema`, with `__resolveReference` on every account entity through the same
 * AccountSource (and so the same per-request loaders) as queries. Built once per process.
 */
export function buildSubgraph(modules: readonly ProviderModule[]): Promise<GraphQLSchema> {
  if (built && built.modules !== modules) throw new Error("buildSubgraph: a process serves one module list");
  built ??= { modules, schema: build(modules) };
  return built.schema;
}

async function build(modules: readonly ProviderModule[]): Promise<GraphQLSchema> {
  declareProviders(modules);
  const queries = accountQueries(modules.map(m => m.source));
  const schema = await buildSchema({
    resolvers: [createAccountResolver(queries), ...modules.flatMap(m => m.resolvers)] as [Function, ...Function[]],
    orphanedTypes: modules.map(m => m.accountType),
    validateFn: validateArgument,
  });
  describeAccountApi(schema, modules);
  describeRetries(schema);
  describeLengths(schema);
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  // type-graphql wraps resolveType in an async function, so graphql-js would complete every
  // account through a promise; the type follows from the account's provider, synchronously.
  resolvers.Account!.__resolveType = accountType;
  // Every read arrives through these two: graphql-js calls them directly rather than through
  // type-graphql's wrapper, which builds an arguments instance and validates it asynchronously
  // (their arguments declare no rule), three promises before the resolver runs.
  Object.assign(resolvers.Query!, queries);
  for (const { accountTypeName, source } of modules) {
    if (!resolvers[accountTypeName]) continue;
    resolvers[accountTypeName].__resolveReference = (
      reference: { id: string },
      ctx: Context,
      info: GraphQLResolveInfo,
    ) => source.load(ctx, reference.id, info);
  }
  const subgraph = buildSubgraphSchema({
    typeDefs: gql`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
      ${printSchemaWithDirectives(schema)}
    `,
    resolvers: resolvers as never,
  });
  guardEntities(subgraph, new Set(modules.map(m => m.accountTypeName)));
  guardService(subgraph);
  return subgraph;
}

// `_service { sdl }` is the whole schema: when introspection is off, only API token holders (the
// router or rover) may read it.
function guardService(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._service;
  const resolve = field?.resolve;
  if (!field || !resolve) return;
  field.resolve = (source, args, ctx: Context, info) => {
    if (!ctx.config.introspection && !ctx.callerAuthenticated) {
      throw new GraphQLError("The subgraph schema is only served to API token holders while introspection is off.", {
        extensions: { code: ErrorCode.FORBIDDEN },
      });
    }
    return resolve(source, args, ctx, info);
  };
}

// @apollo/subgraph throws a plain Error for a representation it cannot use, which would surface as
// INTERNAL_SERVER_ERROR; a malformed representation is the caller's input, so say so precisely.
function guardEntities(schema: GraphQLSchema, entityNames: ReadonlySet<string>): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) return;
  field.resolve = (source, args: { representations: unknown[] }, ctx, info) => {
    const fieldErrors: FieldError[] = [];
    args.representations.forEach((rep, i) => {
      const r = rep as Record<string, unknown> | null;
      const where = `representations[${i}]`;
      if (r === null || typeof r !== "object" || Array.isArray(r)) {
        fieldErrors.push({ field: where, message: "must be an object with __typename and id" });
      } else if (typeof r.__typename !== "string" || !entityNames.has(r.__typename)) {
        fieldErrors.push({ field: `${where}.__typename`, message: `must be one of ${[...entityNames].join(", ")}` });
      } else if (typeof r.id !== "string" || r.id === "") {
        fieldErrors.push({ field: `${where}.id`, message: "must be a non-empty string" });
      }
    });
    if (fieldErrors.length > 0) throw badUserInput(summarize(fieldErrors), fieldErrors);
    return resolve(source, args, ctx, info);
  };
}

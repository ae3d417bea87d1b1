import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { GraphQLError, type GraphQLResolveInfo, type GraphQLSchema } from "graphql";
import { ErrorCode } from "./errors/codes.js";
import { gql } from "graphql-tag";
import { buildSchema, createResolversMap } from "type-graphql";
import { type Context } from "./context.js";
import { ACCOUNT_TYPE_NAMES } from "./account/account.interface.js";
import { ACCOUNT_TYPES, RESOLVERS } from "./domains/registry.js";
import { ACCOUNT_SOURCES } from "./domains/sources.js";
import { type Provider } from "./providers/provider.js";
import { badUserInput, summarize, type FieldError } from "./errors/field-errors.js";
import { validateArgument } from "./validation/validate-argument.js";

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
    resolvers[typeName].__resolveReference = (
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
  guardEntities(subgraph);
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

const ENTITY_NAMES = new Set(Object.values(ACCOUNT_TYPE_NAMES));

// @apollo/subgraph throws a plain Error for a representation it cannot use, which would surface as
// INTERNAL_SERVER_ERROR; a malformed representation is the caller's input, so say so precisely.
function guardEntities(schema: GraphQLSchema): void {
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
      } else if (typeof r.__typename !== "string" || !ENTITY_NAMES.has(r.__typename)) {
        fieldErrors.push({ field: `${where}.__typename`, message: `must be one of ${[...ENTITY_NAMES].join(", ")}` });
      } else if (typeof r.id !== "string" || r.id === "") {
        fieldErrors.push({ field: `${where}.id`, message: "must be a non-empty string" });
      }
    });
    if (fieldErrors.length > 0) throw badUserInput(summarize(fieldErrors), fieldErrors);
    return resolve(source, args, ctx, info);
  };
}

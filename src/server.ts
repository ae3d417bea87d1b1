import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from "@apollo/server/plugin/landingPage/default";
import { type GraphQLSchema } from "graphql";
import { type Logger } from "pino";
import { type Config } from "./config.js";
import { type Context } from "./context.js";
import { createFormatError } from "./errors/format-error.js";

/** Options for {@link createApolloServer}. */
export interface ApolloOptions {
  config: Config;
  logger: Logger;
  plugins?: ApolloServerPlugin<Context>[];
}

/**
 * The Apollo Server (no listening: see `http/app.ts`): error formatting, Sandbox landing page in
 * development, CSRF prevention on, no stack traces in responses, Apollo's logs through ours.
 */
export function createApolloServer(schema: GraphQLSchema, options: ApolloOptions): ApolloServer<Context> {
  const { config, logger } = options;
  return new ApolloServer<Context>({
    schema,
    logger,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    introspection: !config.production,
    formatError: createFormatError({ production: config.production, logger }),
    plugins: [
      config.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
      ...(options.plugins ?? []),
    ],
  });
}

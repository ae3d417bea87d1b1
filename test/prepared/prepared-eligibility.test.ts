import { type ApolloServerPlugin } from "@apollo/server";
import { describe, expect, it } from "@jest/globals";
import { buildSchema } from "graphql";
import { type Context } from "../../src/context.js";
import { preparedPathBlockers } from "../../src/prepared/prepared-eligibility.js";

const schema = buildSchema("type Query { a: String }");
const ours: ApolloServerPlugin<Context> = {};

describe("preparedPathBlockers", () => {
  it("lets the prepared path stand in for the options and plugins it reproduces", () => {
    const options = { schema, csrfPrevention: true, includeStacktraceInErrorResponses: false, allowBatchedHttpRequests: false, plugins: [ours] };
    expect(preparedPathBlockers(options, new Set([ours]))).toEqual([]);
  });

  it("names every plugin and option it does not reproduce", () => {
    const other: ApolloServerPlugin<Context> = {};
    const options = {
      schema,
      rootValue: {},
      fieldResolver: () => null,
      executionOptions: {},
      includeStacktraceInErrorResponses: true,
      plugins: [ours, other],
    };
    expect(preparedPathBlockers(options, new Set([ours]))).toEqual([
      "Apollo option rootValue is not reproduced",
      "Apollo option fieldResolver is not reproduced",
      "Apollo option executionOptions is not reproduced",
      "Apollo option includeStacktraceInErrorResponses=true is not reproduced",
      "1 Apollo plugin is not reproduced",
    ]);
  });
});

import { readFileSync } from "node:fs";
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { plugin as fragmentMatcher } from "@graphql-codegen/fragment-matcher";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { buildSchema, isAbstractType } from "graphql";
import { startTestServer, type TestServer } from "../helpers/server.js";

// possible-types.json is what a client passes to `new InMemoryCache({ possibleTypes })`; without
// it Apollo Client cannot tell that DiffioAccount is an Account, and drops fragment fields.
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
// The subgraph SDL uses federation directives it does not declare, as codegen reads it.
const schema = buildSchema(read("schema.graphql"), { assumeValidSDL: true });
const { possibleTypes } = JSON.parse(read("possible-types.json")) as { possibleTypes: Record<string, string[]> };

describe("possible-types.json", () => {
  it("is what codegen's fragment-matcher writes for schema.graphql (run `npm run codegen`)", async () => {
    const output = await fragmentMatcher(schema, [], {}, { outputFile: "possible-types.json" });
    expect(read("possible-types.json")).toBe(output);
  });

  it("names every interface and union of the schema with the types that implement it", () => {
    const expected = Object.fromEntries(
      Object.values(schema.getTypeMap())
        .filter(isAbstractType)
        .filter(type => !type.name.startsWith("_"))
        .map(type => [type.name, schema.getPossibleTypes(type).map(t => t.name).sort()]),
    );
    expect(possibleTypes).toEqual(expected);
    expect(Object.keys(possibleTypes).sort()).toEqual(["Account", "HostupBillingToggle"]);
  });
});

const FRAGMENTS = gql`
  query InterfaceFragments {
    accounts {
      ...AccountFields
    }
    account(provider: HOSTUP) {
      ... on HostupAccount {
        billing {
          cardAutoCharge {
            ...Toggle
          }
          separateInvoices {
            ...Toggle
          }
        }
      }
    }
  }
  fragment AccountFields on Account {
    provider
    id
  }
  fragment Toggle on HostupBillingToggle {
    enabled
    label
  }
`;

describe("Apollo Client's cache with possibleTypes, over the real server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const run = (cache: InMemoryCache) =>
    new ApolloClient({ cache, link: new HttpLink({ uri: `${server.url}/graphql`, fetch }) }).query({ query: FRAGMENTS });

  it("fills fragments on the Account and HostupBillingToggle interfaces", async () => {
    const { data, error } = await run(new InMemoryCache({ possibleTypes }));
    expect(error).toBeUndefined();
    const { accounts, account } = data as { accounts: Record<string, unknown>[]; account: { billing: Record<string, Record<string, unknown>> } };
    expect(accounts.map(a => a.provider).sort()).toEqual(["CUDO", "DEPICTA", "DIFFIO", "HOSTUP"]);
    for (const a of accounts) expect(a).toEqual({ __typename: expect.stringMatching(/Account$/), provider: expect.any(String), id: expect.any(String) });
    for (const toggle of Object.values(account.billing).filter(v => typeof v === "object")) {
      expect(toggle).toMatchObject({ enabled: expect.any(Boolean), label: expect.anything() });
    }
    expect(account.billing.cardAutoCharge!.__typename).toBe("HostupCardAutoCharge");
    expect(account.billing.separateInvoices!.__typename).toBe("HostupSeparateInvoices");
  });

  it("loses those fields without it (why clients need the map)", async () => {
    const { data } = await run(new InMemoryCache());
    const accounts = (data as { accounts?: Record<string, unknown>[] } | undefined)?.accounts;
    expect(accounts?.every(a => "provider" in a && "id" in a) ?? false).toBe(false);
  });
});

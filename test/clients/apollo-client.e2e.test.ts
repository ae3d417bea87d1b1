import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { generatePersistedQueryIdsFromManifest } from "@apollo/persisted-query-lists";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { BUNDLED_MANIFEST_PATH, readManifest } from "../../src/persisted/manifest.js";
import { exampleOperations } from "../helpers/example-operations.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

// What client teams run: the real Apollo Client, ids from @apollo/persisted-query-lists, against
// the real server in trusted-documents mode. A manifest whose bodies lack __typename loses data
// here without an error (the cache drops fields it cannot normalise), so data is compared whole.
const manifest = readManifest(BUNDLED_MANIFEST_PATH);
const EXAMPLES = exampleOperations();

function persistedClient(url: string) {
  const persisted = new PersistedQueryLink(
    generatePersistedQueryIdsFromManifest({ loadManifest: async () => manifest }),
  );
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: ApolloLink.from([persisted, new HttpLink({ uri: `${url}/graphql`, fetch })]),
  });
}

describe("Apollo Client with the persisted-query manifest (PERSISTED_QUERIES=only)", () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    // The operator's own copy of the client teams' manifest, as PERSISTED_QUERY_MANIFEST names it.
    dir = await mkdtemp(join(tmpdir(), "client-manifest-"));
    await copyFile(BUNDLED_MANIFEST_PATH, join(dir, "clients.json"));
    server = await startTestServer({ PERSISTED_QUERIES: "only", PERSISTED_QUERY_MANIFEST: join(dir, "clients.json") });
  });
  afterAll(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(EXAMPLES.filter(op => op.type === "query").map(op => [op.name, op] as const))(
    "%s: the client gets every field the server sends, __typename included",
    async (name, op) => {
      server.resetSims();
      const listed = manifest.operations.find(o => o.name === name)!;
      // The server's own answer to the listed body: the data a client must end up with.
      const direct = await server.gql(listed.body, op.variables);
      expect(direct.body.errors).toBeUndefined();
      expect(JSON.stringify(direct.body.data)).toContain('"__typename"');

      const client = persistedClient(server.url);
      const result = await client.query({ query: gql(op.text), variables: op.variables, fetchPolicy: "network-only" });
      expect(result.error).toBeUndefined();
      expect(result.data).toEqual(direct.body.data);
    },
  );

  it("runs a mutation by its manifest id and updates the normalised account in the cache", async () => {
    server.resetSims();
    const client = persistedClient(server.url);
    const read = EXAMPLES.find(op => op.name === "DepictaProfile")!;
    const rename = EXAMPLES.find(op => op.name === "RenameDepictaProfile")!;
    const before = await client.query({ query: gql(read.text) });
    const { data } = await client.mutate({ mutation: gql(rename.text), variables: rename.variables });
    expect(data).toMatchObject({ updateProfileName: { __typename: "DepictaAccount", name: rename.variables.name } });
    // Same __typename + id: the cached profile now carries the new name without a refetch.
    const after = await client.query({ query: gql(read.text), fetchPolicy: "cache-only" });
    expect(after.data).toEqual({ account: { ...(before.data as { account: object }).account, name: rename.variables.name } });
  });

  it("is refused an operation the manifest does not list", async () => {
    const client = persistedClient(server.url);
    const result = await client.query({ query: gql("query NotListed { accounts { id } }"), errorPolicy: "all" });
    expect(result.error?.message).toMatch(/not in its manifest|PersistedQueryNotFound|not found/i);
    expect(result.data).toBeUndefined();
  });
});

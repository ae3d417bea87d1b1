import { randomUUID } from "node:crypto";
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { getMainDefinition } from "@apollo/client/utilities";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { map } from "rxjs";
import { startTestServer, type TestServer } from "../helpers/server.js";

// The Apollo Client link of docs/api.md ("Sending the key"), run with the real Apollo Client 4 against the real server: it
// sends the key a mutation was given (`context.idempotencyKey`) as Idempotency-Key, and tells the
// app that an answer was a replay (`extensions.idempotentReplayed`).
const idempotencyLink = new ApolloLink((operation, forward) => {
  const definition = getMainDefinition(operation.query);
  const key = operation.getContext().idempotencyKey as string | undefined;
  if (definition.kind !== "OperationDefinition" || definition.operation !== "mutation" || !key) return forward(operation);
  operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({ headers: { ...headers, "Idempotency-Key": key } }));
  return forward(operation).pipe(
    map(result => {
      const response = operation.getContext().response as Response | undefined;
      if (response?.headers.get("Idempotent-Replayed") !== "true") return result;
      return { ...result, extensions: { ...result.extensions, idempotentReplayed: true } };
    }),
  );
});

const RENAME = gql`
  mutation Rename($name: String) {
    updateProfileName(input: { name: $name }) {
      id
      name
    }
  }
`;

function client(url: string) {
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: ApolloLink.from([idempotencyLink, new HttpLink({ uri: `${url}/graphql`, fetch })]),
  });
}

describe("Apollo Client sending Idempotency-Key from a link", () => {
  let server: TestServer;
  const writes = () => server.sims.depicta.control.count("PATCH /v1/account/profile");
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());
  beforeEach(() => server.resetSims());

  it("sends the mutation's key, and reads the replay of a retry from the answer's headers", async () => {
    const idempotencyKey = randomUUID();
    const first = await client(server.url).mutate({ mutation: RENAME, variables: { name: "Grace Hopper" }, context: { idempotencyKey } });
    expect(first.data).toEqual({ updateProfileName: { __typename: "DepictaAccount", id: expect.any(String), name: "Grace Hopper" } });
    expect(first.extensions?.idempotentReplayed).toBeUndefined();

    // The app did not get the first answer (it restarted, say) and sends the change again with
    // the key it stored for it: the server answers from its store.
    const retry = await client(server.url).mutate({ mutation: RENAME, variables: { name: "Grace Hopper" }, context: { idempotencyKey } });
    expect(retry.extensions?.idempotentReplayed).toBe(true);
    expect(retry.data).toEqual(first.data);
    expect(writes()).toBe(1);
  });

  it("gives each change its own key, and sends none for a mutation without one", async () => {
    const app = client(server.url);
    await app.mutate({ mutation: RENAME, variables: { name: "Ada King" }, context: { idempotencyKey: randomUUID() } });
    const second = await app.mutate({ mutation: RENAME, variables: { name: "Ada King" }, context: { idempotencyKey: randomUUID() } });
    expect(second.extensions?.idempotentReplayed).toBeUndefined();
    const unkeyed = await app.mutate({ mutation: RENAME, variables: { name: "Ada King" } });
    expect(unkeyed.extensions?.idempotentReplayed).toBeUndefined();
    expect(writes()).toBe(3);
    expect(server.sims.depicta.control.calls.filter(c => c.headers["idempotency-key"] !== undefined)).toEqual([]);
  });
});

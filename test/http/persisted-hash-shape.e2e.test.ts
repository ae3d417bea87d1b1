import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startTestServer, type TestServer } from "../helpers/server.js";

// A persisted-query hash that is not a string is the caller's mistake: 400, in every persisted
// query mode and over GET and POST, never a 500 with a stack in the log (which would also fire the
// internal-errors alert). `{"toString":"x"}` is an object whose conversion to a string throws.

const QUERY = "query HashShape { account(provider: DIFFIO) { id } }";
const HASHES: [string, unknown][] = [
  ["an object whose toString is not a function", { toString: "x" }],
  ["an object", { a: 1 }],
  ["a list", ["abc"]],
  ["a number", 5],
  ["true", true],
];

async function send(server: TestServer, method: "GET" | "POST", sha256Hash: unknown, withQuery: boolean) {
  const extensions = { persistedQuery: { version: 1, sha256Hash } };
  const payload = { operationName: "HashShape", extensions, ...(withQuery ? { query: QUERY } : {}) };
  const response =
    method === "POST"
      ? await fetch(`${server.url}/graphql`, {
          method,
          headers: { "content-type": "application/json" },
          body: JSON.stringify(payload),
        })
      : await fetch(
          `${server.url}/graphql?${new URLSearchParams({
            operationName: "HashShape",
            extensions: JSON.stringify(extensions),
            ...(withQuery ? { query: QUERY } : {}),
          })}`,
          { headers: { "apollo-require-preflight": "true" } },
        );
  const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: response.status, body };
}

for (const mode of ["apq", "only"] as const) {
  describe(`a sha256Hash that is not a string (PERSISTED_QUERIES=${mode})`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ PERSISTED_QUERIES: mode });
    });
    afterAll(() => server.stop());

    for (const [what, hash] of HASHES) {
      it(`answers 400 BAD_REQUEST for ${what}, GET and POST, with and without the query`, async () => {
        for (const method of ["GET", "POST"] as const) {
          for (const withQuery of [false, true]) {
            const { status, body } = await send(server, method, hash, withQuery);
            expect({ method, withQuery, status, code: body.errors?.[0]?.extensions?.code }).toEqual({
              method,
              withQuery,
              status: 400,
              code: "BAD_REQUEST",
            });
            expect(body.errors?.[0]?.message).toMatch(/sha256Hash/);
          }
        }
        expect(server.sims.diffio.control.count()).toBe(0);
        // Nothing was logged as an error (no stack, no internal-errors alert).
        expect(server.logs.lines.filter(line => JSON.parse(line).level >= 50)).toEqual([]);
      });
    }
  });
}

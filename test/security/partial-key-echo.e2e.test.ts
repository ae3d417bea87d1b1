import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startTestServer, type TestServer } from "../helpers/server.js";

// A provider error that echoes parts of the key it was sent (a prefix, a middle, a tail) must not
// hand them to whoever reads the answer: not in a 400's message, not in a 500's, not in a request
// id, not in the log. The same redaction as for data: 8 characters from the key's start or end, 12
// from inside it, and whatever has a provider's documented key shape.

// The server-side Depicta key (DEPICTA_API_KEY), used by any token holder who sends none.
const SERVER_KEY = "dpct_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V";
const ECHO = "bad key dpct_a1B2c3D4e5F6 ... middle g7H8i9J0k1L2m3N4 ... tail P6q7R8s9T0u1V";

/** Every run of 8 characters of `secret` (past its public prefix) that occurs in `text`. */
function fragments(text: string, secret: string): string[] {
  const found = new Set<string>();
  const prefix = /^(?:[A-Za-z]+_)+/.exec(secret)?.[0].length ?? 0;
  for (let i = prefix; i + 8 <= secret.length; i++) if (text.includes(secret.slice(i, i + 8))) found.add(secret.slice(i, i + 8));
  return [...found];
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    NODE_ENV: "production",
    PROVIDERS_MODE: "simulated",
    API_TOKENS: "caller-token",
    DEPICTA_API_KEY: SERVER_KEY,
  });
});
afterAll(() => server.stop());

const ask = async (query: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer caller-token", ...headers },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return { text, body: JSON.parse(text) as { errors?: { message: string; extensions?: Record<string, unknown> }[] } };
};

describe("a provider error that echoes parts of the key", () => {
  it.each([
    [400, "BAD_USER_INPUT"],
    [500, "UPSTREAM_ERROR"],
  ])("is redacted from a %i's message, code and request id (the server-side key)", async (status, code) => {
    server.resetSims();
    // Every attempt (a 500 is retried) gets the same answer.
    server.sims.depicta.control.failNext({
      times: 3,
      status,
      body: { error: `invalid_key ${SERVER_KEY.slice(0, 14)}`, message: ECHO, request_id: `req-${SERVER_KEY.slice(-12)}` },
      headers: { "x-request-id": `hdr-${SERVER_KEY.slice(20, 32)}` },
    });
    const { text, body } = await ask("{ account(provider: DEPICTA) { id } }");
    expect(body.errors?.[0]?.extensions?.code).toBe(code);
    expect(body.errors?.[0]?.message).toMatch(/\[REDACTED\]/);
    expect(fragments(text, SERVER_KEY)).toEqual([]);
    expect(fragments(server.logs.text, SERVER_KEY)).toEqual([]);
  });

  it("is redacted for a caller's own key of a provider without a documented key shape", async () => {
    server.resetSims();
    // Cudo documents no key format: only the runs of the key itself can be found.
    const key = "cudo_live_Zx81Qa2Lm0Pq7Rt5Vw3Y";
    server.sims.cudo.control.failNext({
      status: 400,
      body: { code: 400, status: "INVALID_ARGUMENT", message: `key ...${key.slice(11, 24)}... is not allowed here; ends ${key.slice(-9)}` },
    });
    const { text, body } = await ask("{ account(provider: CUDO) { id } }", { "x-cudo-api-key": key });
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(fragments(text, key)).toEqual([]);
    expect(fragments(server.logs.text, key)).toEqual([]);
  });
});

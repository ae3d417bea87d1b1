import { describe, expect, it } from "@jest/globals";
import { startTestServer } from "../helpers/server.js";

const READ = "{ account(provider: DIFFIO) { id } }";

describe("draining on stop", () => {
  // The deadline is longer than any fixed 10 s grace would be, so a grace that does not follow
  // the deadline cuts the request (ECONNRESET) instead of letting it answer UPSTREAM_TIMEOUT.
  it("answers a request to a hung provider with UPSTREAM_TIMEOUT instead of cutting it", async () => {
    const server = await startTestServer({ UPSTREAM_TIMEOUT_MS: "11000" });
    server.sims.diffio.control.failNext({ kind: "hang" });
    const answer = server.gql(READ).then(
      response => response,
      (error: Error) => error,
    );
    while (server.sims.diffio.control.count() === 0) await new Promise(resolve => setImmediate(resolve));
    const stopped = server.running.stop();
    const response = await answer;
    expect(response).not.toBeInstanceOf(Error);
    const { status, body } = response as Awaited<ReturnType<typeof server.gql>>;
    expect(status).toBe(200);
    expect(body.data).toEqual({ account: null });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "UPSTREAM_TIMEOUT", provider: "DIFFIO" });
    await stopped;
  }, 40_000);
});

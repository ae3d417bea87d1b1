import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { serverAudits, type AuditResult } from "graphql-http";
import { startTestServer, type TestServer } from "../helpers/server.js";

// The GraphQL-over-HTTP conformance audit of graphql-http, run against the live /graphql.
//
// Apollo's CSRF prevention refuses "simple" requests (a GET, or a POST without a JSON content
// type) unless they carry a preflight-forcing header, so every audit request goes out with
// `apollo-require-preflight: true`, as a browser app or a gateway would send it. The audits use
// `__typename` and `__type(...)`, so the server runs with introspection on (the default outside
// production); the production server refuses introspection, which is a choice, not a conformance
// failure.

/** fetch that adds Apollo's CSRF preflight header to every audit request. */
const preflightFetch: typeof fetch = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set("apollo-require-preflight", "true");
  return fetch(input, { ...init, headers });
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

// serverAudits only builds the list; `url` is read when each audit runs, after beforeAll.
const audits = serverAudits({ url: () => `${server.url}/graphql`, fetchFn: preflightFetch });
const results = new Map<string, AuditResult>();

async function run(audit: (typeof audits)[number]): Promise<AuditResult> {
  const result = await audit.fn();
  results.set(audit.name, result);
  // Audits leave the response unread; read it so no socket is left half-consumed.
  if ("response" in result && !result.response.bodyUsed) {
    await result.response.text().catch(() => "");
  }
  return result;
}

describe("graphql-http server audit: MUST", () => {
  const must = audits.filter(audit => audit.name.startsWith("MUST"));

  it("has MUST audits to run", () => {
    expect(must.length).toBeGreaterThanOrEqual(10);
  });

  for (const audit of must) {
    it(audit.name, async () => {
      const result = await run(audit);
      expect({
        status: result.status,
        reason: "reason" in result ? result.reason : undefined,
      }).toEqual({
        status: "ok",
        reason: undefined,
      });
    });
  }
});

describe("graphql-http server audit: SHOULD and MAY", () => {
  const optional = audits.filter(audit => !audit.name.startsWith("MUST"));

  // Recommendations are collected, not required. These are the ones the server does not follow,
  // all by Apollo Server's choice: it answers request errors with 400 even for the legacy
  // `application/json` response type, where the spec recommends 200 (a pre-watershed client may
  // not read a 4xx body). The list is pinned so the copy in docs/security.md stays true.
  const KNOWN_UNMET: Record<string, string> = {
    "572B":
      "SHOULD use 200 status code on document parsing failure when accepting application/json",
    FDE2: "SHOULD use 200 status code on document validation failure when accepting application/json",
    "7B9B":
      "SHOULD use a status code of 200 on variable coercion failure when accepting application/json",
  };

  it("runs every SHOULD and MAY audit; only the known, documented ones are unmet", async () => {
    expect(optional.length).toBeGreaterThan(0);
    for (const audit of optional) await run(audit);
    expect(optional.filter(audit => !results.has(audit.name))).toEqual([]);
    const unmet = optional
      .filter(audit => results.get(audit.name)!.status !== "ok")
      .map(audit => {
        const result = results.get(audit.name)!;
        return {
          id: audit.id,
          name: audit.name,
          status: result.status,
          reason: "reason" in result ? result.reason : "",
        };
      });
    expect(Object.fromEntries(unmet.map(u => [u.id, u.name]))).toEqual(KNOWN_UNMET);
    // A recommendation that is unmet is a warn (SHOULD) or a notice (MAY), never an error.
    expect(unmet.filter(u => u.status === "error")).toEqual([]);
  });

  it("refuses mutations over GET (MAY audit 9C48, a MUST for servers that accept GET)", async () => {
    const audit = audits.find(a => a.id === "9C48")!;
    const result = await run(audit);
    expect(result.status).toBe("ok");
  });
});

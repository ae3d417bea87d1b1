import { describe, expect, it } from "@jest/globals";
import { explorerFallback, type ExplorerPageOptions } from "../../src/explorer/explorer-page.js";

const options: ExplorerPageOptions = {
  nonce: "n0nce",
  document: "# </script><script>alert(1)</script>\n{ accounts { id } }",
  headers: { "X-Acme-Api-Key": "acme_demo" },
  providerNames: "Acme",
  endpoint: "http://localhost:4000/graphql",
  assets: "/explorer/",
  faultProviders: ["ACME"],
};

describe("the development landing page's own part", () => {
  it("carries Apollo's nonce on every script and style element and uses no style attribute", () => {
    const html = explorerFallback(options);
    const tags = html.match(/<(script|style)\b[^>]*>/g)!;
    expect(tags.length).toBe(3);
    for (const tag of tags) expect(tag.includes('nonce="n0nce"') || tag.includes('type="application/json"')).toBe(true);
    expect(html).not.toMatch(/\sstyle=/);
  });

  it("keeps the example operation data, whatever it holds", () => {
    const html = explorerFallback(options);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const json = /<script type="application\/json" id="account-graph-explorer">([^<]*)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(json)).toMatchObject({ query: options.document, graphiql: true, assets: "/explorer/", headers: '{\n  "X-Acme-Api-Key": "acme_demo"\n}' });
  });

  it("lists the simulated faults with their codes only where they work, and says when GraphiQL is not installed", () => {
    const simulated = explorerFallback(options);
    expect(simulated).toContain("X-Simulate-Fault: &#60;provider&#62;=&#60;fault&#62;");
    expect(simulated).toContain("rate-limited: 429, the provider&#39;s body and Retry-After: 30 (RATE_LIMITED)");
    expect(simulated).toContain("not-found: 404, no such account (NOT_FOUND)");
    expect(simulated).toContain("e.g. acme=rate-limited");
    const live = explorerFallback({ ...options, faultProviders: undefined, assets: undefined });
    expect(live).not.toContain("X-Simulate-Fault");
    const json = /id="account-graph-explorer">([^<]*)</.exec(live)![1]!;
    expect(JSON.parse(json)).toMatchObject({ graphiql: false });
  });
});

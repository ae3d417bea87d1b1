import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type Browser, type Page } from "playwright-core";
import { launchOfflineChromium, recordPage } from "../helpers/browser.js";
import { DEFAULT_DEMO_KEYS, Provider } from "../helpers/providers.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { until } from "../helpers/until.js";

// The development landing page in a real browser with no network but loopback: Apollo's CDN
// cannot be reached, so the page must open GraphiQL from this server and run a query with it.
let server: TestServer;
let browser: Browser;
// A browser on a loaded machine is slow to start and to draw: generous limits, never asserted on.
const BROWSER_TIMEOUT_MS = 60_000;
beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ NODE_ENV: "development" }), launchOfflineChromium()]);
}, BROWSER_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const SANDBOX_CDN = "https://embeddable-sandbox.cdn.apollographql.com/**";
const isLoopback = (url: string) => new URL(url).hostname === "127.0.0.1";

async function openExplorer(page: Page) {
  await page.goto(`${server.url}/graphql`);
  await page.locator(".graphiql-container").waitFor({ timeout: BROWSER_TIMEOUT_MS });
}

// CodeMirror keeps each editor's text on its instance. (Page code is text: no DOM types here.)
const editorText = (page: Page, selector: string) =>
  page.evaluate<string>(`document.querySelector(${JSON.stringify(`${selector} .CodeMirror`)}).CodeMirror.getValue()`);
// The response as GraphiQL shows it, once it has one (CodeMirror draws only the lines in view).
async function response(page: Page): Promise<{ data?: { accounts: { provider: string }[] } }> {
  await until(async () => (await editorText(page, ".graphiql-response")).includes('"data"'), "GraphiQL to show a response", BROWSER_TIMEOUT_MS);
  return JSON.parse(await editorText(page, ".graphiql-response")) as { data?: { accounts: { provider: string }[] } };
}

describe("the development explorer, offline", () => {
  it("opens GraphiQL from this server with the example and the demo headers, and a query run from it returns data", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const record = await recordPage(page);
    await openExplorer(page);

    expect(await editorText(page, ".graphiql-query-editor")).toContain("query AllAccounts");
    expect(await editorText(page, ".graphiql-query-editor")).toContain("X-Simulate-Fault");
    const headers = JSON.parse(await editorText(page, ".graphiql-editor-tool .graphiql-editor:not(.hidden)")) as Record<string, string>;
    expect(headers["X-Depicta-Api-Key"]).toBe(DEFAULT_DEMO_KEYS[Provider.DEPICTA]);

    await page.locator(".graphiql-execute-button").click();
    expect((await response(page)).data?.accounts.map(a => a.provider)).toEqual(["DIFFIO", "HOSTUP", "CUDO", "DEPICTA"]);

    // Everything that loaded came from this server; what tried to leave (Apollo's CDN, fonts) failed.
    const loaded = record.requests.filter(r => r.ok).map(r => r.url);
    expect(loaded.filter(url => !isLoopback(url))).toEqual([]);
    expect(loaded.map(url => new URL(url).pathname)).toEqual(expect.arrayContaining(["/explorer/graphiql.js", "/explorer/graphiql.css", "/explorer/react.js", "/explorer/react-dom.js"]));
    expect(record.requests.filter(r => !r.ok && isLoopback(r.url))).toEqual([]);
    expect(await record.violations()).toEqual([]);
    await page.close();
  }, 2 * BROWSER_TIMEOUT_MS);

  it("fits a 390 px phone screen: nothing cut off at the right, the run button on screen and working", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const record = await recordPage(page);
    await openExplorer(page);
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    const run = await page.locator(".graphiql-execute-button").boundingBox();
    expect(run!.x + run!.width).toBeLessThanOrEqual(390);
    const pane = await page.locator(".graphiql-response").boundingBox();
    expect(pane!.width).toBeGreaterThan(300);
    await page.locator(".graphiql-execute-button").tap();
    expect((await response(page)).data?.accounts).toHaveLength(4);
    expect(await record.violations()).toEqual([]);
    await page.close();
  }, 2 * BROWSER_TIMEOUT_MS);

  it("leaves the page to Apollo Sandbox when its script loads, fetching nothing of GraphiQL", async () => {
    const page = await browser.newPage();
    const record = await recordPage(page);
    // Stands in for Apollo's CDN: a Sandbox that only says where it was asked to open.
    await page.route(SANDBOX_CDN, route =>
      route.fulfill({
        contentType: "text/javascript",
        body: "window.EmbeddedSandbox = function (o) { document.querySelector(o.target).textContent = 'sandbox for ' + o.initialEndpoint; };",
      }),
    );
    await page.goto(`${server.url}/graphql`);
    await page.locator("#embeddableSandbox", { hasText: "sandbox for" }).waitFor();
    expect(await page.locator("#embeddableSandbox").textContent()).toBe(`sandbox for ${server.url}/graphql`);
    expect(record.requests.filter(r => r.url.includes("/explorer/"))).toEqual([]);
    expect(await page.locator(".graphiql-container").count()).toBe(0);
    await page.close();
  }, 2 * BROWSER_TIMEOUT_MS);

  it("opens GraphiQL when Apollo's CDN does not answer at all, rather than waiting for it", async () => {
    const page = await browser.newPage();
    // A proxy that swallows the request: never answered while the test runs.
    await page.route(SANDBOX_CDN, () => undefined);
    await page.goto(`${server.url}/graphql`, { waitUntil: "commit" });
    await page.locator(".graphiql-container").waitFor({ timeout: BROWSER_TIMEOUT_MS });
    expect(await page.locator("#embeddableSandbox").count()).toBe(0);
    await page.close();
  }, 2 * BROWSER_TIMEOUT_MS);
});

describe("the explorer's files", () => {
  it("are GraphiQL's and React's own builds from node_modules, revalidated by ETag", async () => {
    const graphiql = await fetch(`${server.url}/explorer/graphiql.js`);
    expect(graphiql.status).toBe(200);
    expect(graphiql.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const installed = readFileSync(new URL("../../node_modules/graphiql/graphiql.min.js", import.meta.url), "utf8");
    expect(await graphiql.text()).toBe(installed);
    const again = await fetch(`${server.url}/explorer/graphiql.js`, { headers: { "if-none-match": graphiql.headers.get("etag")! } });
    expect(again.status).toBe(304);
    expect((await fetch(`${server.url}/explorer/graphiql.css`)).headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect((await fetch(`${server.url}/explorer/../package.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/explorer/index.html`)).status).toBe(404);
  });

  it("are not served in production, where there is no explorer", async () => {
    const production = await startTestServer({ NODE_ENV: "production", PROVIDERS_MODE: "simulated" });
    try {
      expect((await fetch(`${production.url}/explorer/graphiql.js`)).status).toBe(404);
    } finally {
      await production.stop();
    }
  });
});

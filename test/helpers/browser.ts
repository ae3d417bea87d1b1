import { existsSync } from "node:fs";
import { chromium, type Browser, type Page, type Request } from "playwright-core";

/** Debian's Chromium (`apt-get install chromium`, as `.ci/run` does); `CHROMIUM` names another. */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/**
 * Headless Chromium that can resolve no host but loopback: every other name fails as it does
 * offline, so nothing a page loads can come from anywhere else. Flags as the machine notes say
 * (no background networking: Chromium would otherwise call home at start).
 */
export async function launchOfflineChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install it with "sudo apt-get install chromium" (or set CHROMIUM)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });
}

/** What a page did: every request with its outcome, and every Content-Security-Policy violation. */
export interface PageRecord {
  requests: { url: string; ok: boolean }[];
  violations(): Promise<string[]>;
}

/** Record `page`'s requests and CSP violations from its first document on. */
export async function recordPage(page: Page): Promise<PageRecord> {
  const requests: PageRecord["requests"] = [];
  const done = (ok: boolean) => (request: Request) => requests.push({ url: request.url(), ok });
  page.on("requestfinished", done(true));
  page.on("requestfailed", done(false));
  // Page code is written as text: these tests are type-checked without the DOM's types.
  await page.addInitScript({
    content: `window.cspViolations = [];
      document.addEventListener("securitypolicyviolation", e => window.cspViolations.push(e.violatedDirective + " " + e.blockedURI));`,
  });
  return {
    requests,
    violations: () => page.evaluate<string[]>("window.cspViolations"),
  };
}

import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";

// The built server (`npm test` builds first), as `npm start` runs it: a manifest it cannot use is
// a start-up error, told in the same one line as every other configuration problem.
const ENTRY = new URL("../../build/index.js", import.meta.url).pathname;

async function startAndExit(env: Record<string, string>) {
  const child = spawn(process.execPath, [ENTRY], {
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", chunk => (stderr += chunk));
  const [code] = await once(child, "exit");
  return { code, stderr };
}

describe("PERSISTED_QUERY_MANIFEST at start", () => {
  it("refuses a manifest file that does not exist, listed with the other problems, exit 1", async () => {
    const { code, stderr } = await startAndExit({ PERSISTED_QUERIES: "only", PERSISTED_QUERY_MANIFEST: "/nonexistent/manifest.json", MAX_DEPTH: "zero" });
    expect(code).toBe(1);
    expect(stderr).toContain("Invalid configuration:");
    expect(stderr).toContain('PERSISTED_QUERY_MANIFEST "/nonexistent/manifest.json" cannot be read (ENOENT)');
    expect(stderr).toContain("MAX_DEPTH must be an integer");
    // Said plainly, not as a stack trace.
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a manifest whose content it cannot serve, in the same words, exit 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "manifest-process-"));
    const path = join(dir, "broken.json");
    writeFileSync(path, "not json");
    try {
      const { code, stderr } = await startAndExit({ PERSISTED_QUERIES: "only", PERSISTED_QUERY_MANIFEST: path });
      expect(code).toBe(1);
      expect(stderr).toContain("Invalid configuration:");
      expect(stderr).toContain(`PERSISTED_QUERY_MANIFEST "${path}" is not JSON`);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

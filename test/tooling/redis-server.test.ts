import { spawn } from "node:child_process";
import { once } from "node:events";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { installHint, resolveRedisServer } from "../helpers/global-setup.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "ag-redis-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function fakeBinary(dir: string, mode = 0o755): string {
  const path = join(scratch, dir, "redis-server");
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, "#!/bin/sh\nexit 0\n");
  chmodSync(path, mode);
  return path;
}

const never = () => Promise.reject(new Error("must not be asked"));

describe("finding redis-server for the Redis suites", () => {
  it("takes the first executable redis-server on PATH, wherever it is installed", async () => {
    const brew = fakeBinary("opt/homebrew/bin");
    const notExecutable = fakeBinary("usr/local/bin", 0o644);
    const found = await resolveRedisServer(
      { PATH: [dirname(notExecutable), join(scratch, "missing"), dirname(brew)].join(":") },
      never,
    );
    expect(found).toEqual({ path: brew, source: "PATH" });
  });

  it("lets REDIS_SERVER override PATH, and names it when it is not a binary", async () => {
    const custom = fakeBinary("custom");
    const onPath = fakeBinary("on-path");
    expect(
      await resolveRedisServer({ REDIS_SERVER: custom, PATH: dirname(onPath) }, never),
    ).toEqual({
      path: custom,
      source: "REDIS_SERVER",
    });
    const wrong = await resolveRedisServer(
      { REDIS_SERVER: join(scratch, "nope"), PATH: dirname(onPath) },
      never,
    );
    expect(wrong).toEqual({
      missing: expect.stringContaining(
        `REDIS_SERVER=${join(scratch, "nope")} is not an executable file`,
      ),
    });
  });

  it("falls back to redis-memory-server, and says in one line what is missing when it fails", async () => {
    const built = fakeBinary("cache/redis-binaries/stable");
    expect(await resolveRedisServer({ PATH: join(scratch, "empty") }, async () => built)).toEqual({
      path: built,
      source: "redis-memory-server",
    });
    const offline = await resolveRedisServer({ PATH: join(scratch, "empty") }, () =>
      Promise.reject(new Error("getaddrinfo ENOTFOUND download.redis.io\n    at stack")),
    );
    expect("missing" in offline && offline.missing).toBe(
      `redis-server is not on PATH and redis-memory-server could not build one (getaddrinfo ENOTFOUND download.redis.io): install it (${installHint()}) or set REDIS_SERVER to its path`,
    );
  });

  it("names the platform's install command", () => {
    expect(installHint("linux")).toBe("sudo apt-get install redis-server");
    expect(installHint("darwin")).toBe("brew install redis");
  });

  it("stops a jest run that needs Redis with that one line when none can be had", async () => {
    // A PATH with node only, and a download that is refused at once instead of reaching the internet.
    const nodeOnly = join(scratch, "node-only");
    // (the child gets node by its absolute path; nothing else of PATH)
    mkdirSync(nodeOnly);
    const child = spawn(
      process.execPath,
      [join(ROOT, "node_modules/jest/bin/jest.js"), "test/replicas/redis-state"],
      {
        cwd: ROOT,
        env: {
          PATH: nodeOnly,
          HOME: scratch,
          NODE_OPTIONS: "--experimental-vm-modules",
          REDISMS_DOWNLOAD_URL: "http://127.0.0.1:9/redis-stable.tar.gz",
          REDISMS_DOWNLOAD_DIR: join(scratch, "rms"),
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout!.on("data", chunk => (output += chunk));
    child.stderr!.on("data", chunk => (output += chunk));
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    const lines = output.split("\n").filter(line => line.trim() !== "");
    expect(lines).toEqual([
      expect.stringMatching(
        /^account-graph tests: redis-server is not on PATH and redis-memory-server could not build one \(.*ECONNREFUSED.*\): install it \(.+\) or set REDIS_SERVER to its path$/,
      ),
    ]);
  }, 60_000);
});

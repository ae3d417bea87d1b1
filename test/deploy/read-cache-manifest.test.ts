import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { parseAllDocuments } from "yaml";
import { loadConfig } from "../helpers/providers.js";

// deploy/ runs the read cache as docs/operations.md recommends, shared through Redis, with its
// secret from the Secret that holds the API tokens (never a literal in the manifest).
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
type Env = { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } };
const deployment = parseAllDocuments(read("deploy/k8s/account-graph.yaml"))
  .map(d => d.toJS() as { kind?: string; spec?: { template: { spec: { containers: { name: string; env: Env[] }[] } } } })
  .find(o => o.kind === "Deployment")!;
const env = deployment.spec!.template.spec.containers.find(c => c.name === "account-graph")!.env;
const byName = (name: string) => env.find(e => e.name === name);
const operations = read("docs/operations.md");

describe("deploy/k8s: the read cache", () => {
  it("is on, with the values docs/operations.md recommends", () => {
    for (const name of ["READ_CACHE_TTL_SECONDS", "STALE_IF_ERROR_SECONDS"]) {
      const value = byName(name)?.value;
      expect({ name, value: Number(value) > 0 }).toEqual({ name, value: true });
      expect(operations).toContain(`| \`${name}\` | \`${value}\` |`);
    }
  });

  it("takes READ_CACHE_SECRET from the Secret that holds API_TOKENS, and starts with it beside REDIS_URL", () => {
    const secret = byName("READ_CACHE_SECRET")!;
    expect(secret.value).toBeUndefined();
    expect(secret.valueFrom?.secretKeyRef?.name).toBe(byName("API_TOKENS")!.valueFrom!.secretKeyRef!.name);
    expect(secret.valueFrom?.secretKeyRef?.key).toBe("read-cache-secret");
    const stubbed = Object.fromEntries(env.map(e => [e.name, e.value ?? "a-stubbed-secret-value-of-32-characters-or-more"]));
    const config = loadConfig(stubbed);
    expect(config.redisUrl).toBeDefined();
    expect(config.readCache).toMatchObject({ ttlSeconds: 30, staleIfErrorSeconds: 600, secret: expect.any(String) });
  });
});

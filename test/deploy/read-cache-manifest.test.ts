import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { parseAllDocuments } from "yaml";
import { loadConfig } from "../helpers/providers.js";

// deploy/ runs the read cache as docs/operations.md recommends, shared through Redis, its keys
// hashed with the deployment's CREDENTIAL_HASH_SECRET (from the Secret, never a literal).
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
      expect({ name, on: Number(value) > 0 }).toEqual({ name, on: true });
      expect(operations).toContain(`| \`${name}\` | \`${value}\` |`);
    }
  });

  it("is shared through Redis, with the credential hash keyed from the Secret that holds API_TOKENS", () => {
    const secret = byName("CREDENTIAL_HASH_SECRET")!;
    expect(secret.value).toBeUndefined();
    expect(secret.valueFrom?.secretKeyRef?.name).toBe(byName("API_TOKENS")!.valueFrom!.secretKeyRef!.name);
    const stubbed = Object.fromEntries(env.map(e => [e.name, e.value ?? "a-stubbed-secret-value-of-32-characters-or-more"]));
    const config = loadConfig(stubbed);
    expect(config.redisUrl).toBeDefined();
    expect(config.credentialHashSecret).toBeDefined();
    expect(config.readCache).toMatchObject({ ttlSeconds: 30, staleIfErrorSeconds: 600 });
  });
});

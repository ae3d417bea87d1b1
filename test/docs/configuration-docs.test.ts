import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { loadConfig } from "../../src/config.js";
import { START_ENV } from "../../src/node-flags.js";
import { PROVIDER_MODULES } from "../../src/providers/index.js";

const doc = readFileSync(new URL("../../docs/configuration.md", import.meta.url), "utf8");

/** Every variable name in the first column of the tables of `## heading` (up to the next `## `). */
function documented(heading: string): Set<string> {
  const start = doc.indexOf(`\n## ${heading}\n`);
  expect(start).toBeGreaterThan(-1);
  const end = doc.indexOf("\n## ", start + 1);
  const section = doc.slice(start, end < 0 ? undefined : end);
  const names = new Set<string>();
  for (const line of section.split("\n")) {
    const firstCell = /^\| (.+?) \|/.exec(line)?.[1] ?? "";
    for (const [, name] of firstCell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.add(name!);
  }
  return names;
}

/**
 * Every variable the configuration loader reads, over environments that reach each branch
 * (tracing on, trusted documents): the environment records what is asked of it.
 */
function readByLoader(): Set<string> {
  const names = new Set<string>();
  const environments: NodeJS.ProcessEnv[] = [
    {},
    { OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318", OTEL_TRACES_SAMPLER: "parentbased_traceidratio" },
    { PERSISTED_QUERIES: "only" },
  ];
  for (const env of environments) {
    const recording = new Proxy(env, {
      get(target, name) {
        if (typeof name === "string") names.add(name);
        return target[name as string];
      },
    });
    loadConfig(recording, PROVIDER_MODULES);
  }
  return names;
}

describe("docs/configuration.md", () => {
  it("documents exactly the variables the server reads", () => {
    const read = [...readByLoader()].sort();
    const listed = [...documented("Variables")].sort();
    expect(read.length).toBeGreaterThan(40);
    expect({ undocumented: read.filter(n => !listed.includes(n)), notRead: listed.filter(n => !read.includes(n)) }).toEqual({
      undocumented: [],
      notRead: [],
    });
  });

  it("names each provider's own variables, for every provider served", () => {
    const listed = documented("Variables");
    for (const { id } of PROVIDER_MODULES) {
      expect(listed).toContain(`${id}_BASE_URL`);
      expect(listed).toContain(`${id}_API_KEY`);
    }
  });

  it("gives each variable the default the loader uses, where the default is one value", () => {
    const start = doc.indexOf("\n## Variables\n");
    const section = doc.slice(start, doc.indexOf("\n## ", start + 1));
    const defaults = loadConfig({}, PROVIDER_MODULES);
    const checked: string[] = [];
    for (const line of section.split("\n")) {
      // | `NAME` | `value` | … or | `NAME` | `value` (a gloss without code) | …
      const row = /^\| `([A-Z][A-Z0-9_]+)` \| `([^`]+)`(?: \([^`]*\))? \|/.exec(line);
      if (!row) continue;
      const [, name, value] = row;
      expect({ [name!]: loadConfig({ [name!]: value }, PROVIDER_MODULES) }).toEqual({ [name!]: defaults });
      checked.push(name!);
    }
    expect(checked).toEqual(expect.arrayContaining(["PORT", "UPSTREAM_RETRY_ATTEMPTS", "BREAKER_RESET_TIMEOUT_MS", "READ_CACHE_BYTES"]));
    expect(checked.length).toBeGreaterThan(30);
  });

  it("lists apart what the start command sets, with its defaults", () => {
    const listed = [...documented("Read by the start command")].sort();
    expect(listed).toEqual(Object.keys(START_ENV).sort());
    for (const [name, value] of Object.entries(START_ENV)) {
      expect(doc).toContain(`| \`${name}\` | \`${value}\` |`);
    }
  });

  it("lists apart the OpenTelemetry variables the SDK reads itself", () => {
    const sdk = [...documented("Read by the OpenTelemetry SDK itself")];
    const read = readByLoader();
    expect(sdk.length).toBeGreaterThan(0);
    for (const name of sdk) {
      expect(name).toMatch(/^OTEL_/);
      expect(read.has(name)).toBe(false);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { BUNDLED_MANIFEST_PATH, readManifest, sha256 } from "../../src/persisted/manifest.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

/*
 * One operation answers the same however it arrives (POST, GET, APQ hash, trusted document by
 * hash or text, a gateway's `_entities`), on its first sighting (parsed and validated) and on its
 * repeat (from Apollo's document cache). Status, the headers a client reads and the body byte for
 * byte (upstream timings zeroed) must be equal across sightings, and across the arrivals of one read.
 */

const HEADERS = ["content-type", "cache-control", "vary"];

interface Answer {
  status: number;
  headers: Record<string, string | null>;
  text: string;
}

interface Request {
  body: Record<string, unknown>;
  get?: boolean;
}

async function send(server: TestServer, { body, get }: Request): Promise<Answer> {
  let response: Response;
  if (get) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(body)) search.set(name, typeof value === "string" ? value : JSON.stringify(value));
    response = await fetch(`${server.url}/graphql?${search}`, { headers: { "apollo-require-preflight": "true" } });
  } else {
    response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  }
  return {
    status: response.status,
    headers: Object.fromEntries(HEADERS.map(name => [name, response.headers.get(name)])),
    text: (await response.text()).replace(/"durationMs":[\d.]+/g, '"durationMs":0'),
  };
}

const persisted = (text: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(text) } });

/** An arrival: what registers it first (if anything), then the request sent twice. */
interface Arrival {
  name: string;
  setup?: Request;
  request: Request;
}

function arrivals(tag: string): Arrival[] {
  const read = (name: string) => `query ${name}_${tag}($with: Boolean!) { account(provider: DIFFIO) { id ... on DiffioAccount { currency billingPolicy @include(if: $with) { type } } } }`;
  const variables = { with: true };
  const entities = `query Entities_${tag}($r: [_Any!]!) { _entities(representations: $r) { ... on DiffioAccount { id currency } ... on CudoBillingAccount { id displayName } } }`;
  const apqPost = read("ApqPost");
  const apqGet = read("ApqGet");
  return [
    { name: "POST", request: { body: { query: read("Post"), variables } } },
    { name: "GET", request: { body: { query: read("Get"), variables }, get: true } },
    {
      name: "APQ hash (POST)",
      setup: { body: { query: apqPost, variables, extensions: persisted(apqPost) } },
      request: { body: { variables, extensions: persisted(apqPost) } },
    },
    {
      name: "APQ hash (GET)",
      setup: { body: { query: apqGet, variables, extensions: persisted(apqGet) } },
      request: { body: { variables, extensions: persisted(apqGet) }, get: true },
    },
    {
      name: "a gateway's _entities",
      request: {
        body: {
          query: entities,
          variables: { r: [{ __typename: "DiffioAccount", id: "user_demo_1" }, { __typename: "CudoBillingAccount", id: "nope" }] },
        },
      },
    },
  ];
}

/** Send `arrival` (after its setup) twice: the first sighting and the repeat. */
async function twice(server: TestServer, arrival: Arrival): Promise<Answer[]> {
  if (arrival.setup) await send(server, arrival.setup);
  return [await send(server, arrival.request), await send(server, arrival.request)];
}

describe.each([
  { mode: "automatic persisted queries", env: {} as Record<string, string> },
  { mode: "trusted documents (PERSISTED_QUERIES=only)", env: { PERSISTED_QUERIES: "only" } },
])("every arrival answers alike, first sighting and repeat, $mode", ({ env }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(env);
  });
  afterAll(() => server?.stop());

  const manifest = readManifest(BUNDLED_MANIFEST_PATH).operations.find(op => op.name === "DiffioBillingPolicy")!;
  const trusted: Arrival[] = [
    { name: "trusted document by hash (POST)", request: { body: { operationName: manifest.name, extensions: { persistedQuery: { version: 1, sha256Hash: manifest.id } } } } },
    { name: "trusted document by hash (GET)", request: { body: { operationName: manifest.name, extensions: { persistedQuery: { version: 1, sha256Hash: manifest.id } } }, get: true } },
    { name: "trusted document by text", request: { body: { query: manifest.body, operationName: manifest.name } } },
  ];
  const cases = env.PERSISTED_QUERIES === "only" ? trusted : arrivals("apq");
  // The first answer of each arrival of the same read (all but `_entities`), compared at the end.
  const reads: Answer[] = [];

  for (const arrival of cases) {
    it(`${arrival.name}: the first answer and the repeat are the same, byte for byte`, async () => {
      server.resetSims();
      const answers = await twice(server, arrival);
      expect(answers[0]!.status).toBe(200);
      expect(JSON.parse(answers[0]!.text)).toHaveProperty("data");
      expect(answers[0]!.headers["content-type"]).toMatch(/^application\/json/);
      expect(answers[1]).toEqual(answers[0]);
      if (!arrival.name.includes("_entities")) reads.push(answers[0]!);
    });
  }

  it("every arrival of the read answers the same, byte for byte", () => {
    expect(reads.length).toBeGreaterThanOrEqual(3);
    for (const answer of reads.slice(1)) expect(answer).toEqual(reads[0]);
  });
});

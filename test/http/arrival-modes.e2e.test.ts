import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { BUNDLED_MANIFEST_PATH, readManifest, sha256 } from "../../src/persisted/manifest.js";
import { PREPARED_PATH_ON } from "../helpers/request-path.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

/*
 * One operation answers the same however it arrives (POST, GET, APQ hash, trusted document by
 * hash or text, a gateway's `_entities`) and whichever code answers it. Each arrival is sent in
 * the same sequence to this project's server and to one with PREPARED_PATH=false: the first
 * sighting (Apollo on both), then the repeat (the prepared path on the first server, when this
 * project runs it). Status, the headers a client reads and the body byte for byte (upstream
 * timings zeroed) must be equal across both servers and both sightings.
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

async function preparedHits(server: TestServer): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return Number(/account_graph_cache_hits_total\{cache="prepared"\} (\d+)/.exec(text)?.[1] ?? 0);
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

/** Send `arrival` to both servers; every answer, and whether the repeat was the prepared path's. */
async function both(server: TestServer, apollo: TestServer, arrival: Arrival) {
  const answers: Answer[] = [];
  let repeatPrepared = false;
  for (const target of [server, apollo]) {
    if (arrival.setup) await send(target, arrival.setup);
    answers.push(await send(target, arrival.request));
    const before = await preparedHits(target);
    answers.push(await send(target, arrival.request));
    if (target === server) repeatPrepared = (await preparedHits(target)) > before;
  }
  return { answers, repeatPrepared };
}

describe.each([
  { mode: "automatic persisted queries", env: {} as Record<string, string> },
  { mode: "trusted documents (PERSISTED_QUERIES=only)", env: { PERSISTED_QUERIES: "only" } },
])("every arrival answers alike on both paths, $mode", ({ env }) => {
  let server: TestServer;
  let apollo: TestServer;
  beforeAll(async () => {
    server = await startTestServer(env);
    apollo = await startTestServer({ ...env, PREPARED_PATH: "false" });
  });
  afterAll(async () => {
    await server?.stop();
    await apollo?.stop();
  });

  const manifest = readManifest(BUNDLED_MANIFEST_PATH).operations.find(op => op.name === "DiffioBillingPolicy")!;
  const trusted: Arrival[] = [
    { name: "trusted document by hash (POST)", request: { body: { operationName: manifest.name, extensions: { persistedQuery: { version: 1, sha256Hash: manifest.id } } } } },
    { name: "trusted document by hash (GET)", request: { body: { operationName: manifest.name, extensions: { persistedQuery: { version: 1, sha256Hash: manifest.id } } }, get: true } },
    { name: "trusted document by text", request: { body: { query: manifest.body, operationName: manifest.name } } },
  ];
  const cases = env.PERSISTED_QUERIES === "only" ? trusted : arrivals("apq");

  for (const arrival of cases) {
    it(`${arrival.name}: Apollo's first answer and the repeat are the same, byte for byte`, async () => {
      server.resetSims();
      apollo.resetSims();
      const { answers, repeatPrepared } = await both(server, apollo, arrival);
      expect(repeatPrepared).toBe(PREPARED_PATH_ON);
      expect(answers[0]!.status).toBe(200);
      expect(JSON.parse(answers[0]!.text)).toHaveProperty("data");
      expect(answers[0]!.headers["content-type"]).toMatch(/^application\/json/);
      for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
    });
  }
});

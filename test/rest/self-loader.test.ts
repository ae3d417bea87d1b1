import { describe, expect, it } from "@jest/globals";
import { Provider } from "../helpers/providers.js";
import { primeAfterWrite, SELF, selfLoader } from "../../src/rest/tracked-loader.js";
import { UpstreamRecorder } from "../../src/rest/upstream-recorder.js";

const ENDPOINT = { method: "GET" as const, path: "/api/v2/me/preferences" };

// A fetch that counts its calls and answers each with the next of `answers` (an Error rejects).
function fetcher(answers: (string | Error)[]) {
  let calls = 0;
  const fetch = () => {
    const answer = answers[calls++];
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer!);
  };
  return { fetch, calls: () => calls };
}

describe("selfLoader", () => {
  it("fetches once however many loads ask, and records each later one as a loader hit", async () => {
    const recorder = new UpstreamRecorder();
    const { fetch, calls } = fetcher(["first", "second"]);
    const loader = selfLoader(recorder, Provider.HOSTUP, ENDPOINT, fetch);
    const answers = await Promise.all([loader.load(SELF), loader.load(SELF), loader.load(SELF)]);
    expect(answers).toEqual(["first", "first", "first"]);
    expect(await loader.load(SELF)).toBe("first");
    expect(calls()).toBe(1);
    expect(recorder.loaderHits).toEqual([
      { provider: Provider.HOSTUP, ...ENDPOINT },
      { provider: Provider.HOSTUP, ...ENDPOINT },
      { provider: Provider.HOSTUP, ...ENDPOINT },
    ]);
  });

  it("shares a failure with the loads that waited for it, and fetches again on the next load", async () => {
    const { fetch, calls } = fetcher([new Error("provider down"), "recovered"]);
    const loader = selfLoader(new UpstreamRecorder(), Provider.HOSTUP, ENDPOINT, fetch);
    const waiting = [loader.load(SELF), loader.load(SELF)];
    await expect(waiting[0]).rejects.toThrow("provider down");
    await expect(waiting[1]).rejects.toThrow("provider down");
    expect(await loader.load(SELF)).toBe("recovered");
    expect(calls()).toBe(2);
  });

  it("after a write, answers the written state without fetching", async () => {
    const { fetch, calls } = fetcher(["before", "refetched"]);
    const loader = selfLoader(new UpstreamRecorder(), Provider.HOSTUP, ENDPOINT, fetch);
    expect(await loader.load(SELF)).toBe("before");
    expect(primeAfterWrite(loader, SELF, "written")).toBe("written");
    expect(await loader.load(SELF)).toBe("written");
    loader.clear(SELF);
    expect(await loader.load(SELF)).toBe("refetched");
    expect(calls()).toBe(2);
  });
});

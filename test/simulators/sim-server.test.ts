import { describe, expect, it } from "@jest/globals";
import { SimControl } from "../../src/simulators/sim-server.js";

describe("the simulators' request log", () => {
  it("keeps the latest MAX_CALLS requests, dropping the oldest", () => {
    const control = new SimControl();
    const call = (n: number) => ({ method: "GET", path: `/n/${n}`, query: new URLSearchParams(), headers: {}, body: undefined, rawBody: "" });
    for (let n = 0; n < SimControl.MAX_CALLS + 5; n++) control.record(call(n));
    expect(control.calls.length).toBeLessThanOrEqual(SimControl.MAX_CALLS);
    expect(control.calls.at(-1)!.path).toBe(`/n/${SimControl.MAX_CALLS + 4}`);
    expect(control.calls[0]!.path).not.toBe("/n/0");
  });
});

describe("the simulators' peaks per concurrency key", () => {
  it("keeps each key's highest count, for the latest MAX_PEAK_KEYS keys to send a request", () => {
    const control = new SimControl();
    control.notePeak("first", 3);
    control.notePeak("first", 1);
    expect(control.maxInFlightByKey.get("first")).toBe(3);
    // Any token counts as a key: a stream of new ones does not grow the map past its bound.
    for (let n = 0; n < SimControl.MAX_PEAK_KEYS + 10; n++) {
      control.notePeak(`key-${n}`, 1);
      // The first key keeps sending, so it stays among the latest.
      if (n % 100 === 0) control.notePeak("first", 2);
    }
    expect(control.maxInFlightByKey.size).toBe(SimControl.MAX_PEAK_KEYS);
    expect(control.maxInFlightByKey.get("first")).toBe(3);
    expect(control.maxInFlightByKey.has("key-0")).toBe(false);
    expect(control.maxInFlightByKey.get(`key-${SimControl.MAX_PEAK_KEYS + 9}`)).toBe(1);
  });
});

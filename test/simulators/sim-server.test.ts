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

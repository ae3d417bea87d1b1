import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { Provider } from "../helpers/providers.js";
import { IN_FLIGHT, UpstreamRecorder, type UpstreamCallRecord } from "../../src/rest/upstream-recorder.js";

const CALL = { provider: Provider.HOSTUP, method: "GET", path: "/api/v2/me" };

afterEach(() => {
  jest.useRealTimers();
});

describe("UpstreamRecorder", () => {
  it("lists a call from its start, as in flight with the time so far, until it ends", () => {
    jest.useFakeTimers({ now: Date.parse("2026-12-01T12:00:00Z") });
    const recorder = new UpstreamRecorder();
    const record = recorder.begin(CALL);
    record.attempts = 1;
    jest.advanceTimersByTime(20);
    const during = recorder.toJSON();
    expect(during).toEqual([{ ...CALL, status: null, attempts: 1, durationMs: expect.any(Number), outcome: IN_FLIGHT, fromLoader: false }]);
    const running = during[0];
    if (!running || running.fromLoader || "fromCache" in running) throw new Error("expected the call first");
    expect(running.durationMs).toBe(20);

    jest.advanceTimersByTime(5);
    record.status = 200;
    recorder.end(record, "ok");
    jest.advanceTimersByTime(100);
    const after = recorder.toJSON();
    expect(after).toEqual([{ ...CALL, status: 200, attempts: 1, durationMs: 25, outcome: "ok", fromLoader: false }]);
    // A snapshot: what was sent with an earlier answer does not change afterwards.
    expect(during[0]).toMatchObject({ status: null, outcome: IN_FLIGHT });
  });

  it("tells its listener of each call once, when the call ends", () => {
    const ended: UpstreamCallRecord[] = [];
    const recorder = new UpstreamRecorder({ onCall: call => ended.push({ ...call }) });
    const first = recorder.begin(CALL);
    const second = recorder.begin({ ...CALL, path: "/api/v2/me/preferences" });
    expect(ended).toEqual([]);
    recorder.end(second, "UNAUTHENTICATED");
    recorder.end(first, "UPSTREAM_TIMEOUT");
    expect(ended.map(call => [call.path, call.outcome])).toEqual([
      ["/api/v2/me/preferences", "UNAUTHENTICATED"],
      ["/api/v2/me", "UPSTREAM_TIMEOUT"],
    ]);
    // Listed in the order they started, whatever the order they ended in.
    expect(recorder.calls.map(call => call.path)).toEqual(["/api/v2/me", "/api/v2/me/preferences"]);
  });

  it("lists loader hits after the calls", () => {
    const recorder = new UpstreamRecorder();
    recorder.recordLoaderHit(CALL);
    recorder.end(recorder.begin(CALL), "ok");
    expect(recorder.toJSON().map(entry => entry.fromLoader)).toEqual([false, true]);
  });
});

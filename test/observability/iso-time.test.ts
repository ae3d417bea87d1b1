import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { pino } from "pino";
import { isoTime } from "../../src/observability/iso-time.js";

afterEach(() => {
  jest.useRealTimers();
});

describe("the log lines' timestamp", () => {
  it.each([
    "2026-05-09T12:00:00.000Z",
    "2026-05-09T12:00:00.007Z",
    "2026-05-09T12:00:00.042Z",
    "2026-05-09T12:00:00.999Z",
    "2026-05-09T12:00:01.000Z",
    "2026-12-31T23:59:59.999Z",
  ])("is pino's isoTime at %s", at => {
    jest.useFakeTimers({ now: new Date(at) });
    expect(isoTime()).toBe(pino.stdTimeFunctions.isoTime());
    expect(isoTime()).toBe(`,"time":"${at}"`);
  });
});

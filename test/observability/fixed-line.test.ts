import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { pino, type DestinationStream } from "pino";
import { type Config } from "../../src/config.js";
import { loggerOptions } from "../../src/logger.js";
import { fixedLine } from "../../src/observability/fixed-line.js";

afterEach(() => {
  jest.useRealTimers();
});

function capture(): DestinationStream & { lines: string[] } {
  const lines: string[] = [];
  return { lines, write: (line: string) => void lines.push(line) };
}

const config = (logLevel: string) => ({ logLevel, production: true }) as unknown as Config;
const HEADERS = ["x-api-key"];
// The process logger's lines (`createLogger`'s options), written to `destination`.
const processLogger = (logLevel: string, destination: DestinationStream, fields?: () => Record<string, string>) =>
  pino(loggerOptions(config(logLevel), { credentialHeaders: HEADERS, fields }), destination);

describe("a fixed log line", () => {
  it.each([
    ["without a mixin", undefined],
    ["with tracing's fields", () => ({ trace_id: "4bf92f3577b34da6a3ce929d0e0e4736", span_id: "00f067aa0ba902b7" })],
  ])("is byte for byte what the process logger writes for the same fields, %s", (_, fields) => {
    jest.useFakeTimers({ now: new Date("2026-05-09T12:00:00.042Z") });
    const destination = capture();
    const logger = processLogger("info", destination, fields);
    const line = fixedLine(logger, "info", "graphql request");
    const object = { requestId: "r-1", operationName: 'Say "hi"\n', durationMs: 12.5, upstreamCalls: 2, errorCodes: ["NOT_FOUND", "UPSTREAM_ERROR"] };
    logger.info(object, "graphql request");
    line(',"requestId":"r-1","operationName":"Say \\"hi\\"\\n","durationMs":12.5,"upstreamCalls":2,"errorCodes":["NOT_FOUND","UPSTREAM_ERROR"]');
    expect(destination.lines).toHaveLength(2);
    expect(destination.lines[1]).toBe(destination.lines[0]);
    expect(JSON.parse(destination.lines[1]!)).toMatchObject({ ...object, service: "account-graph", time: "2026-05-09T12:00:00.042Z" });
  });

  it("writes nothing below the logger's level, including a level set after it was made", () => {
    const destination = capture();
    const quiet = fixedLine(processLogger("warn", destination), "info", "m");
    quiet("");
    expect(destination.lines).toEqual([]);

    const logger = processLogger("info", destination);
    const line = fixedLine(logger, "info", "m");
    line("");
    expect(destination.lines).toHaveLength(1);
    logger.level = "error";
    line("");
    expect(destination.lines).toHaveLength(1);
    logger.level = "debug";
    line(',"n":1');
    expect(JSON.parse(destination.lines[1]!)).toMatchObject({ level: 30, n: 1, msg: "m" });
  });

  it("refuses a logger whose lines it would not reproduce", () => {
    const destination = capture();
    expect(() => fixedLine(pino({ formatters: { log: o => o } }, destination), "info", "m")).toThrow(/does not reproduce/);
    expect(() => fixedLine(pino({ nestedKey: "payload" }, destination), "info", "m")).toThrow(/does not reproduce/);
    expect(() => fixedLine(pino({ messageKey: "message" }, destination), "info", "m")).toThrow(/does not reproduce/);
  });
});

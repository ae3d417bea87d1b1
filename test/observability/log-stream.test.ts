import { execFileSync } from "node:child_process";
import { closeSync, constants, mkdtempSync, openSync, readFileSync, readSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { batchedLogStream } from "../../src/observability/log-stream.js";
import { until } from "../helpers/until.js";

const dir = mkdtempSync(join(tmpdir(), "log-stream-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const turn = () => new Promise(resolve => setImmediate(resolve));
const line = (n: number) => `${JSON.stringify({ n })}\n`;

describe("the process log's stream", () => {
  it("holds the lines of several turns together until the linger time ends", async () => {
    const path = join(dir, "turn.log");
    const fd = openSync(path, "w");
    const stream = batchedLogStream(fd, { lingerMs: 60_000 });
    stream.write(line(0));
    await turn();
    stream.write(line(1));
    await turn();
    expect(readFileSync(path, "utf8")).toBe("");
    stream.flush();
    expect(readFileSync(path, "utf8")).toBe(line(0) + line(1));
    closeSync(fd);
  });

  it("writes waiting lines once the linger time has passed, in order", async () => {
    const path = join(dir, "linger.log");
    const fd = openSync(path, "w");
    const stream = batchedLogStream(fd, { lingerMs: 5 });
    for (let n = 0; n < 3; n++) stream.write(line(n));
    await until(() => readFileSync(path, "utf8") !== "", "the lines to be written");
    expect(readFileSync(path, "utf8")).toBe(line(0) + line(1) + line(2));
    closeSync(fd);
  });

  it("writes at once when a turn's lines reach the batch size, and flush() leaves nothing waiting", () => {
    const path = join(dir, "batch.log");
    const fd = openSync(path, "w");
    const stream = batchedLogStream(fd, { batchBytes: 3 * line(0).length });
    for (let n = 0; n < 4; n++) stream.write(line(n));
    expect(readFileSync(path, "utf8")).toBe(line(0) + line(1) + line(2));
    let called = false;
    stream.flush(() => (called = true));
    expect(called).toBe(true);
    expect(readFileSync(path, "utf8")).toBe(line(0) + line(1) + line(2) + line(3));
    closeSync(fd);
  });

  describe("on a non-blocking pipe whose reader stalls", () => {
    const fifo = join(dir, "fifo");
    execFileSync("mkfifo", [fifo]);
    // The reader first: a non-blocking writer needs one to open.
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    afterAll(() => {
      closeSync(writer);
      closeSync(reader);
    });
    const drain = (): string => {
      const chunks: Buffer[] = [];
      const buffer = Buffer.alloc(64 * 1024);
      for (;;) {
        let n: number;
        try {
          n = readSync(reader, buffer);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "EAGAIN") break;
          throw error;
        }
        if (n <= 0) break;
        chunks.push(Buffer.from(buffer.subarray(0, n)));
      }
      return Buffer.concat(chunks).toString("utf8");
    };

    it("keeps the lines that do not fit and writes them, in order, once the reader reads", async () => {
      const stream = batchedLogStream(writer);
      // Far more than a pipe holds (64 KiB on Linux): the descriptor refuses the rest (EAGAIN).
      const lines = Array.from({ length: 20_000 }, (_, n) => line(n));
      for (const text of lines) stream.write(text);
      stream.flush();
      let received = "";
      await until(() => {
        received += drain();
        return received.length === lines.join("").length;
      }, "every line through the pipe");
      expect(received).toBe(lines.join(""));
    });

    it("holds no more than maxPendingBytes, dropping lines and saying how many", async () => {
      const stream = batchedLogStream(writer, { maxPendingBytes: 100 * 1024 });
      const lines = Array.from({ length: 40_000 }, (_, n) => line(n));
      for (const text of lines) stream.write(text);
      stream.flush();
      let received = "";
      await until(() => {
        received += drain();
        return received.includes("log lines dropped");
      }, "the dropped-lines note");
      const dropped = Number(/log lines dropped: (\d+)/.exec(received)![1]);
      expect(dropped).toBeGreaterThan(0);
      // What arrived is the first lines, in order, then the note: nothing reordered or torn.
      const kept = received.slice(0, received.indexOf('{"level":40'));
      expect(lines.join("").startsWith(kept)).toBe(true);
      expect(kept.split("\n").length - 1 + dropped).toBe(lines.length);
    });
  });
});

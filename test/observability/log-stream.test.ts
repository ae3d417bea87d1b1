import { execFileSync, spawnSync } from "node:child_process";
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

  it("stops logging, without throwing, when the descriptor fails (EPIPE: the reader is gone)", () => {
    const fifo = join(dir, "gone");
    execFileSync("mkfifo", [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    closeSync(reader);
    const said: string[] = [];
    const stderrWrite = process.stderr.write;
    process.stderr.write = ((text: string) => said.push(text) > 0) as typeof process.stderr.write;
    try {
      const stream = batchedLogStream(writer, { batchBytes: 1 });
      expect(() => stream.write(line(0))).not.toThrow();
      expect(() => stream.write(line(1))).not.toThrow();
      let result: Error | undefined;
      stream.flush(error => (result = error));
      expect((result as NodeJS.ErrnoException | undefined)?.code).toBe("EPIPE");
    } finally {
      process.stderr.write = stderrWrite;
      closeSync(writer);
    }
    expect(said).toEqual([expect.stringMatching(/log can no longer be written \(EPIPE\)/)]);
  });

  it("writes the process stream's waiting lines when the process exits", () => {
    const module = new URL("../../build/observability/log-stream.js", import.meta.url).href;
    const child = spawnSync(
      process.execPath,
      ["--input-type=module", "-e", `const { processLogStream } = await import(${JSON.stringify(module)}); processLogStream(1).write('{"msg":"last words"}\\n'); process.exit(3);`],
      { encoding: "utf8" },
    );
    expect(child.status).toBe(3);
    expect(child.stdout).toBe('{"msg":"last words"}\n');
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

    it("keeps the lines that do not fit and writes them, in order, once the reader reads; flush calls back then", async () => {
      const stream = batchedLogStream(writer);
      // Far more than a pipe holds (64 KiB on Linux): the descriptor refuses the rest (EAGAIN).
      const lines = Array.from({ length: 20_000 }, (_, n) => line(n));
      for (const text of lines) stream.write(text);
      let flushed = false;
      stream.flush(() => (flushed = true));
      expect(flushed).toBe(false);
      let received = "";
      await until(() => {
        received += drain();
        return received.length === lines.join("").length;
      }, "every line through the pipe");
      expect(received).toBe(lines.join(""));
      await until(() => flushed, "flush to call back once the pipe took the rest");
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

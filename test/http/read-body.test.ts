import { createHook } from "node:async_hooks";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readBody, BodyError } from "../../src/http/read-body.js";

// Each request's outcome and how many timers reading its body created.
interface Read {
  body?: unknown;
  status?: number;
  timers: number;
}

let server: Server;
let port: number;
const reads: Read[] = [];
let onRead: (() => void) | undefined;
let onHeaders: (() => void) | undefined;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    const read: Read = { timers: 0 };
    onHeaders?.();
    // Only while this request's body is read: the parser, readBody and the client's socket run.
    const hook = createHook({ init: (_id, type) => void (type === "Timeout" && (read.timers += 1)) });
    hook.enable();
    readBody(req, 1024, req.headers["content-type"], 300).then(
      body => {
        hook.disable();
        read.body = body;
        res.end("ok");
        reads.push(read);
        onRead?.();
      },
      (error: unknown) => {
        hook.disable();
        read.status = error instanceof BodyError ? error.status : 500;
        if (!res.destroyed) res.end();
        reads.push(read);
        onRead?.();
      },
    );
  });
  await new Promise<void>(resolve => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

/** Write the request's first part, and the rest (if any) once the server has read its headers. */
async function send(first: string, rest?: string): Promise<Read> {
  const done = new Promise<void>(resolve => (onRead = resolve));
  const headersRead = new Promise<void>(resolve => (onHeaders = resolve));
  const socket = connect(port, "127.0.0.1");
  await new Promise<void>(resolve => socket.once("connect", () => resolve()));
  socket.write(first);
  await headersRead;
  if (rest !== undefined) socket.write(rest);
  await done;
  socket.destroy();
  return reads.at(-1)!;
}

const head = (length: number) => `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
const body = JSON.stringify({ query: "{ account(provider: DIFFIO) { id } }" });

describe("readBody", () => {
  it("reads a body that came with its headers without arming a timer", async () => {
    const read = await send(head(body.length) + body);
    expect(read).toEqual({ body: JSON.parse(body), timers: 0 });
  });

  it("arms the timer for a body that comes after its headers, and reads it whole", async () => {
    const read = await send(head(body.length) + body.slice(0, 10), body.slice(10));
    expect(read).toEqual({ body: JSON.parse(body), timers: 1 });
  });

  it("arms the timer for a chunked body, whose length is not known up front", async () => {
    const chunked = `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    const read = await send(chunked);
    expect(read).toEqual({ body: JSON.parse(body), timers: 1 });
  });

  it("answers 408 when the rest of the body never comes", async () => {
    const read = await send(head(body.length) + body.slice(0, 10));
    expect(read).toEqual({ status: 408, timers: 1 });
  });
});

import { type IncomingMessage } from "node:http";

/** A request body that cannot be used: too large (413), too slow (408) or not valid JSON (400). */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Read a request body up to `maxBytes` (413 beyond, without buffering the rest). JSON bodies are
 * parsed (400 when malformed); other content types are returned as text for Apollo to refuse.
 * A body still incomplete after `timeoutMs` closes the socket and rejects with 408 (node's own
 * `requestTimeout` would too, but only on its periodic sweep, and not at all under jest).
 */
export function readBody(
  req: IncomingMessage,
  maxBytes: number,
  contentType: string | undefined,
  timeoutMs: number,
): Promise<unknown> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.reject(new BodyError(413, `Request body over ${maxBytes} bytes.`));
  }
  // Listeners rather than `for await`: the stream's async iterator costs more than the read itself.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    // Armed only when the body is not all there at once. This runs inside the HTTP parser's
    // callback for the headers, and the next tick comes once the parser has handed over the body
    // of the same packet but before it marks the message complete: a declared length already
    // received (or buffered in the stream) is a whole body, and allocates no timer (a setImmediate
    // here would cost every request an extra turn of the event loop).
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      timer ??= setTimeout(() => req.destroy(), timeoutMs);
    };
    if (!Number.isFinite(declared) || declared > 0) {
      process.nextTick(() => done || req.complete || size + req.readableLength >= declared || arm());
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      done = true;
      clearTimeout(timer);
      req.off("data", onData);
      req.resume();
      reject(new BodyError(413, `Request body over ${maxBytes} bytes.`));
    };
    // `on` rather than `once` (which wraps each listener): every handler runs at most once anyway,
    // behind `done`, and the request is dropped with its listeners.
    req.on("data", onData);
    req.on("end", () => {
      clearTimeout(timer);
      if (done) return;
      done = true;
      try {
        resolve(decode(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), contentType));
      } catch (error) {
        reject(error);
      }
    });
    // Closed before the end: the client went away or the request timeout cut it off.
    req.on("close", () => {
      clearTimeout(timer);
      if (done) return;
      done = true;
      reject(new BodyError(408, "Request body not received in time."));
    });
    // After 'error' the stream closes; the close handler answers.
    req.on("error", () => undefined);
  });
}

function decode(raw: Buffer, contentType: string | undefined): unknown {
  const text = raw.toString("utf8");
  const mediaType = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (mediaType === "application/json" || mediaType.endsWith("+json")) {
    if (text.length === 0) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw new BodyError(400, "Request body is not valid JSON.");
    }
  }
  return text;
}

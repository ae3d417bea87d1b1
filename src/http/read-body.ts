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
 */
export async function readBody(
  req: IncomingMessage,
  maxBytes: number,
  contentType: string | undefined,
  timeoutMs: number,
): Promise<unknown> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    throw new BodyError(413, `Request body over ${maxBytes} bytes.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  // A body trickling in slower than the request timeout must not hold the socket.
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    req.destroy();
  }, timeoutMs);
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        req.resume();
        throw new BodyError(413, `Request body over ${maxBytes} bytes.`);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (timedOut) throw new BodyError(408, "Request body not received in time.");
    throw error;
  } finally {
    clearTimeout(timer);
  }
  if (timedOut) throw new BodyError(408, "Request body not received in time.");
  const text = Buffer.concat(chunks).toString("utf8");
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

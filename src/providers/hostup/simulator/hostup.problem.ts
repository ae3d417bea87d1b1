import { randomInt } from "node:crypto";
import { type SimCall, type SimReply } from "../../../simulators/sim-server.js";

/** One field-level error of a 400 `invalid_request` problem; `pointer` points into the body. */
export interface HostupFieldError {
  pointer: string;
  detail: string;
  code: string;
}

/** The request being answered and the id Hostup gives it (body `requestId`, `X-Request-Id`). */
export interface Ctx {
  call: SimCall;
  requestId: string;
}

// Crockford base32 in lower case: the documented requestIds look like ULIDs (`req_01hxa3b4...`).
const ULID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** A fresh request id in Hostup's documented form (`req_01hxa3b4...`). */
export function newRequestId(): string {
  let time = Date.now();
  let head = "";
  for (let i = 0; i < 10; i++) {
    head = ULID_ALPHABET[time % 32]! + head;
    time = Math.floor(time / 32);
  }
  let tail = "";
  for (let i = 0; i < 16; i++) tail += ULID_ALPHABET[randomInt(32)]!;
  return `req_${head}${tail}`;
}

/** An RFC 7807 problem as Hostup's v2 API answers every error (`providers/hostup.md`). */
export function problem(
  ctx: Ctx,
  status: number,
  code: string,
  title: string,
  detail: string,
  errors?: HostupFieldError[],
): SimReply {
  return {
    status,
    headers: { "content-type": "application/problem+json" },
    body: {
      type: `https://developer.hostup.se/errors/${code}`,
      title,
      status,
      detail,
      code,
      instance: ctx.call.path,
      requestId: ctx.requestId,
      timestamp: new Date().toISOString(),
      ...(errors ? { errors } : {}),
    },
  };
}

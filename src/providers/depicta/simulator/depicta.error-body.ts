import { randomUUID } from "node:crypto";
import { type SimReply } from "../../../simulators/sim-server.js";

/** Depicta's documented error object; `details` is null when there is nothing to add [I]. */
export interface DepictaErrorBody {
  error: string;
  message: string;
  details: unknown;
  request_id: string;
}

/**
 * A Depicta error body with a fresh `request_id` (UUID [I]), e.g. for
 * `control.failNext({ status: 402, body: depictaErrorBody("credit_insufficient", "...") })`.
 */
export function depictaErrorBody(
  error: string,
  message: string,
  details?: unknown,
): DepictaErrorBody {
  return { error, message, details: details ?? null, request_id: randomUUID() };
}

/** A Depicta error answer: the body, and its request id in `X-Request-Id` too [I]. */
export function depictaErrorReply(
  status: number,
  error: string,
  message: string,
  details?: unknown,
  headers: Record<string, string> = {},
): SimReply {
  const body = depictaErrorBody(error, message, details);
  return { status, body, headers: { "x-request-id": body.request_id, ...headers } };
}

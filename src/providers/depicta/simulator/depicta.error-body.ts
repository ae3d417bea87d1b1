import { randomUUID } from "node:crypto";

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

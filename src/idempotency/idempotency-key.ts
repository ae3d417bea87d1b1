/** The request header that makes a mutation safe to retry (contract §6), lower case as node:http reads it. */
export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";

/** The response header of an answer replayed for a retry: `Idempotent-Replayed: true`. */
export const IDEMPOTENT_REPLAYED_HEADER = "idempotent-replayed";

/** Longest key, as Stripe allows. */
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

// Printable ASCII, space included (node:http has already trimmed the ends).
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/**
 * Why `key` cannot be an `Idempotency-Key`, in words naming the header and its rule (the 400's
 * message); undefined when it can. Keys are compared exactly as sent: the IETF draft's quoted
 * form (`"8e03978e-..."`) is a key like any other, quotes included.
 */
export function idempotencyKeyProblem(key: string): string | undefined {
  if (key.length >= 1 && key.length <= MAX_IDEMPOTENCY_KEY_LENGTH && PRINTABLE_ASCII.test(key)) return undefined;
  const what =
    key.length === 0
      ? "it is empty"
      : key.length > MAX_IDEMPOTENCY_KEY_LENGTH
        ? `it has ${key.length} characters`
        : "it has a character outside that range";
  return (
    `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters (space to ~); ` +
    `${what}. A random UUID per change is a good key. Nothing was run.`
  );
}

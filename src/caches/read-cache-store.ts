/**
 * Where the read cache keeps answers: in the process (`memory-read-store.ts`) or in the Redis every
 * replica shares (`shared-state/redis-read-store.ts`). Keys come from the cache and never hold a
 * credential. Entries and scopes expire on their own (TTLs), so nothing outlives its window.
 *
 * Each key of a scope (one credential's reads of one endpoint) names its current *epoch*, a token
 * stored with every answer kept under it. A write forgets the scope's epoch; the next lookup makes
 * a new one, so every answer kept under the old one stops matching at once, wherever it is kept.
 * An answer is kept only if its scope's epoch is still the one its lookup saw: a read that was
 * under way while a write happened cannot put back what the write changed.
 */
export interface ReadCacheStore {
  readonly kind: "memory" | "redis";
  /**
   * The scope's epoch (made `newEpoch`, living `epochLifeMs`, when it has none) and the entry kept
   * under `entryKey` with the milliseconds it has left. Rejects when the store cannot answer.
   */
  lookup(scopeKey: string, entryKey: string, newEpoch: string, epochLifeMs: number): Promise<StoreLookup>;
  /** Keep `value` under `entryKey` for `lifeMs` if `scopeKey`'s epoch is still `epoch`; false when not. */
  save(scopeKey: string, epoch: string, entryKey: string, value: string, lifeMs: number): Promise<boolean>;
  /** Forget the epochs of these scopes (every answer kept under them stops matching). */
  invalidate(scopeKeys: readonly string[]): Promise<void>;
  /** What the store holds, when it can say (memory): for `/metrics`. */
  stats?(): { bytes: number; entries: number; evictions: number };
  close?(): void;
}

/** A scope's current epoch and what one of its keys holds. */
export interface StoreLookup {
  epoch: string;
  value: string | undefined;
  /** Milliseconds the value has left in the store (0 without one). */
  remainingMs: number;
}

/** A provider's answer as the cache keeps it: the epoch it was read in, its lifetimes and its body. */
export interface StoredAnswer {
  epoch: string;
  /** How long it was fresh for when kept. */
  freshMs: number;
  /** How long past that it may answer while the provider is unavailable. */
  staleMs: number;
  /** The provider's JSON text, as received. */
  body: string;
}

// One header line, then the body as the provider sent it: no JSON escaping of the body, and a
// lookup reads four numbers before the body.
const VERSION = "1";

/** The text a store keeps for `answer`. */
export function encodeAnswer(answer: StoredAnswer): string {
  return `${VERSION} ${answer.epoch} ${answer.freshMs} ${answer.staleMs}\n${answer.body}`;
}

/** The answer in `text`, or undefined for text that is not one (another version, damage). */
export function decodeAnswer(text: string): StoredAnswer | undefined {
  const end = text.indexOf("\n");
  if (end < 0) return undefined;
  const [version, epoch, fresh, stale] = text.slice(0, end).split(" ");
  const freshMs = Number(fresh);
  const staleMs = Number(stale);
  if (version !== VERSION || !epoch || !Number.isFinite(freshMs) || !Number.isFinite(staleMs)) return undefined;
  return { epoch, freshMs, staleMs, body: text.slice(end + 1) };
}

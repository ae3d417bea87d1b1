import { LRUCache } from "lru-cache";
import { type Claim, type IdempotencyStore, type IdempotencyStoreOptions, type StoredAnswer } from "./store.js";

interface Kept {
  fingerprint: string;
  answer: StoredAnswer;
}

// Heap a kept answer holds: its strings (two bytes a character at most) and the objects around them.
function keptBytes({ fingerprint, answer }: Kept): number {
  let chars = fingerprint.length + answer.body.length;
  for (const [name, value] of answer.headers) chars += name.length + value.length;
  return 2 * chars + 256;
}

/**
 * The single-process store: answers in an lru-cache bounded by bytes (`IDEMPOTENCY_CACHE_BYTES`,
 * the least recently used go first, each for `IDEMPOTENCY_TTL_SECONDS` at most), and the keys of
 * requests still running in a map of their own, which no amount of answers can evict: a running
 * claim lasts exactly as long as its request, in a process that holds everything about it.
 * An answer evicted early is a key used afresh: its retry runs the mutation again.
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly running = new Map<string, string>();
  private readonly answers: LRUCache<string, Kept>;

  constructor(options: Pick<IdempotencyStoreOptions, "ttlSeconds" | "maxBytes">) {
    // An answer over the whole budget is not kept (lru-cache's maxEntrySize defaults to maxSize).
    this.answers = new LRUCache<string, Kept>({
      maxSize: options.maxBytes,
      sizeCalculation: keptBytes,
      ttl: options.ttlSeconds * 1000,
    });
  }

  stats(): { bytes: number; answers: number } {
    return { bytes: this.answers.calculatedSize, answers: this.answers.size };
  }

  async claim(id: string, fingerprint: string): Promise<Claim> {
    const kept = this.answers.get(id);
    if (kept) return kept.fingerprint === fingerprint ? { kind: "replay", answer: kept.answer } : { kind: "reused" };
    const running = this.running.get(id);
    if (running !== undefined) return running === fingerprint ? { kind: "in-use" } : { kind: "reused" };
    this.running.set(id, fingerprint);
    let settled = false;
    // Once: a second call must not free the key of a later request that claimed it since.
    const settle = () => {
      if (settled) return false;
      settled = true;
      this.running.delete(id);
      return true;
    };
    return {
      kind: "claimed",
      lease: {
        keep: async answer => {
          if (!settle()) return false;
          this.answers.set(id, { fingerprint, answer });
          return this.answers.has(id);
        },
        release: async () => void settle(),
      },
    };
  }
}

import {
  HeaderMap,
  type GraphQLRequestContextResponseForOperation,
  type GraphQLResponse,
  type HTTPGraphQLResponse,
} from "@apollo/server";
import { type Logger } from "pino";
import { type Context, type OperationGate } from "../context.js";
import { ErrorCode } from "../errors/codes.js";
import { type IdempotencyOutcome } from "../observability/metrics.js";
import { type UpstreamRecorder } from "../rest/upstream-recorder.js";
import { idempotencyEntryId, type CallerScope, type HeaderReader } from "./caller-scope.js";
import { operationFingerprint } from "./fingerprint.js";
import { IDEMPOTENT_REPLAYED_HEADER, idempotencyKeyProblem } from "./idempotency-key.js";
import { runOutcome } from "./known-outcome.js";
import { type IdempotencyStore, type Lease, type StoredAnswer } from "./store.js";

/** What every keyed request of a server shares (built once by `createIdempotency`). */
export interface IdempotencyDeps {
  store: IdempotencyStore;
  scope: CallerScope;
  /** Counts each keyed mutation's outcome (`account_graph_idempotent_mutations_total`). */
  count(outcome: IdempotencyOutcome): void;
  logger: Pick<Logger, "warn">;
}

// A retry of a request still running is told to come back in a second: the first usually ends
// well within that, and one that does not answers 409 again at no cost (nothing is sent upstream).
const RETRY_AFTER_SECONDS = "1";

/**
 * One request sent with an `Idempotency-Key`, from the HTTP layer through Apollo and back. Only a
 * request carrying the header has one, so every other request pays one header lookup.
 *
 * - {@link decide} is Apollo's `responseForOperation` (run by `plugins/request.plugin.ts` once the
 *   operation is known and every refusal before execution has passed, however it arrived: text,
 *   APQ hash or trusted document). A query goes on untouched; for a mutation it checks the key
 *   and claims it in the store, atomically: the first request runs, a retry of a finished one is
 *   answered from the store, others are refused (400, 409, 422, 503) with nothing sent upstream.
 * - {@link run} wraps the HTTP layer's call to Apollo: after a run it keeps the answer exactly as
 *   the client will read it (status, headers, body text) or frees the key (`known-outcome.ts`);
 *   for a replay it returns the kept answer in place of Apollo's, marked `Idempotent-Replayed: true`.
 */
export class IdempotentRequest implements OperationGate {
  private lease: Lease | undefined;
  private upstream: UpstreamRecorder | undefined;
  private replay: StoredAnswer | undefined;

  constructor(
    private readonly key: string,
    private readonly headers: HeaderReader,
    private readonly deps: IdempotencyDeps,
  ) {}

  /** Apollo's `responseForOperation`: null to execute the operation, else the answer to send instead. */
  async decide(request: GraphQLRequestContextResponseForOperation<Context>): Promise<GraphQLResponse | null> {
    if (request.operation.operation !== "mutation") return null;
    const { deps } = this;
    const problem = idempotencyKeyProblem(this.key);
    if (problem) return this.refuse("invalid_key", 400, ErrorCode.BAD_REQUEST, problem);

    const id = idempotencyEntryId(deps.scope, this.headers, this.key);
    const { queryHash, source, operationName } = request;
    const fingerprint = operationFingerprint(queryHash ?? source, operationName, request.request.variables);
    let claim;
    try {
      claim = await deps.store.claim(id, fingerprint);
    } catch (error) {
      const reason = (error as Error).message;
      deps.logger.warn({ reason }, "Idempotency-Key store unavailable: keyed mutation refused");
      return this.refuse(
        "store_unavailable",
        503,
        ErrorCode.IDEMPOTENCY_STORE_UNAVAILABLE,
        "The store of Idempotency-Key answers cannot be reached right now, so this mutation was not run " +
          "(it could not be kept from running twice). Retry with the same key.",
        RETRY_AFTER_SECONDS,
      );
    }
    switch (claim.kind) {
      case "claimed":
        this.lease = claim.lease;
        this.upstream = request.contextValue.upstream;
        return null;
      case "in-use":
        return this.refuse(
          "in_use",
          409,
          ErrorCode.IDEMPOTENCY_KEY_IN_USE,
          "A request with this Idempotency-Key is still running; nothing was run for this one. Retry with the " +
            "same key after Retry-After to get its answer.",
          RETRY_AFTER_SECONDS,
        );
      case "reused":
        return this.refuse(
          "key_reused",
          422,
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was used for another operation or other variables; nothing was run. Use a new key " +
            "for a new change.",
        );
      case "replay":
        deps.count("replayed");
        this.replay = claim.answer;
        // Apollo's steps after this (log line, metrics, span) see the answer's outcome; what is
        // sent is the kept text itself (run()).
        return {
          http: { status: claim.answer.status, headers: new HeaderMap() },
          body: { kind: "single", singleResult: parsed(claim.answer.body) },
        };
    }
  }

  /**
   * Run `execute` (Apollo's `executeHTTPGraphQLRequest`) and settle the key: the answer to send,
   * which for a replay is the kept one. A run's answer is kept (or the key freed) before it is
   * sent, so a retry arriving after the client got it finds it.
   */
  async run(execute: () => Promise<HTTPGraphQLResponse>): Promise<HTTPGraphQLResponse> {
    let result: HTTPGraphQLResponse;
    try {
      result = await execute();
    } catch (error) {
      await this.lease?.release();
      throw error;
    }
    if (this.replay) return replayed(this.replay);
    if (this.lease) await this.settle(this.lease, result);
    return result;
  }

  private async settle(lease: Lease, result: HTTPGraphQLResponse): Promise<void> {
    const outcome = runOutcome(this.upstream?.calls ?? []);
    if (outcome !== "settled" || result.body.kind !== "complete") {
      await lease.release();
      this.deps.count(outcome === "settled" ? "not_kept" : outcome);
      return;
    }
    const answer: StoredAnswer = {
      status: result.status ?? 200,
      headers: [...result.headers],
      body: result.body.string,
    };
    if (await lease.keep(answer)) {
      this.deps.count("kept");
      return;
    }
    // The write happened and its answer goes to the client; a retry after a lost answer finds no
    // entry once the lease lapses, and runs again (the mutations set values).
    this.deps.count("not_kept");
    this.deps.logger.warn(
      { status: answer.status },
      "the answer to a keyed mutation could not be kept for its retries",
    );
  }

  private refuse(
    outcome: IdempotencyOutcome,
    status: number,
    code: ErrorCode,
    message: string,
    retryAfter?: string,
  ): GraphQLResponse {
    this.deps.count(outcome);
    const headers = new HeaderMap();
    if (retryAfter) headers.set("retry-after", retryAfter);
    return {
      http: { status, headers },
      body: { kind: "single", singleResult: { errors: [{ message, extensions: { code } }] } },
    };
  }
}

function replayed(answer: StoredAnswer): HTTPGraphQLResponse {
  const headers = new HeaderMap(answer.headers);
  headers.set(IDEMPOTENT_REPLAYED_HEADER, "true");
  return { status: answer.status, headers, body: { kind: "complete", string: answer.body } };
}

function parsed(body: string): Record<string, unknown> {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return {};
  }
}

import { type Logger } from "pino";
import { type ProviderFacts, type ProviderId } from "../contract/provider-facts.js";
import { combineKeyShapes, secretRedactor, type SecretRedactor } from "../errors/secret-redactor.js";
import { isRetryableFailure, upstreamError, type UpstreamFailure, type UpstreamProblem } from "../errors/upstream-error.js";
import { CircuitOpenError, type ProviderCircuit } from "./circuit-breaker.js";
import { ConcurrencyDeadlineError, type ConcurrencyLimiter } from "./concurrency-limiter.js";
import { parseJsonExact } from "./exact-json.js";
import { hasDotSegment, UnsafePathSegmentError } from "./path.js";
import { TransportError, type Transport, type TransportResponse } from "./transport.js";
import {
  type RetryPolicy,
  backoffDelayMs,
  capRetryAfterSeconds,
  parseRetryAfter,
} from "./retry-policy.js";
import { type UpstreamBudget } from "./upstream-budget.js";
import { type UpstreamRecorder } from "./upstream-recorder.js";
import { type AttemptSpan, type RequestTrace } from "../observability/trace-context.js";
import { SIMULATE_FAULT_HEADER, type SimulatedFault } from "../http/simulated-faults.js";
import { setTimeout as sleep } from "node:timers/promises";
import { type CallCapture, type ReadCache, type ReadScope } from "../caches/read-cache.js";

/**
 * What differs between providers at the HTTP level. One constant per provider, shared by all
 * requests (each module's `<name>.client.ts`).
 */
export interface ProviderProfile {
  /** The provider's facts: its id and name for errors, its credential header for the hint. */
  provider: ProviderFacts;
  /**
   * Read the provider's error body into an {@link UpstreamProblem} (message, code, request id,
   * field errors as GraphQL input paths). `body` is the parsed JSON, or the raw text when the
   * body was not JSON. `call` is the call that failed (to map field paths back to the input).
   */
  parseProblem(status: number, body: unknown, headers: TransportResponse["headers"], call: RestCall): UpstreamProblem;
  /**
   * Keep the digits of JSON numbers (`rest/exact-json.ts`) for a provider whose money may arrive
   * as numbers, so its mapper reads `{value: 12.50}` as "12.50". Costs a scan of each body.
   */
  exactNumbers?: boolean;
}

/**
 * One endpoint of a provider as its client calls it and the inspector names it. Each client
 * declares its endpoints once (`<NAME>_ENDPOINTS`), for its calls and its loaders' descriptions.
 */
export interface Endpoint {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Path appended to the base URL, starting with `/`. */
  path: string;
  /**
   * The path's template for traces when it has ids in it (`/v1/billing-accounts/{id}`), so span
   * names stay few; fixed paths leave it out and their path is used.
   */
  route?: string;
  /**
   * For a write: the reads whose answers it changes, by method and path (every query and body of
   * them). With the read cache on, their cached answers for the same credential are dropped once
   * the write has been sent, on every replica (`caches/read-cache.ts`).
   */
  invalidates?: readonly Endpoint[];
}

/** One logical upstream operation (may take several attempts when `read` is true). */
export interface RestCall extends Endpoint {
  query?: Record<string, string | number | undefined>;
  /** JSON body; serialised once. */
  body?: unknown;
  /**
   * True for calls without side effects: they are retried on network errors and on the statuses
   * `isRetryableStatus` (`retry-policy.ts`) names.
   * Writes are never retried (contract §4). Independent of the method: some providers read with POSTs.
   */
  read: boolean;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}

/** Everything a {@link RestClient} needs; built per request by the context. */
export interface RestClientOptions {
  profile: ProviderProfile;
  /** Base URL without trailing slash. */
  baseUrl: string;
  /** The credential for this request (caller's header or server-side key); undefined when none. */
  credential: string | undefined;
  transport: Transport;
  /** Deadline for one operation, retries included. */
  timeoutMs: number;
  retry: RetryPolicy;
  /** Per-request log of upstream calls (inspector, metrics, tests). */
  recorder?: UpstreamRecorder;
  /** The request's calls left per provider; a call over it is refused unsent. */
  budget?: UpstreamBudget;
  limiter?: ConcurrencyLimiter;
  /** The provider's circuit breaker; calls fail fast while it is open. */
  circuit?: ProviderCircuit;
  userAgent?: string;
  /** Where a failed call's technical reason (e.g. `UND_ERR_SOCKET`) is written; callers get words. */
  logger?: Pick<Logger, "warn">;
  /** The request's span when tracing is on: each attempt becomes a CLIENT span under it. */
  trace?: RequestTrace;
  /**
   * A fault the caller asked the simulator for (simulated mode, `X-Simulate-Fault`): sent on every
   * attempt, and kept from the circuit breaker, which measures the provider, not such requests.
   */
  simulatedFault?: SimulatedFault;
  /** The read cache (`READ_CACHE_TTL_SECONDS`, `STALE_IF_ERROR_SECONDS`); undefined when off. */
  readCache?: ReadCache;
}


/**
 * JSON-over-HTTP client for one provider and one credential. Create one per request (cheap: the
 * transport and its keep-alive pools are shared). Sends `Authorization: Bearer <credential>`,
 * enforces the operation deadline across attempts, retries reads only, and turns every failure into
 * the contract's error through `errors/upstream-error.ts`. Per-request loaders give one call
 * per resource; across requests, reads go through the read cache when it is on (`readCache`).
 */
export class RestClient {
  /** This client's credential as the read cache knows it, made on its first cached call. */
  private readScope: ReadScope | undefined;
  private redactor: SecretRedactor | undefined;

  constructor(private readonly options: RestClientOptions) {}

  /** The provider this client talks to. */
  get provider(): ProviderId {
    return this.options.profile.provider.id;
  }

  /** Perform `call` and return the parsed JSON body (undefined for an empty body). */
  request<T>(call: RestCall): Promise<T> {
    // Off, the read cache costs this one check: the call goes straight to the provider.
    const { readCache } = this.options;
    if (readCache === undefined) return this.send(call) as Promise<T>;
    return this.throughCache(readCache, call) as Promise<T>;
  }

  // The redaction of what this provider says (the credential, runs of it, the provider's key
  // shapes), built on the first text that needs it.
  private secrets(credential: string): SecretRedactor {
    return (this.redactor ??= secretRedactor([credential], keyShapesOf(this.options.profile.provider)));
  }

  /** The credential to send `call` with; throws the contract's error when it cannot be sent. */
  private sendable(call: RestCall): string {
    const { profile, credential } = this.options;
    if (!credential) {
      throw upstreamError(profile.provider, { kind: "no-credential", header: profile.provider.credentialHeader });
    }
    // A net under `rest/path.ts`: a dot segment (raw or percent-encoded) would change the path.
    if (hasDotSegment(call.path)) throw new UnsafePathSegmentError("a dot segment in the path");
    return credential;
  }

  // Reads are answered from the cache when it can; writes that declare what they change make it
  // forget those reads; anything else goes to the provider.
  private async throughCache(cache: ReadCache, call: RestCall): Promise<unknown> {
    const credential = this.sendable(call);
    const scope = (this.readScope ??= this.scopeFor(cache, credential));
    if (call.read) return cache.read(scope, call, capture => this.send(call, capture, credential));
    if (call.invalidates) return cache.write(scope, call.invalidates, this.send(call, undefined, credential));
    return this.send(call, undefined, credential);
  }

  // What the read cache needs of this client: whose credential (hashed there), where to report,
  // which text must never be stored, and how a stored body is read back (as a fresh one is).
  private scopeFor(cache: ReadCache, credential: string): ReadScope {
    const { profile, recorder, trace } = this.options;
    return cache.scope(profile.provider.id, credential, {
      recorder,
      trace,
      holdsSecret: text => {
        return this.secrets(credential).redact(text) !== text;
      },
      parse: body => {
        const value = parseJson(body, profile.exactNumbers === true);
        if (value === INVALID) throw new SyntaxError("a stored answer is not JSON");
        return value;
      },
    });
  }

  /**
   * One upstream operation: budget, attempts, retries. `capture`, when given, receives the answer
   * of a successful call or the failure of one that failed (what the read cache stores or judges);
   * `credential` is the one {@link sendable} already checked for it, when the caller did.
   */
  private async send(call: RestCall, capture?: CallCapture, credential = this.sendable(call)): Promise<unknown> {
    const { profile, timeoutMs, recorder, budget } = this.options;
    if (budget && !budget.take(profile.provider.id)) {
      throw upstreamError(profile.provider, { kind: "call-budget", budget: budget.perProvider });
    }
    const deadline = Date.now() + timeoutMs;
    const record = recorder?.begin({ provider: profile.provider.id, method: call.method, path: call.path });
    let attempts = 0;
    let outcome = "ok";
    // One span per attempt (undefined when tracing is off): a retried read shows each try, the
    // backoff between them, and which one failed how.
    let span: AttemptSpan | undefined;
    let status: number | undefined;
    try {
      for (;;) {
        attempts += 1;
        if (record) record.attempts = attempts;
        span = this.options.trace?.attempt(
          { provider: profile.provider.id, method: call.method, path: call.route ?? call.path },
          attempts,
        );
        const result = await this.attempt(call, credential, deadline, span);
        status = result.status;
        if (record) record.status = status ?? null;
        if (result.ok) {
          span?.ok(result.status);
          if (capture) capture.response = result.response;
          return result.value;
        }
        const wait = this.retryDelay(call, result, attempts, deadline);
        // The call budget counts attempts: a retry it cannot pay for is not made, and the caller
        // gets the failure that would have been retried.
        if (wait === undefined || (budget && !budget.take(profile.provider.id))) {
          this.logFailure(call, result.failure, attempts);
          if (capture) capture.failure = result.failure;
          throw upstreamError(profile.provider, result.failure);
        }
        span?.retrying(result.status, failureReason(result), wait);
        await sleep(wait);
      }
    } catch (error) {
      outcome = (error as { extensions?: { code?: string } }).extensions?.code ?? "error";
      span?.failed(status, outcome);
      throw error;
    } finally {
      if (record) recorder!.end(record, outcome);
    }
  }

  private async attempt(
    call: RestCall,
    credential: string,
    deadline: number,
    span: AttemptSpan | undefined,
  ): Promise<
    | { ok: true; value: unknown; status: number; response: TransportResponse }
    | { ok: false; failure: UpstreamFailure; status?: number; retryAfterSeconds?: number }
  > {
    const { baseUrl, transport, limiter, circuit } = this.options;
    const remaining = deadline - Date.now();
    if (remaining <= 0) return { ok: false, failure: { kind: "timeout" } };

    let release: (() => void) | undefined;
    const waitStart = span && limiter ? performance.now() : 0;
    try {
      // The limiter keeps a keyed hash of the credential, not the credential (measured-limiter.ts).
      if (limiter) release = await limiter.acquire(credential, deadline);
      if (span && limiter) span.budgetWaited(performance.now() - waitStart, "acquired");
    } catch (error) {
      const waitedOut = error instanceof ConcurrencyDeadlineError;
      span?.budgetWaited(performance.now() - waitStart, waitedOut ? "timeout" : "unavailable");
      return { ok: false, failure: waitedOut ? { kind: "timeout" } : { kind: "budget-unavailable" } };
    }
    // A slot that freed just before the deadline leaves no time for a real attempt.
    if (deadline - Date.now() <= 0) {
      release?.();
      return { ok: false, failure: { kind: "timeout" } };
    }
    let response: TransportResponse;
    try {
      const request = {
        method: call.method,
        url: baseUrl + call.path + queryString(call.query),
        headers: this.headers(call, credential, span),
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        timeoutMs: deadline - Date.now(),
      };
      response = await (circuit && !this.options.simulatedFault ? circuit.send(request) : transport.send(request));
    } catch (error) {
      if (error instanceof CircuitOpenError) {
        span?.circuitOpen(error.retryAfterSeconds);
        // Another attempt only once the circuit lets one through, and only if that fits the deadline.
        const { retryAfterSeconds } = error;
        return { ok: false, failure: { kind: "circuit-open", retryAfterSeconds }, retryAfterSeconds };
      }
      if (error instanceof TransportError) {
        if (error.kind === "timeout") return { ok: false, failure: { kind: "timeout" } };
        if (error.kind === "too-large") {
          return { ok: false, failure: { kind: "unreadable", status: 200, reason: error.reason } };
        }
        return { ok: false, failure: { kind: "network", reason: error.reason } };
      }
      throw error;
    } finally {
      release?.();
    }
    return this.decode(call, response, credential);
  }

  private decode(call: RestCall, response: TransportResponse, credential: string) {
    const { profile } = this.options;
    const { status, headers, body } = response;
    const parsed = parseJson(body, profile.exactNumbers === true);

    if (status >= 200 && status < 300) {
      const type = header(headers, "content-type") ?? "";
      if (body.length > 0 && type && !/[/+]json\b/i.test(type)) {
        return unreadable(status, `content type ${type.split(";")[0]}`, this.requestIdOf(headers, credential));
      }
      if (parsed === INVALID) return unreadable(status, "malformed JSON", this.requestIdOf(headers, credential));
      return { ok: true as const, value: parsed, status, response };
    }

    const problem = profile.parseProblem(status, parsed === INVALID ? body : parsed, headers, call);
    const retryAfterSeconds = capRetryAfterSeconds(
      problem.retryAfterSeconds ?? parseRetryAfter(header(headers, "retry-after")),
    );
    // Everything taken from the provider's answer is text the caller will read: redact it all.
    const { redact } = this.secrets(credential);
    const clean = (text: string | undefined) => (text === undefined ? undefined : redact(String(text)).slice(0, 500));
    const safe: UpstreamProblem = {
      message: clean(problem.message),
      providerCode: clean(problem.providerCode),
      fieldErrors: problem.fieldErrors?.map(e => ({ field: clean(e.field)!, message: clean(e.message)! })),
      requestId: clean(problem.requestId ?? this.requestIdOf(headers, credential)),
      retryAfterSeconds,
    };
    return {
      ok: false as const,
      status,
      retryAfterSeconds,
      failure: { kind: "status" as const, status, problem: safe },
    };
  }

  // A failed answer's `X-Request-Id`, for the caller: what the provider says reaches the caller,
  // so it gets the same redaction as the response's data (the credential, runs of it, the
  // provider's key shapes). Read only on failures: a successful answer's id is read by no one.
  private requestIdOf(headers: TransportResponse["headers"], credential: string): string | undefined {
    const raw = header(headers, "x-request-id");
    return raw && this.secrets(credential).redact(raw).slice(0, 200);
  }

  // The technical reason stays in the log: the caller's message has words instead of codes.
  private logFailure(call: RestCall, failure: UpstreamFailure, attempts: number): void {
    if (failure.kind !== "network" && failure.kind !== "unreadable") return;
    this.options.logger?.warn(
      { provider: this.options.profile.provider.id, method: call.method, path: call.path, attempts, reason: failure.reason },
      "upstream call failed",
    );
  }

  /** Milliseconds to wait before the next attempt, or undefined to give up now. */
  private retryDelay(
    call: RestCall,
    result: { failure: UpstreamFailure; retryAfterSeconds?: number },
    attempts: number,
    deadline: number,
  ): number | undefined {
    const { retry } = this.options;
    const { failure } = result;
    if (!call.read || attempts >= retry.maxAttempts || !isRetryableFailure(failure)) return undefined;
    // The shared budget's store (Redis) fails within its client's command timeout, or at once
    // while disconnected: another attempt would only make the caller wait for the same answer.
    if (failure.kind === "budget-unavailable") return undefined;
    let wait = backoffDelayMs(retry, attempts);
    if (result.retryAfterSeconds !== undefined) {
      // A Retry-After beyond the cap (a 429's, a 503's, an open circuit's) is "not soon": answer now.
      if (result.retryAfterSeconds * 1000 > retry.maxRetryAfterMs) return undefined;
      wait = result.retryAfterSeconds * 1000;
    }
    return Date.now() + wait < deadline ? wait : undefined;
  }

  private headers(call: RestCall, credential: string, span: AttemptSpan | undefined): Record<string, string> {
    const headers: Record<string, string> = {
      accept: "application/json",
      authorization: `Bearer ${credential}`,
      "user-agent": this.options.userAgent ?? "account-graph",
      ...call.headers,
    };
    if (call.body !== undefined) headers["content-type"] = "application/json";
    if (this.options.simulatedFault) headers[SIMULATE_FAULT_HEADER] = this.options.simulatedFault;
    // traceparent/tracestate only when OTEL_PROPAGATE_TO_PROVIDERS=true (the span decides).
    span?.inject(headers);
    return headers;
  }
}

const INVALID = Symbol("invalid-json");

// A failed attempt's `error.type` on its span: the status, else the failure's kind.
function failureReason(result: { failure: UpstreamFailure; status?: number }): string {
  return result.status !== undefined ? String(result.status) : result.failure.kind;
}

// Each provider's key shapes as one regexp, compiled once (facts are constants of the process).
const keyShapes = new WeakMap<ProviderFacts, RegExp | undefined>();
function keyShapesOf(provider: ProviderFacts): RegExp | undefined {
  if (!keyShapes.has(provider)) keyShapes.set(provider, combineKeyShapes(provider.keyShapes ?? []));
  return keyShapes.get(provider);
}

function parseJson(body: string, exactNumbers: boolean): unknown {
  if (body.length === 0) return undefined;
  try {
    return exactNumbers ? parseJsonExact(body) : JSON.parse(body);
  } catch {
    return INVALID;
  }
}

function unreadable(status: number, reason: string, requestId?: string) {
  return {
    ok: false as const,
    status,
    failure: { kind: "unreadable" as const, status, reason, requestId },
  };
}

function header(headers: TransportResponse["headers"], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function queryString(query: RestCall["query"]): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

import CircuitBreaker from "opossum";
import { type Provider } from "../providers/provider.js";
import { type Transport, type TransportRequest, type TransportResponse } from "./transport.js";

/** When a provider's circuit opens and for how long it stays open. */
export interface BreakerOptions {
  /** Calls in the rolling window before the circuit may open at all (one failure never opens it). */
  volumeThreshold: number;
  /** Failure percentage in the window that opens the circuit. */
  errorThresholdPercentage: number;
  /** How long the circuit stays open before one trial call (half-open). */
  resetTimeoutMs: number;
  /** Length of the rolling window. */
  windowMs: number;
}

/** Production defaults: 20 calls in 10 s, half of them failing, opens for 10 s. */
export const DEFAULT_BREAKER_OPTIONS: BreakerOptions = {
  volumeThreshold: 20,
  errorThresholdPercentage: 50,
  resetTimeoutMs: 10_000,
  windowMs: 10_000,
};

/** Raised instead of calling a provider whose circuit is open. */
export class CircuitOpenError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("circuit open");
    this.name = "CircuitOpenError";
  }
}

// A 5xx is a failure for the breaker but still an answer for the caller: carried through opossum.
class ServerFailure extends Error {
  constructor(readonly response: TransportResponse) {
    super(`HTTP ${response.status}`);
  }
}

export type CircuitState = "closed" | "open" | "half-open";

/**
 * One circuit breaker per provider (opossum) around the transport. Network errors, timeouts and 5xx
 * answers count as failures; 4xx answers do not (the provider is healthy, the request was not).
 * While open, `send` rejects at once with {@link CircuitOpenError} so callers fail fast.
 * Create one per provider per process.
 */
export class ProviderCircuit {
  private readonly breaker: CircuitBreaker<[TransportRequest], TransportResponse>;
  private openedAt = 0;

  constructor(
    readonly provider: Provider,
    private readonly transport: Transport,
    private readonly options: BreakerOptions,
    onState?: (state: CircuitState) => void,
  ) {
    this.breaker = new CircuitBreaker(
      async (request: TransportRequest) => {
        const response = await transport.send(request);
        if (response.status >= 500) throw new ServerFailure(response);
        return response;
      },
      {
        timeout: false, // deadlines belong to the REST client
        volumeThreshold: options.volumeThreshold,
        errorThresholdPercentage: options.errorThresholdPercentage,
        resetTimeout: options.resetTimeoutMs,
        rollingCountTimeout: options.windowMs,
      },
    );
    this.breaker.on("open", () => {
      this.openedAt = Date.now();
      onState?.("open");
    });
    this.breaker.on("halfOpen", () => onState?.("half-open"));
    this.breaker.on("close", () => onState?.("closed"));
  }

  /** The breaker's state now. */
  get state(): CircuitState {
    return this.breaker.opened ? "open" : this.breaker.halfOpen ? "half-open" : "closed";
  }

  /** Send through the breaker; 5xx answers are returned (after being counted as failures). */
  async send(request: TransportRequest): Promise<TransportResponse> {
    try {
      return await this.breaker.fire(request);
    } catch (error) {
      if (error instanceof ServerFailure) return error.response;
      if ((error as { code?: string }).code === "EOPENBREAKER") {
        const left = this.openedAt + this.options.resetTimeoutMs - Date.now();
        throw new CircuitOpenError(Math.max(1, Math.ceil(left / 1000)));
      }
      throw error;
    }
  }

  /** Stop the breaker's timers (on shutdown). */
  shutdown(): void {
    this.breaker.shutdown();
  }
}

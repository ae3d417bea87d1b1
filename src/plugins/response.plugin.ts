import { type ApolloServerPlugin } from "@apollo/server";
import { type Context } from "../context.js";
import { combineKeyShapes, dataRedactor, redactData } from "../errors/redact-data.js";
import { type ProviderFacts } from "../providers/provider-facts.js";
import { setCacheHeaders, varyHeader } from "./cache-headers.js";
import { type FinishedRequest, type RequestTiming } from "./finished-request.js";
import { answerErrorCodes, type LogRequest } from "./request-log.js";
import { attachUpstreamCalls } from "./upstream-inspector.js";

/** What {@link responseFinisher} does to each response. */
export interface ResponsePluginOptions {
  /** The providers served: whose credentials and key shapes are redacted, whose headers `Vary` names. */
  providers: readonly ProviderFacts[];
  /** Further request headers that change the answer, for `Vary` (X-Simulate-Fault when simulated). */
  varyAlso?: readonly string[];
  /** `max-age` of successful queries' private cache hint; 0 for none. */
  cacheMaxAgeSeconds: number;
  /** Whether this request's response carries `extensions.upstreamCalls`. */
  inspect: (ctx: Context) => boolean;
  logRequest: LogRequest;
}

/** Finishes a response; see {@link responseFinisher}. */
export type FinishResponse = (request: FinishedRequest, timing: RequestTiming) => void;

// A provider may echo the caller's key into data (a profile's display name): the request's own
// credentials, runs of them and key-shaped tokens are redacted from data as they are from errors.
function redactResponseData(request: FinishedRequest, providers: readonly ProviderFacts[], keyShapes: RegExp | undefined): void {
  const { body } = request.response;
  if (body.kind !== "single" || !body.singleResult.data) return;
  const ctx = request.contextValue;
  const redactor = dataRedactor(
    providers.map(provider => ctx.credential(provider.id)),
    keyShapes,
  );
  body.singleResult.data = redactData(body.singleResult.data, redactor);
}

/**
 * Every response on its way out: credentials redacted from data (`errors/redact-data.ts`), cache
 * headers (`cache-headers.ts`), the upstream inspector (`upstream-inspector.ts`), the request
 * span's name and outcome when tracing is on, then the log line and metrics (`request-log.ts`).
 * One instance serves {@link responsePlugin} and the prepared-operation path, so both finish a
 * response alike (and both produce the same request span).
 */
export function responseFinisher(options: ResponsePluginOptions): FinishResponse {
  const { providers } = options;
  // Derived from the provider list once, not per response.
  const keyShapes = combineKeyShapes(providers.flatMap(p => p.keyShapes ?? []));
  const vary = varyHeader([...providers.map(p => p.credentialHeader), ...(options.varyAlso ?? [])]);
  return (request, timing) => {
    redactResponseData(request, providers, keyShapes);
    setCacheHeaders(request, options.cacheMaxAgeSeconds, vary);
    if (options.inspect(request.contextValue)) attachUpstreamCalls(request);
    const { trace } = request.contextValue;
    if (trace) {
      trace.operation({
        type: request.operation?.operation,
        name: request.operationName ?? request.operation?.name?.value,
        errorCodes: answerErrorCodes(request),
      });
    }
    options.logRequest(request, timing);
  };
}

/**
 * {@link responseFinisher} as one Apollo plugin rather than one plugin per step: Apollo awaits
 * every plugin's listener at every stage of every request.
 */
export function responsePlugin(finish: FinishResponse): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const timing: RequestTiming = { startedAt: performance.now(), parsed: false };
      return {
        // Apollo skips parsing (and this hook) when its document cache has the operation.
        async parsingDidStart() {
          timing.parsed = true;
        },
        async willSendResponse(request) {
          finish(request, timing);
        },
      };
    },
  };
}

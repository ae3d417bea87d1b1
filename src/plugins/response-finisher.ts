import { type Context } from "../context.js";
import { combineKeyShapes, redactData, secretRedactor } from "../errors/secret-redactor.js";
import { type ProviderFacts } from "../contract/provider-facts.js";
import { setCacheHeaders, varyHeader } from "./cache-headers.js";
import { type FinishedRequest, type RequestTiming } from "./finished-request.js";
import { answerErrorCodes, type LogRequest } from "./request-log.js";
import { attachUpstreamCalls } from "./upstream-inspector.js";
import { markStaleReads } from "./stale-reads.js";

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

// A provider may echo the caller's key into data (a profile's display name) or into an error body:
// the credentials this request sent, runs of them and key-shaped tokens are redacted from data and
// errors alike (the REST client already cleaned what a provider said about a failed call; this is
// the one pass over everything the caller reads). Data and provider errors come only from the
// providers this request called or read from the read cache (answers kept for the same
// credential), each of which saw only its own credential: a request that used none has nothing to
// redact, one that used one provider only its key.
function redactResponse(request: FinishedRequest, keyShapes: RegExp | undefined): void {
  const { body } = request.response;
  if (body.kind !== "single") return;
  const { data, errors } = body.singleResult;
  if (!data && !errors) return;
  const ctx = request.contextValue;
  const { calls, cachedReads } = ctx.upstream;
  if (calls.length === 0 && cachedReads.length === 0) return;
  // Repeats are fine: the redactor keeps each credential once.
  const sent: (string | undefined)[] = [];
  for (const call of calls) sent.push(ctx.credential(call.provider));
  for (const read of cachedReads) sent.push(ctx.credential(read.provider));
  const redactor = secretRedactor(sent, keyShapes);
  if (data) body.singleResult.data = redactData(data, redactor);
  if (errors) body.singleResult.errors = redactData(errors, redactor);
}

/**
 * Every response on its way out: credentials redacted from data and errors
 * (`errors/secret-redactor.ts`), cache headers (`cache-headers.ts`), the stale-read marker
 * (`stale-reads.ts`), the upstream inspector (`upstream-inspector.ts`), the request span's name and
 * outcome when tracing is on, then the log line and metrics (`request-log.ts`). Run by
 * `request.plugin.ts` at `willSendResponse`.
 */
export function responseFinisher(options: ResponsePluginOptions): FinishResponse {
  const { providers } = options;
  // Derived from the provider list once, not per response.
  const keyShapes = combineKeyShapes(providers.flatMap(p => p.keyShapes ?? []));
  const vary = varyHeader([...providers.map(p => p.credentialHeader), ...(options.varyAlso ?? [])]);
  return (request, timing) => {
    redactResponse(request, keyShapes);
    setCacheHeaders(request, options.cacheMaxAgeSeconds, vary);
    if (request.contextValue.upstream.cachedReads.length > 0) markStaleReads(request);
    if (options.inspect(request.contextValue)) attachUpstreamCalls(request);
    const codes = answerErrorCodes(request);
    const { trace } = request.contextValue;
    if (trace) {
      trace.operation({
        type: request.operation?.operation,
        name: request.operationName ?? request.operation?.name?.value,
        errorCodes: codes,
      });
    }
    options.logRequest(request, timing, codes);
  };
}

import { type TransportResponse } from "../rest/transport.js";

/** What a provider's answer says about keeping it (RFC 9111, RFC 5861), as the read cache reads it. */
export interface AnswerFreshness {
  /** False when the provider forbids keeping or reusing it unchecked: `no-store`, `no-cache`, `Vary: *`. */
  storable: boolean;
  /**
   * How long the provider says it stays fresh, in milliseconds: `max-age` less `Age`, else
   * `Expires` less `Date`; undefined when it says nothing.
   */
  freshMs?: number;
  /**
   * How long past that it may serve when the provider fails: its own `stale-if-error`, or 0 with
   * `must-revalidate`; undefined when it says nothing.
   */
  staleIfErrorMs?: number;
}

const NOTHING_SAID: AnswerFreshness = { storable: true };

/**
 * Read the caching headers of a provider's answer. The read cache keeps one credential's answers
 * for that credential only, so it follows the rules of a private cache: `private` does not stop it
 * and `s-maxage` / `proxy-revalidate` (for shared caches) do not apply. The provider's word only
 * ever shortens what account-graph's own settings allow (the caller takes the smaller).
 */
export function answerFreshness(headers: TransportResponse["headers"], nowMs: number): AnswerFreshness {
  const vary = headerText(headers, "vary");
  if (vary !== undefined && vary.split(",").some(v => v.trim() === "*")) return { storable: false };
  const control = headerText(headers, "cache-control");
  const expires = headerText(headers, "expires");
  if (control === undefined && expires === undefined) return NOTHING_SAID;

  const directives = control === undefined ? new Map<string, string | undefined>() : parseDirectives(control);
  // `no-cache` (with or without field names) asks for revalidation before every reuse, which
  // this cache does not do: it is treated as `no-store`.
  if (directives.has("no-store") || directives.has("no-cache")) return { storable: false };

  const result: AnswerFreshness = { storable: true };
  const maxAge = seconds(directives.get("max-age"));
  if (maxAge !== undefined) {
    result.freshMs = Math.max(0, (maxAge - (seconds(headerText(headers, "age")) ?? 0)) * 1000);
  } else if (expires !== undefined) {
    // An invalid Expires (such as "0") means already expired (RFC 9111 §5.3).
    const at = Date.parse(expires);
    const date = Date.parse(headerText(headers, "date") ?? "");
    result.freshMs = Number.isNaN(at) ? 0 : Math.max(0, at - (Number.isNaN(date) ? nowMs : date));
  }
  if (directives.has("must-revalidate")) result.staleIfErrorMs = 0;
  else {
    const staleIfError = seconds(directives.get("stale-if-error"));
    if (staleIfError !== undefined) result.staleIfErrorMs = staleIfError * 1000;
  }
  return result;
}

// Directive names in lower case, with their values unquoted; the first occurrence of each wins.
function parseDirectives(text: string): Map<string, string | undefined> {
  const directives = new Map<string, string | undefined>();
  for (const match of text.matchAll(/([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*(?:=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*)))?/g)) {
    const name = match[1]!.toLowerCase();
    if (!directives.has(name)) directives.set(name, match[2] ?? match[3]);
  }
  return directives;
}

// A delta-seconds value (RFC 9111 §1.2.2); undefined when absent or not one.
function seconds(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  return Math.min(Number(value), 2 ** 31);
}

function headerText(headers: TransportResponse["headers"], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

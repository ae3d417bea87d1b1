// A lone UTF-16 surrogate cannot be percent-encoded (encodeURIComponent throws URIError).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why `value` cannot be one path segment, or undefined when it can. `.` and `..` cannot: URL
 * parsers (WHATWG's included) treat them, and their encodings `%2E` / `%2e%2E`, as "this" and
 * "parent" segments, so `/v1/billing-accounts/..` is `/v1/`. An empty one cannot either (it names
 * the collection, not an item). Validators use this to refuse such ids before any call.
 */
export function segmentProblem(value: string): string | undefined {
  if (value === "") return "must not be empty";
  if (value === "." || value === "..") return 'must not be "." or ".."';
  if (LONE_SURROGATE.test(value)) return "must be well-formed text";
  return undefined;
}

/** A value that cannot be a path segment reached a client: a bug, validators refuse these first. */
export class UnsafePathSegmentError extends Error {
  constructor(reason: string) {
    super(`unsafe upstream path segment: ${reason}`);
    this.name = "UnsafePathSegmentError";
  }
}

/**
 * Tagged template for upstream paths: every `${value}` becomes exactly one percent-encoded path
 * segment, so no id can add segments, a query or a fragment, or climb out with `..`.
 *
 * ```ts
 * path`/v1/billing-accounts/${id}` // id "a/b?c" → /v1/billing-accounts/a%2Fb%3Fc
 * ```
 *
 * Throws {@link UnsafePathSegmentError} for a value {@link segmentProblem} refuses; every client
 * builds its paths with this, and inputs are validated with `segmentProblem` before they get here.
 */
export function path(strings: TemplateStringsArray, ...values: string[]): string {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const problem = segmentProblem(value);
    if (problem) throw new UnsafePathSegmentError(problem);
    out += encodeURIComponent(value) + strings[i + 1]!;
  }
  return out;
}

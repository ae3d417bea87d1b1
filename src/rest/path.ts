// A lone UTF-16 surrogate cannot be percent-encoded (encodeURIComponent throws URIError).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// A `.` or `..` segment, raw or percent-encoded, anywhere in a path.
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?:\/|$)/i;

/**
 * Why `value` cannot be one path segment naming an item, or undefined when it can. `.` and `..`
 * cannot: URL parsers (WHATWG's included) treat them, and their encodings `%2E` / `%2e%2E`, as
 * "this" and "parent" segments, so `/v1/billing-accounts/..` is `/v1/`. An empty or blank one
 * cannot either (it names the collection, or nothing a caller meant). Validators use this to
 * refuse such ids before any call; it is the one statement of what a path segment may be.
 */
export function segmentProblem(value: string): string | undefined {
  if (value.trim() === "") return "must not be blank";
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
 * Whether a whole path has a dot segment: the REST client's net under {@link path}, for a path
 * a client wrote by hand.
 */
export function hasDotSegment(path: string): boolean {
  return DOT_SEGMENT.test(path);
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

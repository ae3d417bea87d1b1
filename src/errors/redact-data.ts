const REDACTED = "[REDACTED]";
// A run of this many characters of a credential is taken for (part of) it...
const MIN_PARTIAL = 8;
// ...and a run from its start must also reach this far past its public prefix (`key_live_`):
// "partial key_live_a1B2..." is part of a key, "key_live_" alone is not.
const MIN_SECRET_CHARS = 4;
const PUBLIC_PREFIX = /^(?:[A-Za-z]+_)+/;

/**
 * Finds a request's credentials in response data. Build one per response with the credentials
 * that request used; {@link redactData} applies it.
 */
export interface DataRedactor {
  /** `text` with every credential, run of 8+ characters of one, and key-shaped token redacted. */
  redact(text: string): string;
}

/**
 * The providers' documented key formats (each module's `keyShapes`) as one global regexp, so a
 * string is scanned once for all of them; undefined when no provider declares one. Build it once.
 */
export function combineKeyShapes(shapes: readonly RegExp[]): RegExp | undefined {
  return shapes.length ? new RegExp(shapes.map(s => s.source).join("|"), "g") : undefined;
}

/**
 * A redactor for `credentials` (undefined and short ones are skipped) and for `keyShapes`
 * ({@link combineKeyShapes}): whoever's key it is, a key-shaped token is a key.
 */
export function dataRedactor(credentials: readonly (string | undefined)[], keyShapes?: RegExp): DataRedactor {
  const known = [...new Set(credentials.filter((c): c is string => !!c && c.length >= 4))];
  const redact = (text: string): string => {
    let out = text;
    for (const credential of known) out = redactRuns(out, credential);
    return keyShapes ? out.replace(keyShapes, REDACTED) : out;
  };
  return { redact };
}

// Replace the runs of `text` that are a prefix, a suffix or the whole of `credential` (see
// MIN_PARTIAL and MIN_SECRET_CHARS; a credential too short for runs only as a whole). Found from
// two probes, the credential's first and last characters, so a string without either costs two
// `includes`.
function redactRuns(text: string, credential: string): string {
  const headLength = Math.max(MIN_PARTIAL, (PUBLIC_PREFIX.exec(credential)?.[0].length ?? 0) + MIN_SECRET_CHARS);
  if (credential.length < Math.max(headLength, MIN_PARTIAL * 2)) {
    return text.includes(credential) ? text.split(credential).join(REDACTED) : text;
  }
  const head = credential.slice(0, headLength);
  const tail = credential.slice(-MIN_PARTIAL);
  if (!text.includes(head) && !text.includes(tail)) return text;
  const cut: [number, number][] = [];
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
    let end = at + headLength;
    while (end < text.length && end - at < credential.length && text[end] === credential[end - at]) end += 1;
    cut.push([at, end]);
  }
  for (let at = text.indexOf(tail); at >= 0; at = text.indexOf(tail, at + 1)) {
    let start = at;
    const offset = credential.length - MIN_PARTIAL;
    while (start > 0 && at - start < offset && text[start - 1] === credential[offset - (at - start) - 1]) start -= 1;
    cut.push([start, at + MIN_PARTIAL]);
  }
  cut.sort((a, b) => a[0] - b[0]);
  let out = "";
  let from = 0;
  for (const [start, end] of cut) {
    if (end <= from) continue;
    out += text.slice(from, Math.max(from, start)) + (start >= from ? REDACTED : "");
    from = end;
  }
  return out + text.slice(from);
}

/**
 * `data` with {@link DataRedactor.redact} applied to every string leaf; objects and lists are
 * copied only where something changed (a JSONObject leaf may be the mapped provider object). A
 * provider that echoes the caller's key into a field (a name, a description) must not hand it to
 * whoever reads the answer. Costs one walk over the data per response.
 */
export function redactData<T>(data: T, redactor: DataRedactor): T {
  return walk(data, redactor) as T;
}

function walk(value: unknown, redactor: DataRedactor): unknown {
  if (typeof value === "string") return value.length >= 4 ? redactor.redact(value) : value;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const next = walk(value[i], redactor);
      if (next !== value[i]) (copy ??= [...value])[i] = next;
    }
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    const next = walk(item, redactor);
    if (next !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = next;
  }
  return copy ?? value;
}

const REDACTED = "[REDACTED]";
// A run of this many characters from a credential's start or end is taken for part of it, and a
// run of MIN_INNER from anywhere inside it (shorter inner runs are words as often as secrets: the
// simulators' demo keys spell "DemoUnverified")...
const MIN_PARTIAL = 8;
const MIN_INNER = 12;
// ...when it also reaches this far past the credential's public prefix (`key_live_`):
// "partial key_live_a1B2..." is part of a key, "key_live_" alone is not.
const MIN_SECRET_CHARS = 4;
const PUBLIC_PREFIX = /^(?:[A-Za-z]+_)+/;
// Runs are found from samples of this many characters, taken every this many characters of the
// text: a run of MIN_PARTIAL characters always holds a whole sample (2 * GRAM - 1 <= MIN_PARTIAL).
const GRAM = 4;

/**
 * The one redaction of what a caller reads, for error messages and data alike: a request's
 * credentials, parts of one (8+ characters from its start or end, 12+ from inside it: a provider
 * that echoes half a key in an error body or a display name), and tokens in a provider's
 * documented key format. Build one per request with
 * the credentials it used (the REST client builds one per failed call for the provider's text).
 */
export interface SecretRedactor {
  /** `text` with every credential, part of one, and key-shaped token redacted. */
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
export function secretRedactor(credentials: readonly (string | undefined)[], keyShapes?: RegExp): SecretRedactor {
  // One loop, no Set: built per response, usually for one credential.
  const whole: string[] = [];
  const parted: Parted[] = [];
  for (const credential of credentials) {
    if (!credential || credential.length < 4 || whole.includes(credential) || parted.some(c => c.credential === credential)) continue;
    const minEnd = (PUBLIC_PREFIX.exec(credential)?.[0].length ?? 0) + MIN_SECRET_CHARS;
    // A credential too short to have parts is only ever found whole.
    if (credential.length < Math.max(minEnd, MIN_PARTIAL * 2)) whole.push(credential);
    else parted.push({ credential, minEnd });
  }
  const runs = partsFinder(parted);
  const redact = (text: string): string => {
    let out = runs(text);
    for (const credential of whole) if (out.includes(credential)) out = out.split(credential).join(REDACTED);
    return keyShapes ? out.replace(keyShapes, REDACTED) : out;
  };
  return { redact };
}

interface Parted {
  credential: string;
  /** How far into the credential a run must reach: its public prefix and MIN_SECRET_CHARS more. */
  minEnd: number;
}

// Redacts the parts of `credentials` in a text: a run of MIN_PARTIAL characters from one's start
// or end, or of MIN_INNER from inside it, that reaches its `minEnd`. The text is probed every GRAM
// characters and each probe looked up in the credentials (`indexOf`): nothing is built per
// credential, so a redactor costs nothing until a string is long enough to hold a part, and a
// string without one costs a few short searches.
function partsFinder(credentials: readonly Parted[]): (text: string) => string {
  return text => {
    if (credentials.length === 0 || text.length < MIN_PARTIAL) return text;
    let cut: [number, number][] | undefined;
    for (let p = 0; p + GRAM <= text.length; p += GRAM) {
      const probe = text.slice(p, p + GRAM);
      for (const { credential, minEnd } of credentials) {
        for (let o = credential.indexOf(probe); o >= 0; o = credential.indexOf(probe, o + 1)) {
          let start = p;
          let from = o;
          while (start > 0 && from > 0 && text[start - 1] === credential[from - 1]) {
            start -= 1;
            from -= 1;
          }
          let end = start;
          while (end < text.length && from + (end - start) < credential.length && text[end] === credential[from + (end - start)]) end += 1;
          // The run is too short, or only the public prefix.
          const length = end - start;
          const anchored = from === 0 || from + length === credential.length;
          if (length < (anchored ? MIN_PARTIAL : MIN_INNER) || from + length < minEnd) continue;
          (cut ??= []).push([start, end]);
        }
      }
    }
    return cut ? cutOut(text, cut) : text;
  };
}

// `text` with each (possibly overlapping) range replaced, once, by REDACTED.
function cutOut(text: string, ranges: [number, number][]): string {
  ranges.sort((a, b) => a[0] - b[0]);
  let out = "";
  let from = 0;
  for (const [start, end] of ranges) {
    if (end <= from) continue;
    out += text.slice(from, Math.max(from, start)) + (start >= from ? REDACTED : "");
    from = end;
  }
  return out + text.slice(from);
}

/**
 * `value` with {@link SecretRedactor.redact} applied to every string leaf; objects and lists are
 * copied only where something changed (a JSONObject leaf may be the mapped provider object). Used
 * for a response's data and its errors (message and extensions) alike. Costs one walk per response.
 */
export function redactData<T>(value: T, redactor: SecretRedactor): T {
  return walk(value, redactor) as T;
}

function walk(value: unknown, redactor: SecretRedactor): unknown {
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

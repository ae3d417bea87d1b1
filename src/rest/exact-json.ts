import { randomBytes } from "node:crypto";

// A JSON string or a JSON number (exact JSON grammar, so text that is not JSON stays not JSON).
// Strings are matched whole so that digits inside them are never taken for numbers.
const TOKENS = /"(?:[^"\\]+|\\.)*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
// Integers of up to 15 digits are exact as doubles and print as they were written.
const PLAIN_INTEGER = /^-?(?:0|[1-9]\d{0,14})$/;
// Numbers are carried through JSON.parse as strings with this prefix; the nonce keeps a string a
// provider really sent from being taken for one.
const MARK = `\u0000${randomBytes(6).toString("hex")}:`;
const ESCAPED_MARK = `\\u0000${MARK.slice(1)}`;

// Source text of the numbers of each parsed object, by member name (or array index).
const sources = new WeakMap<object, Map<string, string>>();

/**
 * `JSON.parse`, except that the digits of every number that is not a short integer are kept:
 * {@link numberSource} gives `12.50` for `{"value": 12.50}`, where the parsed value alone (12.5)
 * has lost the scale, and `12345678901234567890.123456789` where it has lost digits. Values are
 * the same as `JSON.parse`'s (numbers are still numbers). Throws a SyntaxError as it does.
 *
 * Node 21+ gives a reviver the source text (`context.source`); this does the same on Node 20:
 * numbers are rewritten as marked strings, parsed, and turned back into numbers by a reviver that
 * remembers their text. A body without such numbers costs one regex scan over `JSON.parse`.
 */
export function parseJsonExact(text: string): unknown {
  let marked = false;
  const rewritten = text.replace(TOKENS, token => {
    if (token.charCodeAt(0) === 34 || PLAIN_INTEGER.test(token)) return token;
    marked = true;
    return `"${ESCAPED_MARK}${token}"`;
  });
  if (!marked) return JSON.parse(text);
  return JSON.parse(rewritten, function revive(this: object, key: string, value: unknown) {
    if (typeof value !== "string" || !value.startsWith(MARK)) return value;
    const source = value.slice(MARK.length);
    let members = sources.get(this);
    if (!members) sources.set(this, (members = new Map()));
    members.set(key, source);
    return Number(source);
  });
}

/**
 * The digits a number member of a body parsed by {@link parseJsonExact} was written with, e.g.
 * `numberSource(dto.creditBalance, "value")` → `"12.50"`. Undefined when the member is not a number.
 */
export function numberSource(holder: object, key: string): string | undefined {
  const value = (holder as Record<string, unknown>)[key];
  if (typeof value !== "number") return undefined;
  return sources.get(holder)?.get(key) ?? (Number.isSafeInteger(value) ? String(value) : undefined);
}

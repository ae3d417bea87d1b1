// Integers of up to 15 digits are exact as doubles and print as they were written: their text is
// not kept.
const PLAIN_INTEGER = /^-?(?:0|[1-9]\d{0,14})$/;

/**
 * Whether this Node gives a reviver the source text of what it parsed (Node 21 and later): without
 * it the digits of a number are lost. The start refuses a Node without it (`index.ts`).
 */
export const JSON_SOURCE_TEXT = JSON.parse("1.50", sourceOf) === "1.50";

// What Node 21+ hands a reviver beside the value (nothing before).
type ParseContext = { source?: string };

function sourceOf(_key: string, value: unknown, context?: ParseContext): unknown {
  return typeof value === "number" ? context?.source : value;
}

// Source text of the numbers of each parsed object, by member name (or array index).
const sources = new WeakMap<object, Map<string, string>>();

/**
 * `JSON.parse`, except that the digits of every number that is not a short integer are kept:
 * {@link numberSource} gives `12.50` for `{"value": 12.50}`, where the parsed value alone (12.5)
 * has lost the scale, and `12345678901234567890.123456789` where it has lost digits. Values are
 * the same as `JSON.parse`'s (numbers are still numbers). Throws a SyntaxError as it does. The text
 * comes from the reviver's `context.source` ({@link JSON_SOURCE_TEXT}); on a Node without it, this
 * throws rather than answer a number without its digits.
 */
export function parseJsonExact(text: string): unknown {
  if (!JSON_SOURCE_TEXT) throw new Error(`JSON.parse gives no source text on Node ${process.version}`);
  return JSON.parse(text, function keepDigits(this: object, key: string, value: unknown, context?: ParseContext) {
    const source = context?.source;
    if (typeof value !== "number" || source === undefined || PLAIN_INTEGER.test(source)) return value;
    let members = sources.get(this);
    if (!members) sources.set(this, (members = new Map()));
    members.set(key, source);
    return value;
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

import { upstreamError, type UpstreamError } from "./upstream-error.js";
import { type ProviderRef } from "../contract/provider-facts.js";

/**
 * A value a mapper found but could not read exactly (a Timestamp sent as `{seconds}`, money in a
 * number whose digits are gone, text sent as an object). {@link assignFields} turns it into a
 * field that errors with `UPSTREAM_ERROR` naming the value, so it is never served as a silent null.
 */
export class Unreadable {
  constructor(readonly error: UpstreamError) {}
}

/** An {@link Unreadable} for `path` (the provider's own name for the value) and why. */
export function unreadableValue(provider: ProviderRef, path: string, why: string): Unreadable {
  const error = upstreamError(provider, { kind: "unreadable", status: 200, reason: `${path} ${why}` });
  return new Unreadable(error);
}

/** Fields of `T`, each either its value or {@link Unreadable}. */
export type MappedFields<T> = { [K in keyof T]?: T[K] | Unreadable };

/**
 * `Object.assign(target, fields)`, where every {@link Unreadable} field becomes a getter that
 * throws its error: GraphQL reports it at that field's path (and, for a non-null field, nulls the
 * parent as the schema says), while the other fields are served. Nothing else reads mapped objects
 * field by field, so the getter only ever runs when the field is selected.
 */
export function assignFields<T extends object>(target: T, fields: MappedFields<T>): T {
  for (const key in fields) {
    const value = fields[key];
    if (value instanceof Unreadable) {
      Object.defineProperty(target, key, {
        enumerable: true,
        configurable: true,
        get() {
          throw value.error;
        },
      });
    } else {
      (target as Record<string, unknown>)[key] = value;
    }
  }
  return target;
}

/** How a wrong-typed value reads in an error message: "a number", "an object", "a list". */
export function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  const type = typeof value;
  return type === "object" ? "an object" : `a ${type}`;
}

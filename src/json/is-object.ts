/** A JSON object (not null, not a list): the one guard mappers, validators and simulators use. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

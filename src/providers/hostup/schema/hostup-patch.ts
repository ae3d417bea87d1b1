import { type FieldError, joinPath } from "../../../errors/field-errors.js";

/**
 * Base of every `patchPreferences` input object. A patch sends exactly what the caller gave, so
 * "null" and "an empty object" have no meaning to send: {@link patchShapeErrors} rejects both.
 */
export abstract class HostupPatch {}

const NULL_MESSAGE = "must not be null: leave the field out to keep its current value";
const EMPTY_MESSAGE = "must set at least one field (an empty object changes nothing)";

/**
 * Explicit nulls and empty objects anywhere in a patch, with their input paths. class-validator
 * cannot see them: the schema's validation skips null and missing members.
 */
export function patchShapeErrors(
  patch: HostupPatch,
  path: string,
  empty = EMPTY_MESSAGE,
): FieldError[] {
  const errors: FieldError[] = [];
  const members = Object.entries(patch).filter(([, value]) => value !== undefined);
  if (members.length === 0) errors.push({ field: path, message: empty });
  for (const [name, value] of members) {
    const at = joinPath(path, name);
    if (value === null) errors.push({ field: at, message: NULL_MESSAGE });
    else if (value instanceof HostupPatch) errors.push(...patchShapeErrors(value, at));
  }
  return errors;
}

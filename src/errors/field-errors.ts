import { GraphQLError } from "graphql";
import { type ValidationError } from "class-validator";
import { ErrorCode } from "./codes.js";

/** One invalid input field: `field` is a path into the GraphQL arguments, e.g. `input.localization.timezone`. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * A `BAD_USER_INPUT` error raised before anything is sent upstream.
 * `fieldErrors` lists every invalid field, not only the first.
 */
export function badUserInput(
  message: string,
  fieldErrors: FieldError[] = [],
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...extensions, fieldErrors },
  });
}

/** Append a property or index to a GraphQL input path: `input` + `tags` + `0` → `input.tags[0]`. */
export function joinPath(base: string, segment: string | number): string {
  if (typeof segment === "number" || /^\d+$/.test(segment)) return `${base}[${segment}]`;
  return base ? `${base}.${segment}` : segment;
}

/**
 * Flatten class-validator errors (nested through `@ValidateNested`) into field errors whose paths
 * start at `root` (the argument name, e.g. `input`).
 */
export function fieldErrorsFromValidation(errors: ValidationError[], root: string): FieldError[] {
  const out: FieldError[] = [];
  const walk = (list: ValidationError[], base: string) => {
    for (const error of list) {
      const path = joinPath(base, error.property);
      for (const message of Object.values(error.constraints ?? {})) out.push({ field: path, message });
      if (error.children?.length) walk(error.children, path);
    }
  };
  walk(errors, root);
  return out;
}

/** The message for a list of field errors: the first one, and how many more there are. */
export function summarize(fieldErrors: FieldError[]): string {
  const [first] = fieldErrors;
  if (!first) return "Invalid input.";
  const more = fieldErrors.length > 1 ? ` (and ${fieldErrors.length - 1} more)` : "";
  return `Invalid input: ${first.field}: ${first.message}${more}`;
}

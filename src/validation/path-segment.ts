import { ValidateBy, type ValidationOptions } from "class-validator";
import { segmentProblem } from "../rest/path.js";

/**
 * The string becomes one upstream path segment (an id): `segmentProblem` accepts it (not blank,
 * not `.` or `..`, well-formed text) and it has at most `max` characters (code points). Null and
 * undefined pass: nullability is the schema's job.
 */
export function PathSegment(max: number, options?: ValidationOptions) {
  const problem = (value: unknown): string | undefined => {
    if (value === null || value === undefined) return undefined;
    if (typeof value !== "string") return "must be text";
    return segmentProblem(value) ?? ([...value].length > max ? `must be at most ${max} characters` : undefined);
  };
  return ValidateBy(
    {
      name: "pathSegment",
      constraints: [max],
      validator: {
        validate: value => problem(value) === undefined,
        defaultMessage: args => problem(args?.value) ?? "is invalid",
      },
    },
    options,
  );
}

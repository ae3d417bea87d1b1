import { ValidateBy, type ValidationOptions } from "class-validator";

/** The rule's name in class-validator's metadata (`length-descriptions.ts` reads it from there). */
export const TRIMMED_LENGTH = "trimmedLength";

/**
 * The string, once trimmed, has `min` to `max` characters (code points). Null and undefined pass:
 * nullability is the schema's job. The field's description states the lengths
 * (`length-descriptions.ts`): its own text leaves them out.
 */
export function TrimmedLength(min: number, max: number, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: TRIMMED_LENGTH,
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => {
          if (value === null || value === undefined) return true;
          if (typeof value !== "string") return false;
          const length = [...value.trim()].length;
          return length >= min && length <= max;
        },
        defaultMessage: () =>
          min > 0
            ? `must be ${min} to ${max} characters after trimming spaces`
            : `must be at most ${max} characters after trimming spaces`,
      },
    },
    options,
  );
}

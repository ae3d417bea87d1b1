import { validate } from "class-validator";
import {
  badUserInput,
  fieldErrorsFromValidation,
  summarize,
  type FieldError,
} from "../../../errors/field-errors.js";
import { segmentProblem } from "../../../rest/path.js";
import { UPDATABLE_FIELDS, updateMaskPaths } from "../cudo.update-mask.js";
import { UpdateBillingAccountInput } from "./update-billing-account.input.js";

const ROOT = "input";

/** What class-validator cannot see: it skips null and absent members alike. */
function shapeErrors(input: UpdateBillingAccountInput): FieldError[] {
  const errors: FieldError[] = [];
  if (updateMaskPaths(input).length === 0) {
    const fields = UPDATABLE_FIELDS.join(", ");
    errors.push({ field: ROOT, message: `must set at least one of ${fields} besides id` });
  }
  // The id becomes a path segment: "." or ".." would change the path (TrimmedLength reports blanks).
  const idProblem = input.id.trim() ? segmentProblem(input.id) : undefined;
  if (idProblem) errors.push({ field: `${ROOT}.id`, message: idProblem });
  if (input.displayName === null) {
    const message = "cannot be cleared; leave it out to keep the current name";
    errors.push({ field: `${ROOT}.displayName`, message });
  }
  return errors;
}

/**
 * type-graphql `validateFn` of `updateBillingAccount(input)`, in place of the global one: the
 * class-validator rules of the input classes plus the shape rules above, every problem at once
 * in one BAD_USER_INPUT, before anything is sent to Cudo.
 */
export async function validateUpdateBillingAccountInput(value: unknown): Promise<void> {
  if (!(value instanceof UpdateBillingAccountInput)) return;
  // Same options as the global validateFn.
  const decorated = await validate(value, {
    skipMissingProperties: true,
    forbidUnknownValues: false,
  });
  const fieldErrors = [...shapeErrors(value), ...fieldErrorsFromValidation(decorated, ROOT)];
  if (fieldErrors.length > 0) throw badUserInput(summarize(fieldErrors), fieldErrors);
}

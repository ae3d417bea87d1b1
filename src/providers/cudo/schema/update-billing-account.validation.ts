import { validate } from "class-validator";
import {
  badUserInput,
  fieldErrorsFromValidation,
  summarize,
  type FieldError,
} from "../../../errors/field-errors.js";
import { UPDATABLE_FIELD_NAMES, updateMaskPaths } from "../cudo.update-fields.js";
import { UpdateBillingAccountInput } from "./update-billing-account.input.js";

const ROOT = "input";

/** What class-validator cannot see: it skips null and absent members alike. */
function shapeErrors(input: UpdateBillingAccountInput): FieldError[] {
  const errors: FieldError[] = [];
  if (updateMaskPaths(input).length === 0) {
    const fields = UPDATABLE_FIELD_NAMES.join(", ");
    errors.push({ field: ROOT, message: `must set at least one of ${fields} besides id` });
  }
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

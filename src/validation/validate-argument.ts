import { getMetadataStorage, validate } from "class-validator";
import { type ResolverData } from "type-graphql";
import { badUserInput, fieldErrorsFromValidation, summarize } from "../errors/field-errors.js";

/**
 * type-graphql's `validateFn`: runs class-validator on every input object argument and turns
 * failures into one `BAD_USER_INPUT` with `fieldErrors` paths rooted at the argument name
 * (`input.reason`), before the resolver runs, so nothing goes upstream.
 */
// Whether a class declares any class-validator rule; most arguments (e.g. `account`'s) declare
// none, and validating them anyway would cost a reflective walk on every request.
const hasRules = new WeakMap<Function, boolean>();
/** Whether `target` (an input or arguments class) declares any class-validator rule. */
export function declaresRules(target: Function): boolean {
  let known = hasRules.get(target);
  if (known === undefined) {
    known = getMetadataStorage().getTargetValidationMetadatas(target, "", true, false).length > 0;
    hasRules.set(target, known);
  }
  return known;
}

export async function validateArgument(
  value: unknown,
  _type: unknown,
  data: ResolverData<object>,
): Promise<void> {
  if (value === null || typeof value !== "object") return;
  // The common case, arguments whose class declares no rule (`account`'s), costs one lookup.
  if (!Array.isArray(value) && !declaresRules(value.constructor)) return;
  const items = Array.isArray(value) ? value : [value];
  const argName = Object.keys(data.args).find(name => data.args[name] === value) ?? "input";
  const fieldErrors = [];
  for (const [index, item] of items.entries()) {
    if (item === null || typeof item !== "object" || !declaresRules(item.constructor)) continue;
    // Missing and null members are the schema's business (nullability), as in type-graphql's default.
    const errors = await validate(item, { skipMissingProperties: true, forbidUnknownValues: false });
    const root = Array.isArray(value) ? `${argName}[${index}]` : argName;
    fieldErrors.push(...fieldErrorsFromValidation(errors, root));
  }
  if (fieldErrors.length > 0) throw badUserInput(summarize(fieldErrors), fieldErrors);
}

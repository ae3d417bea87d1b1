import { validate } from "class-validator";
import {
  badUserInput,
  fieldErrorsFromValidation,
  joinPath,
  summarize,
  type FieldError,
} from "../../errors/field-errors.js";
import { patchShapeErrors } from "./hostup-patch.js";
import { HOSTUP_EMAIL_CATEGORIES } from "./hostup.validators.js";
import { PatchPreferencesInput } from "./patch-preferences.input.js";

const ROOT = "input";
const NOTHING_GIVEN =
  "must set at least one of localization, notifications, security, billing, categories";

// A short preview of a caller's value; never serialises a (possibly huge or deeply nested) object.
const shown = (value: unknown) =>
  typeof value === "string"
    ? JSON.stringify(value.slice(0, 60))
    : Array.isArray(value)
      ? "a list"
      : value !== null && typeof value === "object"
        ? "an object"
        : String(value).slice(0, 60);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Each `enabledEmails` item must be a category Hostup knows (path with the item's index). */
function enabledEmailsErrors(emails: string[] | null | undefined, path: string): FieldError[] {
  const message = `must be one of ${HOSTUP_EMAIL_CATEGORIES.join(", ")}`;
  return (emails ?? []).flatMap((email, index) =>
    HOSTUP_EMAIL_CATEGORIES.includes(email)
      ? []
      : [{ field: joinPath(path, index), message: `${message} (got ${shown(email)})` }],
  );
}

/** `categories`: a non-empty object of non-empty objects whose values are strings or booleans. */
function categoriesErrors(categories: unknown, path: string): FieldError[] {
  if (categories === undefined || categories === null) return [];
  const entries = Object.entries(categories as object);
  if (entries.length === 0) return [{ field: path, message: "must name at least one category" }];
  return entries.flatMap(([name, settings]): FieldError[] => {
    const at = joinPath(path, name);
    if (!isObject(settings)) {
      return [{ field: at, message: 'must be an object of settings, e.g. {"theme": "dark"}' }];
    }
    const values = Object.entries(settings);
    if (values.length === 0) return [{ field: at, message: "must set at least one setting" }];
    return values
      .filter(([, value]) => typeof value !== "string" && typeof value !== "boolean")
      .map(([key, value]) => ({
        field: joinPath(at, key),
        message: `must be a string or a boolean (got ${shown(value)})`,
      }));
  });
}

/**
 * type-graphql `validateFn` of `patchPreferences(input)`, in place of the global one: the
 * class-validator rules on the input classes plus the checks class-validator cannot express
 * (explicit nulls, empty objects, per-item `enabledEmails`, the free-form `categories`). Every
 * problem is reported at once, as one BAD_USER_INPUT, before anything is sent to Hostup.
 */
export async function validatePatchPreferencesInput(value: unknown): Promise<void> {
  if (!(value instanceof PatchPreferencesInput)) return;
  // Same options as the global validateFn: null and missing members are checked below.
  const decorated = await validate(value, {
    skipMissingProperties: true,
    forbidUnknownValues: false,
  });
  const fieldErrors = [
    ...patchShapeErrors(value, ROOT, NOTHING_GIVEN),
    ...fieldErrorsFromValidation(decorated, ROOT),
    ...enabledEmailsErrors(
      value.notifications?.delivery?.enabledEmails,
      `${ROOT}.notifications.delivery.enabledEmails`,
    ),
    ...categoriesErrors(value.categories, joinPath(ROOT, "categories")),
  ];
  if (fieldErrors.length > 0) throw badUserInput(summarize(fieldErrors), fieldErrors);
}

import { validate } from "class-validator";
import {
  badUserInput,
  fieldErrorsFromValidation,
  joinPath,
  summarize,
  type FieldError,
} from "../../../errors/field-errors.js";
import { patchShapeErrors } from "./hostup-patch.js";
import { CATEGORY_LIMITS, HOSTUP_EMAIL_CATEGORIES } from "./hostup.validators.js";
import { PatchPreferencesInput } from "./patch-preferences.input.js";
import { everyKeyOf } from "../../../validation/every-key-of.js";
import { isObject } from "../../../json/is-object.js";

const ROOT = "input";
// Every field of the input, in the schema's order (the compiler keeps the list complete).
const PATCH_FIELDS = everyKeyOf<PatchPreferencesInput>()([
  "localization",
  "notifications",
  "security",
  "billing",
  "categories",
]);
const NOTHING_GIVEN = `must set at least one of ${PATCH_FIELDS.join(", ")}`;

// A short preview of a caller's value; never serialises a (possibly huge or deeply nested) object.
const shown = (value: unknown) =>
  typeof value === "string"
    ? JSON.stringify(value.slice(0, 60))
    : Array.isArray(value)
      ? "a list"
      : value !== null && typeof value === "object"
        ? "an object"
        : String(value).slice(0, 60);

/** Each `enabledEmails` item must be a category Hostup knows (path with the item's index). */
function enabledEmailsErrors(emails: string[] | null | undefined, path: string): FieldError[] {
  const message = `must be one of ${HOSTUP_EMAIL_CATEGORIES.join(", ")}`;
  return (emails ?? []).flatMap((email, index) =>
    HOSTUP_EMAIL_CATEGORIES.includes(email)
      ? []
      : [{ field: joinPath(path, index), message: `${message} (got ${shown(email)})` }],
  );
}

// The size bounds, checked before anything looks at single entries: an oversized object gets one
// field error, not one per key, and costs no more than counting its keys.
function categoriesSizeError(categories: object, path: string): FieldError | undefined {
  const L = CATEGORY_LIMITS;
  const names = Object.keys(categories);
  if (names.length > L.categories) return { field: path, message: `must have at most ${L.categories} categories` };
  let settings = 0;
  for (const name of names) {
    const value = (categories as Record<string, unknown>)[name];
    if (isObject(value)) settings += Object.keys(value).length;
    if (settings > L.settings) return { field: path, message: `must have at most ${L.settings} settings in all` };
  }
  // Bytes as JSON, summed over the two levels the shape allows (no serialising: a deeper value is
  // refused below, and JSON.stringify of a deeply nested one would overflow the stack).
  let bytes = 2;
  for (const name of names) {
    if (name.length > L.keyLength) {
      return { field: path, message: `category names must be at most ${L.keyLength} characters` };
    }
    bytes += Buffer.byteLength(name) + 6;
    const value = (categories as Record<string, unknown>)[name];
    if (!isObject(value)) continue;
    for (const [key, setting] of Object.entries(value)) {
      if (key.length > L.keyLength) {
        return { field: joinPath(path, name), message: `setting keys must be at most ${L.keyLength} characters` };
      }
      if (typeof setting === "string" && setting.length > L.valueLength) {
        return { field: joinPath(joinPath(path, name), key), message: `must be at most ${L.valueLength} characters` };
      }
      bytes += Buffer.byteLength(key) + 4 + (typeof setting === "string" ? Buffer.byteLength(setting) + 2 : 5);
    }
  }
  if (bytes > L.bytes) return { field: path, message: `must be at most ${L.bytes / 1024} KiB as JSON` };
  return undefined;
}

/**
 * `categories`: a non-empty object of non-empty objects whose values are strings or booleans,
 * within {@link CATEGORY_LIMITS}.
 */
function categoriesErrors(categories: unknown, path: string): FieldError[] {
  if (categories === undefined || categories === null) return [];
  const tooBig = categoriesSizeError(categories as object, path);
  if (tooBig) return [tooBig];
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

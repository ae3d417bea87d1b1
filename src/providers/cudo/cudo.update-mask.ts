import { type UpdateBillingAccountInput } from "./schema/update-billing-account.input.js";

/** The `UpdateBillingAccountInput` fields that map to a Cudo update-mask path, in mask order. */
export const UPDATABLE_FIELDS = [
  "displayName",
  "billingAddress",
  "taxId",
  "creditBalanceRecharge",
] as const;

/** One of {@link UPDATABLE_FIELDS}: a GraphQL input field and the Cudo mask path of that name. */
export type UpdatableField = (typeof UPDATABLE_FIELDS)[number];

/**
 * The update-mask paths for the fields the caller gave (explicit null included: it clears the
 * field), in the stable order of {@link UPDATABLE_FIELDS}. The input names are Cudo's
 * lowerCamelCase `BillingAccount` paths, so no renaming is needed.
 */
export function updateMaskPaths(input: UpdateBillingAccountInput): UpdatableField[] {
  return UPDATABLE_FIELDS.filter(field => input[field] !== undefined);
}

import { type CudoBillingAddressInput } from "./schema/cudo-billing-address.input.js";
import { type CudoCreditBalanceRechargeInput } from "./schema/cudo-credit-balance-recharge.input.js";
import { type CudoTaxIdInput } from "./schema/cudo-tax-id.input.js";
import { type UpdateBillingAccountInput } from "./schema/update-billing-account.input.js";
import { everyKeyOf } from "../../validation/every-key-of.js";

/**
 * The Cudo `BillingAccount` fields `updateBillingAccount` can change, in update-mask order, each
 * with its parts. Each is the GraphQL input field of the same name, its lowerCamelCase
 * update-mask path and its member in the PATCH body, so no renaming is needed. The one list of
 * them: the mask (`updateMaskPaths`), the PATCH body and address mapping (`cudo.mapper.ts`), the
 * validation message, and the mapping of Cudo's field violations to input paths
 * (`cudo.field-paths.ts`) all read it.
 */
export const UPDATABLE_FIELDS = {
  displayName: [],
  billingAddress: everyKeyOf<CudoBillingAddressInput>()([
    "name",
    "phone",
    "line1",
    "line2",
    "city",
    "state",
    "postalCode",
    "country",
  ]),
  taxId: everyKeyOf<CudoTaxIdInput>()(["type", "value"]),
  creditBalanceRecharge: everyKeyOf<CudoCreditBalanceRechargeInput>()(["low", "high", "autoRecharge"]),
} as const;

/** One of {@link UPDATABLE_FIELDS}: a GraphQL input field and the Cudo mask path of that name. */
export type UpdatableField = keyof typeof UPDATABLE_FIELDS;

/** The updatable fields' names, in mask order; with `id`, every field of the input (checked). */
export const UPDATABLE_FIELD_NAMES = everyKeyOf<Omit<UpdateBillingAccountInput, "id">>()([
  "displayName",
  "billingAddress",
  "taxId",
  "creditBalanceRecharge",
]);

/**
 * The update-mask paths for the fields the caller gave (explicit null included: it clears the
 * field), in the stable order of {@link UPDATABLE_FIELD_NAMES}.
 */
export function updateMaskPaths(input: UpdateBillingAccountInput): UpdatableField[] {
  return UPDATABLE_FIELD_NAMES.filter(field => input[field] !== undefined);
}

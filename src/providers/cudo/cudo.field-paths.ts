import { type FieldError } from "../../errors/field-errors.js";
import { UPDATABLE_FIELDS } from "./cudo.update-fields.js";

// GraphQL input paths below `input` that have a Cudo BillingAccount path of the same name.
const INPUT_PATHS = new Set([
  "id",
  ...Object.entries(UPDATABLE_FIELDS).flatMap(([field, parts]) => [field, ...parts.map(part => `${field}.${part}`)]),
]);

const camel = (segment: string) =>
  segment.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * A `google.rpc.BadRequest` field violation of an update, named by Cudo with a snake_case proto
 * path (`billing_account.credit_balance_recharge.low`; camelCase is accepted too), as a field
 * error on the GraphQL input (`input.creditBalanceRecharge.low`). `update_mask` violations are
 * about the request as a whole (`input`). A path the input does not have lands on its nearest
 * input ancestor (at worst `input`), with Cudo's path kept at the start of the message.
 */
export function toInputFieldError(protoPath: string, description: string): FieldError {
  const raw = protoPath.trim();
  const text = description.trim() || "is invalid";
  const segments = raw.split(".").filter(Boolean).map(camel);
  if (segments[0] === "updateMask") return { field: "input", message: text };
  if (segments[0] === "billingAccount") segments.shift();
  for (let n = segments.length; n > 0; n -= 1) {
    const path = segments.slice(0, n).join(".");
    if (!INPUT_PATHS.has(path)) continue;
    return { field: `input.${path}`, message: n === segments.length ? text : `${raw}: ${text}` };
  }
  return { field: "input", message: segments.length > 0 ? `${raw}: ${text}` : text };
}

import { type Context } from "../../context.js";
import { badUserInput } from "../../errors/field-errors.js";
import { cudoKit } from "./cudo.loaders.js";
import { CUDO, cudoSettings } from "./cudo.facts.js";
import { segmentProblem } from "../../rest/path.js";
import { type AccountSource } from "../../contract/account-source.js";
import { type CudoBillingAccount } from "./schema/cudo-billing-account.type.js";

const SHOWN_IDS = 5;

/** Why there is no default billing account: how many the credential sees, and what to do. */
function noDefault(accounts: CudoBillingAccount[]) {
  const n = accounts.length;
  const ids = accounts.slice(0, SHOWN_IDS).map(a => a.id);
  const listed = n > 0 ? ` (${ids.join(", ")}${n > SHOWN_IDS ? ", ..." : ""})` : "";
  const message =
    `This Cudo Compute credential can see ${n} billing account${n === 1 ? "" : "s"}${listed}, ` +
    "so there is no default one: pass `id` to choose the billing account.";
  return badUserInput(message, [{ field: "id", message }], { provider: CUDO });
}

/**
 * Loads a Cudo billing account: by `id`; without one, `CUDO_BILLING_ACCOUNT_ID`, else the only
 * billing account the credential can see (BAD_USER_INPUT naming how many there are otherwise).
 * Every path goes through the request's by-id loader, which the listing primes.
 */
export const cudoSource: AccountSource = {
  provider: CUDO.id,
  async load(ctx: Context, id?: string | null): Promise<CudoBillingAccount> {
    const kit = ctx.use(cudoKit);
    if (id != null) {
      // Refused here, before any call: an id that is not one path segment could change the path.
      const problem = segmentProblem(id);
      if (problem) {
        throw badUserInput(`Invalid input: id: ${problem}`, [{ field: "id", message: problem }], {
          provider: CUDO.id,
        });
      }
      return kit.account.load(id);
    }
    const configured = cudoSettings(ctx.config).billingAccountId;
    if (configured) return kit.account.load(configured);
    const accounts = await kit.list();
    if (accounts.length !== 1) throw noDefault(accounts);
    return kit.account.load(accounts[0]!.id);
  },
};

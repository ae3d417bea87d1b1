import { type Context } from "../../context.js";
import { primeAfterWrite, SELF, selfLoader, type SelfLoader } from "../../rest/tracked-loader.js";
import { DiffioClient, DIFFIO_ENDPOINTS, DIFFIO_PROFILE } from "./diffio.client.js";
import { DIFFIO } from "./diffio.facts.js";
import { toDiffioAccount, toDiffioUpdateBody } from "./diffio.mapper.js";
import { type DiffioAccount } from "./schema/diffio-account.type.js";
import { type UpdateBillingPolicyInput } from "./schema/update-billing-policy.input.js";

/**
 * The request's Diffio reads and writes, in domain types. Create one per request (through
 * `ctx.use(diffioKit)`): the caller's account is the only resource, so one settings call however
 * many fields ask for it.
 */
export interface DiffioKit {
  /** The caller's account settings, keyed by `SELF`. */
  account: SelfLoader<DiffioAccount>;
  /** Store a billing policy; later reads in the request see it without another call. */
  updateBillingPolicy(input: UpdateBillingPolicyInput): Promise<DiffioAccount>;
}

/** Build the request's Diffio kit. */
export function diffioKit(ctx: Context): DiffioKit {
  const client = new DiffioClient(ctx.rest(DIFFIO_PROFILE));
  const account = selfLoader(ctx.upstream, DIFFIO.id, DIFFIO_ENDPOINTS.getSettings, async () => {
    const response = await client.getSettings();
    return toDiffioAccount(response?.account, response?.apiKeyId);
  });
  return {
    account,
    async updateBillingPolicy(input) {
      const response = await client.updateSettings(toDiffioUpdateBody(input));
      return primeAfterWrite(account, SELF, toDiffioAccount(response?.account, response?.apiKeyId));
    },
  };
}

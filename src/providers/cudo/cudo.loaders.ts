import type DataLoader from "dataloader";
import { primeAfterWrite, trackedLoader } from "../../rest/tracked-loader.js";
import { type Context } from "../../context.js";
import { type CudoBillingAccount } from "./schema/cudo-billing-account.type.js";
import { CUDO } from "./cudo.facts.js";
import { CudoClient, CUDO_ENDPOINTS, CUDO_PROFILE } from "./cudo.client.js";
import { toCudoBillingAccount, toCudoUpdateBody, toRequestedBillingAccount } from "./cudo.mapper.js";
import { type UpdateBillingAccountInput } from "./schema/update-billing-account.input.js";

/**
 * The request's Cudo reads and writes, in domain types. Create one per request (through
 * `ctx.use(cudoKit)`).
 */
export interface CudoKit {
  /**
   * Billing accounts by id: one `GET /v1/billing-accounts/{id}` per distinct id per request.
   * Primed by {@link CudoKit.list} and by `updateBillingAccount`.
   */
  account: DataLoader<string, CudoBillingAccount>;
  /** Every billing account the credential can see (all pages), fetched at most once per request. */
  list(): Promise<CudoBillingAccount[]>;
  /** Update a billing account; later reads of it in the request see the update without a call. */
  updateBillingAccount(input: UpdateBillingAccountInput): Promise<CudoBillingAccount>;
}

/** Every billing account the credential can see, all pages; one seen twice is kept once. */
async function listAll(client: CudoClient): Promise<CudoBillingAccount[]> {
  const byId = new Map<string, CudoBillingAccount>();
  for (const dto of await client.listAllBillingAccounts()) {
    const account = toCudoBillingAccount(dto);
    byId.set(account.id, account);
  }
  return [...byId.values()];
}

/** Build the request's Cudo kit. */
export function cudoKit(ctx: Context): CudoKit {
  const client = new CudoClient(ctx.rest(CUDO_PROFILE));
  let listing: Promise<CudoBillingAccount[]> | undefined;

  const account = trackedLoader<string, CudoBillingAccount>(ctx.upstream, CUDO.id, CUDO_ENDPOINTS.getBillingAccount, async ids => {
    // A listing already under way returns these accounts too: wait for it instead of asking twice.
    const listed = listing ? await listing.catch(() => []) : [];
    return Promise.all(
      ids.map(
        id =>
          listed.find(a => a.id === id) ??
          client
            .getBillingAccount(id)
            .then(dto => toRequestedBillingAccount(dto, id))
            // Per-key errors: one unknown id does not fail the other ids of the batch.
            .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
      ),
    );
  });

  const list = () => {
    listing ??= listAll(client).then(accounts => {
      for (const item of accounts) account.prime(item.id, item);
      return accounts;
    });
    return listing;
  };
  return {
    account,
    list,
    async updateBillingAccount(input) {
      const response = await client.updateBillingAccount(input.id, toCudoUpdateBody(input));
      return primeAfterWrite(account, input.id, toRequestedBillingAccount(response, input.id));
    },
  };
}

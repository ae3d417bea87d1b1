import type DataLoader from "dataloader";
import { trackedLoader } from "../../rest/tracked-loader.js";
import { type Context } from "../../context.js";
import { type CudoBillingAccount } from "./schema/cudo-billing-account.type.js";
import { upstreamError } from "../../errors/upstream-error.js";
import { Provider } from "../provider.js";
import { path } from "../../rest/path.js";
import { CudoClient, CUDO_PROFILE } from "./cudo.client.js";
import { toCudoBillingAccount } from "./cudo.mapper.js";

/** Pages followed at most when listing (a guard against a provider that never ends the list). */
export const MAX_LIST_PAGES = 100;

/** Per-request Cudo client and loaders. Create one per request (through `ctx.use(cudoKit)`). */
export interface CudoKit {
  client: CudoClient;
  /**
   * Billing accounts by id: one `GET /v1/billing-accounts/{id}` per distinct id per request.
   * Primed by {@link CudoKit.list} and by `updateBillingAccount`.
   */
  account: DataLoader<string, CudoBillingAccount>;
  /** Every billing account the credential can see (all pages), fetched at most once per request. */
  list(): Promise<CudoBillingAccount[]>;
}

const unreadableList = (reason: string) =>
  upstreamError(Provider.CUDO, {
    kind: "unreadable",
    status: 200,
    reason: `billing accounts: ${reason}`,
  });

/** Follow `pageToken` until Cudo sends an empty one; accounts seen twice are kept once. */
async function listAll(client: CudoClient): Promise<CudoBillingAccount[]> {
  const byId = new Map<string, CudoBillingAccount>();
  const tokens = new Set<string>();
  let token = "";
  for (let page = 0; page < MAX_LIST_PAGES; page += 1) {
    const response = await client.listBillingAccounts(token || undefined);
    const items = Array.isArray(response?.billingAccounts) ? response.billingAccounts : [];
    for (const dto of items) {
      const account = toCudoBillingAccount(dto);
      byId.set(account.id, account);
    }
    token = typeof response?.pageToken === "string" ? response.pageToken : "";
    if (!token) return [...byId.values()];
    if (tokens.has(token)) throw unreadableList("a page token came back twice");
    tokens.add(token);
  }
  throw unreadableList(`the list did not end within ${MAX_LIST_PAGES} pages`);
}

/** Build the request's Cudo kit. */
export function cudoKit(ctx: Context): CudoKit {
  const client = new CudoClient(ctx.rest(CUDO_PROFILE));
  let listing: Promise<CudoBillingAccount[]> | undefined;

  const account = trackedLoader<string, CudoBillingAccount>(ctx, Provider.CUDO, id => ({ method: "GET", path: path`/v1/billing-accounts/${id}` }), async ids => {
    // A listing already under way returns these accounts too: wait for it instead of asking twice.
    const listed = listing ? await listing.catch(() => []) : [];
    return Promise.all(
      ids.map(
        id =>
          listed.find(a => a.id === id) ??
          client
            .getBillingAccount(id)
            .then(dto => toCudoBillingAccount(dto))
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
  return { client, account, list };
}

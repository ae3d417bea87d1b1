import type DataLoader from "dataloader";
import { Provider } from "../provider.js";
import { trackedLoader } from "../../rest/tracked-loader.js";
import { type Context } from "../../context.js";
import { type DiffioAccount } from "./schema/diffio-account.type.js";
import { DiffioClient, DIFFIO_PROFILE } from "./diffio.client.js";
import { toDiffioAccount } from "./diffio.mapper.js";

/** The caller's Diffio account is the only resource: one key. */
export const SELF = "self";

/** Per-request Diffio client and loaders. Create one per request (through `ctx.use(diffioKit)`). */
export interface DiffioKit {
  client: DiffioClient;
  /** The caller's account settings, keyed by {@link SELF}; primed by `updateBillingPolicy`. */
  account: DataLoader<string, DiffioAccount>;
}

/** Build the request's Diffio kit: one settings call however many fields ask for it. */
export function diffioKit(ctx: Context): DiffioKit {
  const client = new DiffioClient(ctx.rest(DIFFIO_PROFILE));
  const account = trackedLoader<string, DiffioAccount>(ctx, Provider.DIFFIO, () => ({ method: "POST", path: "/v1/account/settings/get" }), async keys => {
    const response = await client.getSettings();
    const mapped = toDiffioAccount(response?.account, response?.apiKeyId);
    return keys.map(() => mapped);
  });
  return { client, account };
}

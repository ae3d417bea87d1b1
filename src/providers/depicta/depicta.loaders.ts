import type DataLoader from "dataloader";
import { Provider } from "../provider.js";
import { trackedLoader } from "../../rest/tracked-loader.js";
import { type Context } from "../../context.js";
import { type DepictaAccount } from "./schema/depicta-account.type.js";
import { DepictaClient, DEPICTA_PROFILE } from "./depicta.client.js";
import { toDepictaAccount } from "./depicta.mapper.js";

/** The caller's Depicta profile is the only resource: one key. */
export const SELF = "self";

/** Per-request Depicta client and loaders. Create one per request (`ctx.use(depictaKit)`). */
export interface DepictaKit {
  client: DepictaClient;
  /** The caller's profile, keyed by {@link SELF}; primed by `updateProfileName`. */
  profile: DataLoader<string, DepictaAccount>;
}

/** Build the request's Depicta kit: one profile call however many fields ask for it. */
export function depictaKit(ctx: Context): DepictaKit {
  const client = new DepictaClient(ctx.rest(DEPICTA_PROFILE));
  const profile = trackedLoader<string, DepictaAccount>(ctx, Provider.DEPICTA, () => ({ method: "GET", path: "/v1/account/profile" }), async keys => {
    const response = await client.getProfile();
    const mapped = toDepictaAccount(response?.user);
    return keys.map(() => mapped);
  });
  return { client, profile };
}

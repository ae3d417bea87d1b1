import type DataLoader from "dataloader";
import { Provider } from "../provider.js";
import { trackedLoader } from "../../rest/tracked-loader.js";
import { type Context } from "../../context.js";
import { type HostupAccount } from "./schema/hostup-account.type.js";
import { HostupClient, HOSTUP_PROFILE } from "./hostup.client.js";
import { toHostupAccount, toHostupAccountId } from "./hostup.mapper.js";

/** The caller's Hostup account is the only resource: one key. */
export const SELF = "self";

/** Per-request Hostup client and loaders. Create one per request (through `ctx.use(hostupKit)`). */
export interface HostupKit {
  client: HostupClient;
  /** The caller's account id (`GET /api/v2/me`), keyed by {@link SELF}; loaded only when needed. */
  me: DataLoader<string, string>;
  /** The caller's preferences, keyed by {@link SELF}; primed by `patchPreferences`. */
  preferences: DataLoader<string, HostupAccount>;
}

/** Build the request's Hostup kit: at most one `/me` and one preferences call per request. */
export function hostupKit(ctx: Context): HostupKit {
  const client = new HostupClient(ctx.rest(HOSTUP_PROFILE));
  const me = trackedLoader<string, string>(ctx, Provider.HOSTUP, () => ({ method: "GET", path: "/api/v2/me" }), async keys => {
    const id = toHostupAccountId(await client.getMe());
    return keys.map(() => id);
  });
  const preferences = trackedLoader<string, HostupAccount>(ctx, Provider.HOSTUP, () => ({ method: "GET", path: "/api/v2/me/preferences" }), async keys => {
    const account = toHostupAccount(await client.getPreferences());
    return keys.map(() => account);
  });
  return { client, me, preferences };
}

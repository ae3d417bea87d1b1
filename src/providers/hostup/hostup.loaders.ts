import { type Context } from "../../context.js";
import { primeAfterWrite, SELF, selfLoader, type SelfLoader } from "../../rest/tracked-loader.js";
import { HostupClient, HOSTUP_ENDPOINTS, HOSTUP_PROFILE } from "./hostup.client.js";
import { HOSTUP } from "./hostup.facts.js";
import { toHostupAccount, toHostupAccountId, toHostupPatchBody } from "./hostup.mapper.js";
import { type HostupAccount } from "./schema/hostup-account.type.js";
import { type PatchPreferencesInput } from "./schema/patch-preferences.input.js";

/**
 * The request's Hostup reads and writes, in domain types. Create one per request (through
 * `ctx.use(hostupKit)`): the caller's account is the only resource.
 */
export interface HostupKit {
  /** The caller's account id (`GET /api/v2/me`), keyed by `SELF`; loaded only when needed. */
  me: SelfLoader<string>;
  /** The caller's preferences, keyed by `SELF`. */
  preferences: SelfLoader<HostupAccount>;
  /** Change some preferences; Hostup answers all of them, which later reads reuse. */
  patchPreferences(input: PatchPreferencesInput): Promise<HostupAccount>;
}

/** Build the request's Hostup kit: at most one `/me` and one preferences call per request. */
export function hostupKit(ctx: Context): HostupKit {
  const client = new HostupClient(ctx.rest(HOSTUP_PROFILE));
  const me = selfLoader(ctx.upstream, HOSTUP.id, HOSTUP_ENDPOINTS.getMe, async () => toHostupAccountId(await client.getMe()));
  const preferences = selfLoader(ctx.upstream, HOSTUP.id, HOSTUP_ENDPOINTS.getPreferences, async () =>
    toHostupAccount(await client.getPreferences()),
  );
  return {
    me,
    preferences,
    async patchPreferences(input) {
      const account = toHostupAccount(await client.patchPreferences(toHostupPatchBody(input)));
      return primeAfterWrite(preferences, SELF, account);
    },
  };
}

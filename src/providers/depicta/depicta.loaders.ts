import { type Context } from "../../context.js";
import { primeAfterWrite, SELF, selfLoader, type SelfLoader } from "../../rest/tracked-loader.js";
import { DepictaClient, DEPICTA_ENDPOINTS, DEPICTA_PROFILE } from "./depicta.client.js";
import { DEPICTA } from "./depicta.facts.js";
import { toDepictaAccount, toDepictaUpdateBody } from "./depicta.mapper.js";
import { type DepictaAccount } from "./schema/depicta-account.type.js";
import { type UpdateProfileNameInput } from "./schema/update-profile-name.input.js";

/**
 * The request's Depicta reads and writes, in domain types. Create one per request
 * (`ctx.use(depictaKit)`): the caller's profile is the only resource, so one profile call however
 * many fields ask for it.
 */
export interface DepictaKit {
  /** The caller's profile, keyed by `SELF`. */
  profile: SelfLoader<DepictaAccount>;
  /** Set or clear the display name; Depicta answers the whole profile, which later reads reuse. */
  updateProfileName(input: UpdateProfileNameInput): Promise<DepictaAccount>;
}

/** Build the request's Depicta kit. */
export function depictaKit(ctx: Context): DepictaKit {
  const client = new DepictaClient(ctx.rest(DEPICTA_PROFILE));
  const profile = selfLoader(ctx.upstream, DEPICTA.id, DEPICTA_ENDPOINTS.getProfile, async () =>
    toDepictaAccount((await client.getProfile())?.user),
  );
  return {
    profile,
    async updateProfileName(input) {
      const response = await client.updateProfile(toDepictaUpdateBody(input));
      return primeAfterWrite(profile, SELF, toDepictaAccount(response?.user));
    },
  };
}

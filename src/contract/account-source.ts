import { type GraphQLResolveInfo } from "graphql";
import { type Context } from "../context.js";
import { type ProviderId } from "./provider-facts.js";
import { type Account } from "../account/account.interface.js";

/**
 * How one provider's account is loaded. Every path that needs an account (`account`, `accounts`,
 * federation `_entities`) goes through `load`, which goes through the request's loaders, so
 * one GraphQL request makes one upstream call per distinct resource.
 */
export interface AccountSource {
  provider: ProviderId;
  /**
   * The caller's account. `id` null/undefined means "the caller's (default) account"; an `id`
   * that is not an account the caller's credential can see rejects with `NOT_FOUND` (or the
   * provider's `FORBIDDEN`) and never resolves to a different account. `info` (when given) lets a
   * source start calls the selection needs in parallel (see `selectsField`).
   */
  load(ctx: Context, id?: string | null, info?: GraphQLResolveInfo): Promise<Account>;
}

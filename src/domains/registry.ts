import { type NonEmptyArray } from "type-graphql";
import { AccountResolver } from "../account/account.resolver.js";
import { CudoBillingAccount } from "../providers/cudo/schema/cudo-billing-account.type.js";
import { CudoResolver } from "../providers/cudo/cudo.resolver.js";
import { DepictaAccount } from "../providers/depicta/schema/depicta-account.type.js";
import { DepictaResolver } from "../providers/depicta/depicta.resolver.js";
import { DiffioAccount } from "../providers/diffio/schema/diffio-account.type.js";
import { DiffioResolver } from "../providers/diffio/diffio.resolver.js";
import { HostupAccount } from "../providers/hostup/schema/hostup-account.type.js";
import { HostupResolver } from "../providers/hostup/hostup.resolver.js";

/**
 * What each provider contributes to the schema: its resolvers and its account type (a federation
 * entity resolved through `ACCOUNT_SOURCES` in `sources.ts`). Adding a provider = a line in each.
 */
export const RESOLVERS: NonEmptyArray<Function> = [AccountResolver, DiffioResolver, DepictaResolver, HostupResolver, CudoResolver];

/** The account types; all are entities keyed by `id`. */
export const ACCOUNT_TYPES: Function[] = [DiffioAccount, DepictaAccount, HostupAccount, CudoBillingAccount];

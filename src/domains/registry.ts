import { type NonEmptyArray } from "type-graphql";
import { AccountResolver } from "./account/account.resolver.js";
import { CudoBillingAccount } from "./cudo/cudo-billing-account.type.js";
import { CudoResolver } from "./cudo/cudo.resolver.js";
import { DepictaAccount } from "./depicta/depicta-account.type.js";
import { DepictaResolver } from "./depicta/depicta.resolver.js";
import { DiffioAccount } from "./diffio/diffio-account.type.js";
import { DiffioResolver } from "./diffio/diffio.resolver.js";
import { HostupAccount } from "./hostup/hostup-account.type.js";
import { HostupResolver } from "./hostup/hostup.resolver.js";

/**
 * What each provider contributes to the schema: its resolvers and its account type (a federation
 * entity resolved through `ACCOUNT_SOURCES` in `sources.ts`). Adding a provider = a line in each.
 */
export const RESOLVERS: NonEmptyArray<Function> = [AccountResolver, DiffioResolver, DepictaResolver, HostupResolver, CudoResolver];

/** The account types; all are entities keyed by `id`. */
export const ACCOUNT_TYPES: Function[] = [DiffioAccount, DepictaAccount, HostupAccount, CudoBillingAccount];

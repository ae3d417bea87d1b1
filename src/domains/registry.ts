import { type NonEmptyArray } from "type-graphql";
import { AccountResolver } from "./account/account.resolver.js";
import { DiffioAccount } from "./diffio/diffio-account.type.js";
import { DiffioResolver } from "./diffio/diffio.resolver.js";

/**
 * What each provider contributes to the schema: its resolvers and its account type (a federation
 * entity resolved through `ACCOUNT_SOURCES` in `sources.ts`). Adding a provider = a line in each.
 */
export const RESOLVERS: NonEmptyArray<Function> = [AccountResolver, DiffioResolver];

/** The account types; all are entities keyed by `id`. */
export const ACCOUNT_TYPES: Function[] = [DiffioAccount];

import { callersAccountSource } from "../../account/callers-account-source.js";
import { SELF } from "../../rest/tracked-loader.js";
import { DIFFIO } from "./diffio.facts.js";
import { diffioKit } from "./diffio.loaders.js";

/** Loads the caller's Diffio account (the key's account); an `id` must be that account's userId. */
export const diffioSource = callersAccountSource(DIFFIO, ctx => ctx.use(diffioKit).account.load(SELF));

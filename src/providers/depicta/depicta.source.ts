import { callersAccountSource } from "../../account/callers-account-source.js";
import { SELF } from "../../rest/tracked-loader.js";
import { DEPICTA } from "./depicta.facts.js";
import { depictaKit } from "./depicta.loaders.js";

/** Loads the caller's Depicta profile (the key's user); an `id` must be that user's UUID. */
export const depictaSource = callersAccountSource(DEPICTA, ctx => ctx.use(depictaKit).profile.load(SELF));

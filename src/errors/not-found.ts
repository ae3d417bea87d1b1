import { type ProviderRef } from "../contract/provider-facts.js";
import { ErrorCode } from "./codes.js";
import { UpstreamError } from "./upstream-error.js";

/**
 * An account id that is not the caller's (single-account providers): NOT_FOUND, never another
 * account's data. No upstream status: the provider was not asked about that id.
 */
export function errorNotCallersAccount(provider: ProviderRef, id: string): UpstreamError {
  return new UpstreamError(
    `No ${provider.name} account "${id.slice(0, 100)}" is visible with this credential.`,
    { extensions: { code: ErrorCode.NOT_FOUND, provider: provider.id, upstreamStatus: null } },
  );
}

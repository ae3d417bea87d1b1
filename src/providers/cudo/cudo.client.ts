import { badUserInput } from "../../errors/field-errors.js";
import { type ProviderProfile, type RestClient } from "../../rest/rest-client.js";
import { Provider } from "../provider.js";
import {
  type CudoBillingAccountDto,
  type CudoListBillingAccountsResponse,
  type CudoUpdateBillingAccountBody,
} from "./cudo.dto.js";
import { parseCudoProblem } from "./cudo.problem.js";

/** HTTP-level facts about Cudo Compute: credential header and google.rpc `Status` error bodies. */
export const CUDO_PROFILE: ProviderProfile = {
  provider: Provider.CUDO,
  credentialHeader: "X-Cudo-Api-Key",
  parseProblem: (_status, body, _headers, call) => parseCudoProblem(body, call),
  // Decimals are documented as `{value: "<string>"}`; one sent as a JSON number is read from its digits.
  exactNumbers: true,
};

// A lone UTF-16 surrogate cannot be percent-encoded (encodeURIComponent throws URIError).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The id as one path segment: percent-encoded; `.` and `..` escaped so they stay an id. An id that
 * is not well-formed text is the caller's input error, raised before any call.
 */
export function segment(id: string): string {
  if (LONE_SURROGATE.test(id)) {
    throw badUserInput("Invalid input: id: must be well-formed text", [{ field: "id", message: "must be well-formed text" }], {
      provider: Provider.CUDO,
    });
  }
  const encoded = encodeURIComponent(id);
  return id === "." || id === ".." ? encoded.replace(/\./g, "%2E") : encoded;
}

/**
 * Cudo Compute's billing-account endpoints. Reads are retried, the update is not.
 * Create one per request (see `cudo.loaders.ts`).
 */
export class CudoClient {
  constructor(private readonly rest: RestClient) {}

  /** `GET /v1/billing-accounts`: one page; `pageToken` is the previous page's `pageToken`. */
  listBillingAccounts(pageToken?: string): Promise<CudoListBillingAccountsResponse> {
    return this.rest.request({
      method: "GET",
      path: "/v1/billing-accounts",
      query: { pageToken },
      read: true,
    });
  }

  /** `GET /v1/billing-accounts/{id}`. */
  getBillingAccount(id: string): Promise<CudoBillingAccountDto> {
    return this.rest.request({
      method: "GET",
      path: `/v1/billing-accounts/${segment(id)}`,
      read: true,
    });
  }

  /** `PATCH /v1/billing-accounts/{id}` with a field mask; never retried. */
  updateBillingAccount(
    id: string,
    body: CudoUpdateBillingAccountBody,
  ): Promise<CudoBillingAccountDto> {
    return this.rest.request({
      method: "PATCH",
      path: `/v1/billing-accounts/${segment(id)}`,
      body,
      read: false,
    });
  }
}

import { path } from "../../rest/path.js";
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
      path: path`/v1/billing-accounts/${id}`,
      route: "/v1/billing-accounts/{id}",
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
      path: path`/v1/billing-accounts/${id}`,
      route: "/v1/billing-accounts/{id}",
      body,
      read: false,
    });
  }
}

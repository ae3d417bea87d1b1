import { upstreamError } from "../../errors/upstream-error.js";
import { path } from "../../rest/path.js";
import { type Endpoint, type ProviderProfile, type RestClient } from "../../rest/rest-client.js";
import { CUDO } from "./cudo.facts.js";
import {
  type CudoBillingAccountDto,
  type CudoListBillingAccountsResponse,
  type CudoUpdateBillingAccountBody,
} from "./cudo.dto.js";
import { parseCudoProblem } from "./cudo.problem.js";

/** HTTP-level facts about Cudo Compute: credential header and google.rpc `Status` error bodies. */
export const CUDO_PROFILE: ProviderProfile = {
  provider: CUDO,
  parseProblem: (_status, body, _headers, call) => parseCudoProblem(body, call),
  // Decimals are documented as `{value: "<string>"}`; one sent as a JSON number is read from its digits.
  exactNumbers: true,
};

const listBillingAccounts = { method: "GET", path: "/v1/billing-accounts" } as const satisfies Endpoint;
const getBillingAccount = (id: string): Endpoint => ({ method: "GET", path: path`/v1/billing-accounts/${id}`, route: "/v1/billing-accounts/{id}" });

/**
 * Cudo's endpoints, as the client calls them and the inspector names them; each write names the
 * reads it changes (the read cache forgets them for its credential): an update changes the
 * account and every page of the list that holds it.
 */
export const CUDO_ENDPOINTS = {
  listBillingAccounts,
  getBillingAccount,
  updateBillingAccount: (id: string): Endpoint => ({
    ...getBillingAccount(id),
    method: "PATCH",
    invalidates: [getBillingAccount(id), listBillingAccounts],
  }),
} as const;

/** Pages followed at most when listing (a guard against a provider that never ends the list). */
export const MAX_LIST_PAGES = 100;

const unreadableList = (reason: string) =>
  upstreamError(CUDO, { kind: "unreadable", status: 200, reason: `billing accounts: ${reason}` });

/**
 * Cudo Compute's billing-account endpoints. Reads are retried, the update is not.
 * Create one per request (see `cudo.loaders.ts`).
 */
export class CudoClient {
  constructor(private readonly rest: RestClient) {}

  /** `GET /v1/billing-accounts`: one page; `pageToken` is the previous page's `pageToken`. */
  listBillingAccounts(pageToken?: string): Promise<CudoListBillingAccountsResponse> {
    return this.rest.request({ ...CUDO_ENDPOINTS.listBillingAccounts, query: { pageToken }, read: true });
  }

  /** Every page of `GET /v1/billing-accounts`: follows `pageToken` until Cudo sends an empty one. */
  async listAllBillingAccounts(): Promise<CudoBillingAccountDto[]> {
    const items: CudoBillingAccountDto[] = [];
    const tokens = new Set<string>();
    let token = "";
    for (let page = 0; page < MAX_LIST_PAGES; page += 1) {
      const response = await this.listBillingAccounts(token || undefined);
      if (Array.isArray(response?.billingAccounts)) items.push(...response.billingAccounts);
      token = typeof response?.pageToken === "string" ? response.pageToken : "";
      if (!token) return items;
      if (tokens.has(token)) throw unreadableList("a page token came back twice");
      tokens.add(token);
    }
    throw unreadableList(`the list did not end within ${MAX_LIST_PAGES} pages`);
  }

  /** `GET /v1/billing-accounts/{id}`. */
  getBillingAccount(id: string): Promise<CudoBillingAccountDto> {
    return this.rest.request({ ...CUDO_ENDPOINTS.getBillingAccount(id), read: true });
  }

  /** `PATCH /v1/billing-accounts/{id}` with a field mask; never retried. */
  updateBillingAccount(
    id: string,
    body: CudoUpdateBillingAccountBody,
  ): Promise<CudoBillingAccountDto> {
    return this.rest.request({ ...CUDO_ENDPOINTS.updateBillingAccount(id), body, read: false });
  }
}

import { type FieldError } from "../../errors/field-errors.js";
import { type UpstreamProblem } from "../../errors/upstream-error.js";
import { type Endpoint, type ProviderProfile, type RestClient } from "../../rest/rest-client.js";
import { DIFFIO } from "./diffio.facts.js";
import {
  type DiffioErrorDto,
  type DiffioGetSettingsResponse,
  type DiffioUpdateSettingsBody,
  type DiffioUpdateSettingsResponse,
} from "./diffio.dto.js";

// Diffio names the offending field at the start of its 400 messages ("billingPolicy.type is not
// supported"); these are the GraphQL input paths they correspond to.
const FIELD_PATHS: [prefix: string, field: string][] = [
  ["billingPolicy.type", "input.type"],
  ["billingPolicy.reason", "input.reason"],
  ["billingPolicy", "input"],
];

/** HTTP-level facts about Diffio: credential header and `{error, code}` error bodies. */
export const DIFFIO_PROFILE: ProviderProfile = {
  provider: DIFFIO,
  parseProblem(status, body): UpstreamProblem {
    const dto = (body && typeof body === "object" ? body : {}) as DiffioErrorDto;
    const message = typeof dto.error === "string" ? dto.error : undefined;
    const fieldErrors: FieldError[] = [];
    if ((status === 400 || status === 422) && message) {
      const hit = FIELD_PATHS.find(([prefix]) => message.startsWith(prefix));
      if (hit) fieldErrors.push({ field: hit[1], message });
    }
    return {
      message,
      providerCode: typeof dto.code === "string" ? dto.code : undefined,
      fieldErrors,
    };
  },
};

const getSettings = { method: "POST", path: "/v1/account/settings/get" } as const satisfies Endpoint;

/**
 * Diffio's endpoints, as the client calls them and the inspector names them; each write names
 * the reads it changes (the read cache forgets them for its credential).
 */
export const DIFFIO_ENDPOINTS = {
  getSettings,
  updateSettings: { method: "POST", path: "/v1/account/settings/update", invalidates: [getSettings] },
} as const satisfies Record<string, Endpoint>;

/**
 * Diffio's account-settings endpoints. Every Diffio endpoint is a POST with a JSON body, reads
 * included; reads are marked `read: true` so they are retried, updates are not.
 * Create one per request (see `diffio.loaders.ts`).
 */
export class DiffioClient {
  constructor(private readonly rest: RestClient) {}

  /** `POST /v1/account/settings/get` (needs `account:read`). */
  getSettings(): Promise<DiffioGetSettingsResponse> {
    return this.rest.request({ ...DIFFIO_ENDPOINTS.getSettings, body: {}, read: true });
  }

  /** `POST /v1/account/settings/update` (needs an admin key with `account:write`); never retried. */
  updateSettings(body: DiffioUpdateSettingsBody): Promise<DiffioUpdateSettingsResponse> {
    return this.rest.request({ ...DIFFIO_ENDPOINTS.updateSettings, body, read: false });
  }
}

import { type FieldError } from "../../errors/field-errors.js";
import { type UpstreamProblem } from "../../errors/upstream-error.js";
import { type Endpoint, type ProviderProfile, type RestCall, type RestClient } from "../../rest/rest-client.js";
import { DEPICTA } from "./depicta.facts.js";
import {
  type DepictaErrorDto,
  type DepictaProfileResponse,
  type DepictaUpdateProfileBody,
} from "./depicta.dto.js";

const getProfile = { method: "GET", path: "/v1/account/profile" } as const satisfies Endpoint;

/**
 * Depicta's endpoints, as the client calls them and the inspector names them; each write names
 * the reads it changes (the read cache forgets them for its credential).
 */
export const DEPICTA_ENDPOINTS = {
  getProfile,
  updateProfile: { ...getProfile, method: "PATCH", invalidates: [getProfile] },
} as const satisfies Record<string, Endpoint>;

// Depicta's body field → GraphQL input path of `updateProfileName`.
const FIELD_PATHS: Record<string, string> = { name: "input.name" };

/**
 * The field errors a 400/422 names in `details` (`{field: "name"}`, or a list of such objects),
 * as GraphQL input paths. Only the PATCH has an input to point into.
 */
function fieldErrorsOf(details: unknown, message: string, call: RestCall): FieldError[] {
  if (call.method !== "PATCH" || details === null || typeof details !== "object") return [];
  const items = Array.isArray(details) ? details : [details];
  const out: FieldError[] = [];
  for (const item of items) {
    const field = (item as { field?: unknown } | null)?.field;
    if (typeof field !== "string") continue;
    const own = (item as { message?: unknown }).message;
    out.push({
      field: FIELD_PATHS[field] ?? "input",
      message: typeof own === "string" ? own : message,
    });
  }
  return out;
}

/**
 * HTTP-level facts about Depicta: credential header and its error bodies,
 * `{error, message, details, request_id}`.
 */
export const DEPICTA_PROFILE: ProviderProfile = {
  provider: DEPICTA,
  parseProblem(status, body, _headers, call): UpstreamProblem {
    const dto = (body && typeof body === "object" ? body : {}) as DepictaErrorDto;
    const message = typeof dto.message === "string" ? dto.message : undefined;
    const rejectedInput = status === 400 || status === 422;
    return {
      message,
      providerCode: typeof dto.error === "string" ? dto.error : undefined,
      requestId: typeof dto.request_id === "string" && dto.request_id ? dto.request_id : undefined,
      fieldErrors: rejectedInput ? fieldErrorsOf(dto.details, message ?? "invalid", call) : [],
    };
  },
};

/**
 * Depicta's profile endpoints. Reads are retried, the PATCH is not.
 * Create one per request (see `depicta.loaders.ts`).
 */
export class DepictaClient {
  constructor(private readonly rest: RestClient) {}

  /** `GET /v1/account/profile`: profile, balance, verification, OAuth providers, credit expiry. */
  getProfile(): Promise<DepictaProfileResponse> {
    return this.rest.request({ ...DEPICTA_ENDPOINTS.getProfile, read: true });
  }

  /** `PATCH /v1/account/profile`: set or clear the display name; answers the updated profile. */
  updateProfile(body: DepictaUpdateProfileBody): Promise<DepictaProfileResponse> {
    return this.rest.request({ ...DEPICTA_ENDPOINTS.updateProfile, body, read: false });
  }
}

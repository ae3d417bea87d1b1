import { type FieldError } from "../../errors/field-errors.js";
import { type UpstreamProblem } from "../../errors/upstream-error.js";
import { type Endpoint, type ProviderProfile, type RestCall, type RestClient } from "../../rest/rest-client.js";
import { HOSTUP } from "./hostup.facts.js";
import {
  type HostupMeDto,
  type HostupPreferencesDto,
  type HostupPreferencesPatchBody,
  type HostupProblemDto,
} from "./hostup.dto.js";
import { pointerToPath } from "./hostup.pointer.js";

const getPreferences = { method: "GET", path: "/api/v2/me/preferences" } as const satisfies Endpoint;

/**
 * Hostup's endpoints, as the client calls them and the inspector names them; each write names
 * the reads it changes (the read cache forgets them for its credential). Preferences do not
 * change `/me`.
 */
export const HOSTUP_ENDPOINTS = {
  getMe: { method: "GET", path: "/api/v2/me" },
  getPreferences,
  patchPreferences: { ...getPreferences, method: "PATCH", invalidates: [getPreferences] },
} as const satisfies Record<string, Endpoint>;

const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);

/** `errors[]` of a problem → field errors; only a call with a body has an input to point into. */
function fieldErrorsOf(dto: HostupProblemDto, call: RestCall): FieldError[] {
  if (call.body === undefined || !Array.isArray(dto.errors)) return [];
  return dto.errors.flatMap(error => {
    if (!error || typeof error !== "object" || typeof error.pointer !== "string") return [];
    const message = text(error.detail) ?? text(error.code) ?? "is invalid";
    return [{ field: pointerToPath(error.pointer, "input"), message }];
  });
}

/**
 * HTTP-level facts about Hostup: credential header and RFC 7807 problem bodies (`detail` or
 * `title`, `code`, `requestId`, `errors[].pointer`). `requestId` and `Retry-After` fall back to
 * the headers in the rest client when the body lacks them.
 */
export const HOSTUP_PROFILE: ProviderProfile = {
  provider: HOSTUP,
  parseProblem(_status, body, _headers, call): UpstreamProblem {
    const dto = (body && typeof body === "object" ? body : {}) as HostupProblemDto;
    return {
      message: text(dto.detail) ?? text(dto.title),
      providerCode: text(dto.code),
      requestId: text(dto.requestId),
      fieldErrors: fieldErrorsOf(dto, call),
    };
  },
};

/**
 * Hostup's v2 account endpoints (`Authorization: Bearer <key>`). Reads are retried, the PATCH
 * never is. Create one per request (see `hostup.loaders.ts`).
 */
export class HostupClient {
  constructor(private readonly rest: RestClient) {}

  /** `GET /api/v2/me` (needs `read:account`): the account profile, of which `id` is used. */
  getMe(): Promise<HostupMeDto> {
    return this.rest.request({ ...HOSTUP_ENDPOINTS.getMe, read: true });
  }

  /** `GET /api/v2/me/preferences` (needs `read:account`). */
  getPreferences(): Promise<HostupPreferencesDto> {
    return this.rest.request({ ...HOSTUP_ENDPOINTS.getPreferences, read: true });
  }

  /**
   * `PATCH /api/v2/me/preferences`: partial update, answered with the full preferences. Needs
   * `write:account`, plus `write:billing` for `billing.cardAutoCharge`, `billing.separateInvoices`
   * and `notifications.delivery`. Never retried.
   */
  patchPreferences(body: HostupPreferencesPatchBody): Promise<HostupPreferencesDto> {
    return this.rest.request({ ...HOSTUP_ENDPOINTS.patchPreferences, body, read: false });
  }
}

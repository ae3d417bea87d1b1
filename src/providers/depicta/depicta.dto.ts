/** Wire shapes of Depicta's profile endpoints, exactly as Depicta sends them (snake_case). */

/**
 * `user` of the profile responses. Depicta does not say which keys are required; these types
 * are the documented ones and the mapper checks every value before trusting it.
 */
export interface DepictaUserDto {
  id: string;
  email: string;
  email_verified: boolean;
  name: string | null;
  /** ISO 8601. */
  created_at: string;
  /** Decimal string with 6 places, e.g. "9.955000"; includes pending holds. */
  balance_eur: string;
  /** Decimal string with 6 places; "0.000000" when no generation is running. */
  held_eur: string;
  /** EUR cents. */
  credit_limit_cents: number;
  credits_expire_at: string | null;
  /** Present only for users who registered during a free trial and are not yet verified. */
  free_trial_pending_eur?: string | null;
  pending_credit_notice: boolean;
  prompt_analysis_opt_in: boolean;
  /** Connected OAuth providers; the item type is not documented (strings such as "google"). */
  providers: string[] | null;
  two_factor_enabled: boolean;
}

/** `GET` and `PATCH /v1/account/profile` response. */
export interface DepictaProfileResponse {
  user: DepictaUserDto;
}

/** `PATCH /v1/account/profile` request body: the new display name, `null` to clear it. */
export interface DepictaUpdateProfileBody {
  name: string | null;
}

/** Depicta error body; `details` is untyped in the docs (an object such as `{field: "name"}`). */
export interface DepictaErrorDto {
  error?: string;
  message?: string;
  details?: unknown;
  request_id?: string;
}

/** Wire shapes of Diffio's account-settings endpoints, exactly as Diffio sends them (camelCase). */

export interface DiffioBillingPolicyDto {
  type: string;
  reason?: string;
  updatedAt?: string;
  updatedByKeyId?: string;
}

export interface DiffioAccountDto {
  userId: string;
  billingMode?: string;
  billingStatus?: string;
  billingPolicy?: DiffioBillingPolicyDto | null;
  currency: string;
  updatedAt?: string | null;
}

/** `POST /v1/account/settings/get` response. */
export interface DiffioGetSettingsResponse {
  apiKeyId?: string;
  account: DiffioAccountDto;
}

/** `POST /v1/account/settings/update` request body. */
export interface DiffioUpdateSettingsBody {
  billingPolicy: { type: "customerStripe" | "internalDiffio"; reason?: string };
}

/** `POST /v1/account/settings/update` response (`apiKeyId` is not documented but tolerated). */
export interface DiffioUpdateSettingsResponse {
  apiKeyId?: string;
  account: DiffioAccountDto;
}

/** Diffio error body: `{error}` plus an optional `code` in inconsistent casing. */
export interface DiffioErrorDto {
  error?: string;
  code?: string;
}

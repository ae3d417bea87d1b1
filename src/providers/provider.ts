/**
 * The four upstream providers. The string values are the GraphQL enum values and appear in
 * `extensions.provider` of every upstream error.
 */
export enum Provider {
  DIFFIO = "DIFFIO",
  HOSTUP = "HOSTUP",
  CUDO = "CUDO",
  DEPICTA = "DEPICTA",
}

/** All providers in schema order. */
export const ALL_PROVIDERS: readonly Provider[] = Object.values(Provider);

/** Human names used in error messages ("Diffio rejected the request ..."). */
export const PROVIDER_NAMES: Record<Provider, string> = {
  [Provider.DIFFIO]: "Diffio",
  [Provider.HOSTUP]: "Hostup",
  [Provider.CUDO]: "Cudo Compute",
  [Provider.DEPICTA]: "Depicta",
};

import { type ProviderId } from "../contract/provider-facts.js";

/**
 * How many upstream calls one GraphQL request may still make to each provider
 * (`UPSTREAM_CALL_BUDGET` each). Create one per request. A call the budget refuses is never sent,
 * so however many fields or representations an operation has, one request costs each provider at
 * most the budget.
 */
export class UpstreamBudget {
  private readonly used = new Map<ProviderId, number>();

  constructor(readonly perProvider: number) {}

  /** Count one call to `provider`; false (and nothing counted) when its budget is spent. */
  take(provider: ProviderId): boolean {
    const used = this.used.get(provider) ?? 0;
    if (used >= this.perProvider) return false;
    this.used.set(provider, used + 1);
    return true;
  }
}

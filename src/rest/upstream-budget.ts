import { type ProviderId } from "../contract/provider-facts.js";

/**
 * How many upstream requests one GraphQL request may still send to each provider
 * (`UPSTREAM_CALL_BUDGET` each), every attempt counted: a retry takes from it like a first
 * attempt. Create one per request. A call the budget refuses is never sent, and a retry it cannot
 * pay for is not made, so however many fields or representations an operation has and however
 * the provider fails, one request costs each provider at most the budget.
 */
export class UpstreamBudget {
  private readonly used = new Map<ProviderId, number>();

  constructor(readonly perProvider: number) {}

  /** Count one request to `provider` (a call or a retry); false (and nothing counted) when its budget is spent. */
  take(provider: ProviderId): boolean {
    const used = this.used.get(provider) ?? 0;
    if (used >= this.perProvider) return false;
    this.used.set(provider, used + 1);
    return true;
  }
}

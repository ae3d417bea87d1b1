const JSON_TYPES = new Set(["*/*", "application/*", "application/json", "application/graphql-response+json", "multipart/mixed"]);

/**
 * Whether an `Accept` header allows a GraphQL JSON answer. Checked before execution: Apollo
 * negotiates after executing, so a mutation would run and then be answered 406.
 */
export function acceptsGraphQLJson(accept: string | undefined): boolean {
  if (!accept || !accept.trim()) return true;
  return accept.split(",").some(part => {
    const [type = "", ...params] = part.split(";").map(p => p.trim().toLowerCase());
    const q = params.find(p => p.startsWith("q="));
    return JSON_TYPES.has(type) && (q === undefined || Number(q.slice(2)) > 0);
  });
}

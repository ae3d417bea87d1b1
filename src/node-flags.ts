/**
 * V8 flags account-graph is started with: by `npm start`, by the Dockerfile's CMD, by the
 * benchmark and by the soak (a test keeps the first two in step with this list, and checks that
 * this Node accepts it).
 *
 * - `--max-semi-space-size=16`: young-generation semi-spaces of 16 MB. Under load a request's
 *   objects are young when they die, and with 8 MB semi-spaces the scavenger ran often enough to
 *   cost about a tenth of the CPU per request; Node 24's own default grows them until peak RSS
 *   passed 350 MB. 16 MB keeps peak RSS under the benchmark near 190 MB.
 * - `--no-allocation-site-pretenuring`: V8 watches what share of the objects from each allocation
 *   site survive a scavenge and, above 85 %, allocates that site's objects in the old generation
 *   from then on. A burst beyond capacity keeps requests in flight across scavenges, so the request
 *   path's sites cross that line, and the decision outlives the burst: afterwards, at a load the
 *   server handles easily, every request's garbage went to the old generation (about 14 KB a
 *   request instead of 0.3 KB), with a full mark-compact every few seconds, ~20 % more CPU per
 *   request and p99 almost doubled. What this server keeps for long (caches, pools) reaches the
 *   old generation after two scavenges anyway, so pretenuring saves it little; it is off.
 *
 * The figures are in docs/performance.md ("Memory").
 */
export const NODE_FLAGS: readonly string[] = ["--max-semi-space-size=16", "--no-allocation-site-pretenuring"];

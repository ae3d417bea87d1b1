/**
 * V8 flags account-graph is started with: by `npm start`, by the Dockerfile's CMD, by the
 * benchmark and by the soak (a test keeps the first two in step with this list, and checks that
 * this Node accepts it).
 *
 * - `--max-semi-space-size=32`: young-generation semi-spaces of 32 MB. A request's objects die
 *   young if no more than one scavenge happens while it waits for its provider, and a scavenge
 *   comes each time the young generation fills: at 1,000 req/s with providers answering in
 *   200 ms, 16 MB semi-spaces scavenged about every 0.27 s, so requests' objects outlived two
 *   scavenges and were promoted: peak RSS reached 270-280 MB, at 1.08-1.17x the CPU per request
 *   of 32 MB, which peaked at 187-194 MB there and at 500 ms. With 0 ms providers, where few
 *   requests are in flight, 32 MB costs memory instead: closed-loop saturation peaks at 189-213 MB,
 *   against 167-182 MB with 16 MB. Node 24's own default grows them until peak RSS passes 350 MB.
 * - `--min-semi-space-size=32`: and never smaller. V8 shrinks the young generation after a
 *   mark-compact and grows it back slowly, and meanwhile a round of requests took twice the
 *   scavenges.
 * - `--no-memory-reducer`: no mark-compact of V8's own when the server goes idle. That collection
 *   also frees the hidden classes of the request path's objects (none is alive while idle), and
 *   every optimised function that embeds one is thrown away: 177-272 of them at once, so the
 *   first seconds of traffic after an idle spell ran unoptimised and recompiling, p99 up to
 *   15-22 ms where the rounds around read 3-5 (server side, 1,500 req/s). The price: an idle
 *   server keeps its heap at the size its last traffic left it, which is below the peak anyway.
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
export const NODE_FLAGS: readonly string[] = [
  "--max-semi-space-size=32",
  "--min-semi-space-size=32",
  "--no-memory-reducer",
  "--no-allocation-site-pretenuring",
];

/**
 * Environment account-graph is started with, beside {@link NODE_FLAGS}: `npm start` sets it unless
 * the caller already has, the Dockerfile with `ENV`, the benchmark and the soak in the child's
 * environment (the same test keeps them in step).
 *
 * - `MALLOC_ARENA_MAX=2`: glibc's malloc gives each thread that contends for it an arena of its
 *   own, up to eight per core, and keeps what each arena has held. V8's worker threads (compiler
 *   and GC helpers) and Node's own allocate natively beside the main thread, so under load a
 *   server held 25-30 MB in thread arenas; with two, peak RSS under closed-loop load read 12-22 MB
 *   lower in three A/Bs (169-182 against 191-196 MB) at the same CPU per request. musl, which has
 *   no arenas, ignores the variable.
 *
 * The figures are in docs/performance.md ("Memory").
 */
export const START_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: "2" };

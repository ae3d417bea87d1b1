/**
 * V8 flags account-graph is started with: by `npm start`, by the Dockerfile's CMD and by the
 * benchmark (a test keeps the three in step). Young-generation semi-spaces of 16 MB: under load a
 * request's objects are young when they die, and with 8 MB semi-spaces the scavenger ran often
 * enough to cost about a tenth of the CPU per request; Node 24's own default grows them until peak
 * RSS passed 350 MB. 16 MB keeps peak RSS under the benchmark near 190 MB (docs/performance.md).
 */
export const NODE_FLAGS: readonly string[] = ["--max-semi-space-size=16"];

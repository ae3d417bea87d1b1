/**
 * V8 flags account-graph is started with: by `npm start`, by the Dockerfile's CMD and by the
 * benchmark (a test keeps the three in step). Young-generation semi-spaces of 8 MB instead of V8's
 * 16 MB keep peak RSS under the benchmark at ~150–175 MB instead of ~210 MB (measured in
 * docs/performance.md).
 */
export const NODE_FLAGS: readonly string[] = ["--max-semi-space-size=8"];

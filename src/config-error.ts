/**
 * A configuration the server cannot start with, every problem found, one per line: thrown by
 * `loadConfig` and by what is read once at start (the persisted-query manifest). `index.ts`
 * prints it and exits 1, without a stack.
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join("\n  - ")}`);
    this.name = "ConfigError";
  }
}

import { ConfigError } from "../../src/config.js";
import { loadConfig } from "./providers.js";

/** The problems `loadConfig` reports for `env` (empty when the configuration is valid). */
export function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

// Credentials as they appear in text nobody wrote for a log: bearer tokens, credential headers
// (any `X-…-Api-Key`, the form every provider's header takes) and query parameters (`token=`,
// `api_key=`, ...).
const CREDENTIAL_PATTERNS: [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[^\s"',;]+/gi, "$1 [REDACTED]"],
  [/\b(authorization|x-[a-z0-9]+(?:-[a-z0-9]+)*?-api-key)(["']?\s*[:=]\s*["']?)(?!(?:Bearer|Basic) )[^\s"',;]+/gi, "$1$2[REDACTED]"],
  [/\b((?:api[_-]?)?key|token|access[_-]?token|secret|password|passwd|signature|sig)=[^&\s"',;#]+/gi, "$1=[REDACTED]"],
];

/**
 * Redact credential-shaped parts of text whose content nobody controls (an unexpected error's
 * message and stack), for the secrets the server cannot name: known secrets are removed where
 * messages are built (`RestClient`), this is the net under everything else that reaches a log.
 */
export function redactCredentialPatterns(text: string): string {
  let out = text;
  for (const [pattern, replacement] of CREDENTIAL_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * An unexpected error as pino's `err` serializer would write it (type, message, stack, code), with
 * {@link redactCredentialPatterns} applied: what every log line about an error nobody expected uses.
 */
export function loggableError(error: unknown): { type: string; message: string; stack?: string; code?: string } {
  const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
  const code = (error as { code?: unknown } | undefined)?.code;
  return {
    type: name,
    message: redactCredentialPatterns(message),
    ...(stack ? { stack: redactCredentialPatterns(stack) } : {}),
    ...(typeof code === "string" ? { code } : {}),
  };
}

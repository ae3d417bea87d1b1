/** Replace every occurrence of each secret in `text` with `[REDACTED]` (secrets shorter than 4 chars are ignored). */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join("[REDACTED]");
  }
  return out;
}

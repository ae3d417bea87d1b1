/**
 * Wait until `check` holds, polling every few milliseconds; fail with `what` if it still does not
 * after `timeoutMs`. That is a hang guard, not a speed check: it is far beyond what a loaded
 * machine needs, and below jest's own test timeout so that the failure says what was awaited.
 * For conditions that are met at some point rather than after a known delay.
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 45_000,
): Promise<void> {
  const giveUp = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > giveUp) throw new Error(`still waiting after ${timeoutMs} ms: ${what}`);
    await new Promise(resolve => setTimeout(resolve, 5));
  }
}

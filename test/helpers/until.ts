/**
 * Wait until `check` holds, polling every few milliseconds; fail with `what` if it still does not
 * after `timeoutMs` (generous: a loaded machine is slow, and a passing run never waits that long).
 * For conditions that are met at some point rather than after a known delay.
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const giveUp = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > giveUp) throw new Error(`still waiting after ${timeoutMs} ms: ${what}`);
    await new Promise(resolve => setTimeout(resolve, 5));
  }
}

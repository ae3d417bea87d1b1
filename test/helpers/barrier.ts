/**
 * A meeting point for `parties` callers: each `arrive()` resolves once all of them have arrived.
 * Set as a simulator's `control.hold`, it proves that calls were in flight together: made one
 * after the other, the first would wait for ever (and the request would fail on its deadline),
 * whatever the machine's load.
 */
export function barrier(parties: number): { arrive: () => Promise<void>; arrived: () => number } {
  let count = 0;
  let open!: () => void;
  const allThere = new Promise<void>(resolve => (open = resolve));
  return {
    arrive: () => {
      count += 1;
      if (count >= parties) open();
      return allThere;
    },
    arrived: () => count,
  };
}

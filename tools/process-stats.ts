import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/** A free TCP port on `host` (the OS picks one; the probe closes before returning it). */
export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A memory figure of a process in MB from /proc (`VmRSS` now, `VmHWM` peak); NaN without /proc. */
export function procMemoryMb(pid: number | undefined, field: "VmRSS" | "VmHWM"): number {
  try {
    const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** CPU time (s, user + system) a process has used so far, from /proc; NaN where unavailable. */
export function procCpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ").map(Number);
    // utime and stime, in USER_HZ (100 on every Linux Node supports).
    return (fields[11]! + fields[12]!) / 100;
  } catch {
    return NaN;
  }
}

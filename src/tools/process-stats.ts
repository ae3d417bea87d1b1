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

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

/** Busy CPU time (s) of the whole box so far, all cores, from /proc/stat; NaN without /proc. */
export function boxBusySeconds(): number {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal: busy is everything but idle and iowait.
    return (cpu[1]! + cpu[2]! + cpu[3]! + cpu[6]! + cpu[7]! + cpu[8]!) / 100;
  } catch {
    return NaN;
  }
}

/**
 * CPU time (s) used so far by this process, its exited children (once reaped, as Node does on
 * exit) and the running processes `pids`: the whole family a measurement started. Subtracted from
 * {@link boxBusySeconds} it leaves what other processes took from the box meanwhile.
 */
export function familyCpuSeconds(pids: Iterable<number | undefined>): number {
  let total = 0;
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ").map(Number);
    // utime stime cutime cstime
    total = (f[11]! + f[12]! + f[13]! + f[14]!) / 100;
  } catch {
    return NaN;
  }
  for (const pid of pids) {
    const s = procCpuSeconds(pid);
    if (Number.isFinite(s)) total += s; // a process that exited since is in cutime already
  }
  return total;
}

import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/*
 * Which CPUs the servers under test run on, apart from the load generator and the upstream:
 * the upper half of the CPUs this process may use for the servers, the lower half for the driver
 * (this process) and the upstream, through `taskset`. On this 2-core box, servers on CPU 1 and the
 * rest on CPU 0. Shared, every process took turns on both cores, and one server's CPU per request moved from one second
 * to the next with the scheduler as much as with its own code (pairs of 1 s rounds spread over
 * quartiles of ±9 %); apart, each server has a core of its own, as in a deployment, and the same
 * pairs spread over ±3 % (docs/performance.md, "Method"). `BENCH_PIN=false`, a box of one CPU or
 * no `taskset` leave placement to the scheduler.
 */

/** A CPU list for `taskset -c`, e.g. "1" or "2,3". */
type CpuList = string;

// The CPUs this process may run on (`Cpus_allowed_list`, e.g. "0-1" or "2,4-5"): in a container or
// a cgroup they need not start at 0, and `taskset` refuses a CPU outside them.
function allowedCpus(): number[] {
  const line = /^Cpus_allowed_list:\s*(\S+)$/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? "";
  return line.split(",").flatMap(range => {
    const [from, to = from] = range.split("-").map(Number);
    return Array.from({ length: to! - from! + 1 }, (_, i) => from! + i);
  });
}

function cpuSets(): { servers: CpuList; driver: CpuList } | undefined {
  if (process.env.BENCH_PIN === "false") return undefined;
  let cpus: number[];
  try {
    cpus = allowedCpus();
  } catch {
    return undefined; // no /proc: not Linux
  }
  if (cpus.length < 2 || spawnSync("taskset", ["-V"], { stdio: "ignore" }).status !== 0) return undefined;
  const half = Math.floor(cpus.length / 2);
  return { driver: cpus.slice(0, half).join(","), servers: cpus.slice(half).join(",") };
}

/** The CPU sets in use, or undefined when placement is left to the scheduler. */
export const CPU_SETS = cpuSets();

/** Who a process is: a server under test, or the driver's side (the upstream). */
export type Role = "server" | "driver";

/** `command args` run on `role`'s CPUs (`taskset` execs it: the pid is the command's own). */
export function onCpus(role: Role, command: string, args: readonly string[]): [string, string[]] {
  if (!CPU_SETS) return [command, [...args]];
  return ["taskset", ["-c", role === "server" ? CPU_SETS.servers : CPU_SETS.driver, command, ...args]];
}

/** Move this process (every thread it has, and so the load generator) to the driver's CPUs. */
export function pinDriver(): void {
  if (CPU_SETS) execFileSync("taskset", ["-a", "-p", "-c", CPU_SETS.driver, String(process.pid)], { stdio: "ignore" });
}

/** One line for the report: where the processes run. */
export function describeCpuSets(): string {
  return CPU_SETS
    ? `CPUs: servers under test on ${CPU_SETS.servers}, the load generator and the upstream on ${CPU_SETS.driver} (taskset; BENCH_PIN=false shares them)`
    : `CPUs: shared by every process (BENCH_PIN=false, one CPU, or no taskset)`;
}

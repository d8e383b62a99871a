/**
 * CPU time spent by chosen processes (or threads) between two readings, from /proc: a cost per request that load
 * from other programs on the machine barely moves, unlike throughput.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 1000 / 100; // USER_HZ

/** utime + stime of /proc/<path>/stat in ms; 0 when the process is gone. */
function cpuMs(path: string): number {
  try {
    const fields = readFileSync(`/proc/${path}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** Process ids whose parent is `parent`. */
export function childrenOf(parent: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return parentOf(Number(pid)) === parent;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** /proc paths to meter: a pid ("123") or one thread of it ("123/task/123"). */
export type CpuTargets = () => string[];

/** Starts a reading; the returned function gives the CPU ms those targets used since. */
export function startCpuReading(targets: CpuTargets): () => number {
  const before = new Map(targets().map((path) => [path, cpuMs(path)]));
  return () => targets().reduce((sum, path) => sum + cpuMs(path) - (before.get(path) ?? 0), 0);
}

/** The parent process id of `pid`. */
export function parentOf(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
}

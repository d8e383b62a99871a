import { mkdtempSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MEMORY_ROOT = '/dev/shm';
/** Room a memory-backed folder must have left: an npm start's 13 embedded clusters take ~0.5 GB, two run at once. */
const MIN_FREE_BYTES = 4 * 1024 ** 3;

/** Whether a process id is still running (EPERM: it runs as another user). */
export const processAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function memoryRoot(): string | undefined {
  try {
    const fs = statfsSync(MEMORY_ROOT);
    return fs.bavail * fs.bsize >= MIN_FREE_BYTES ? MEMORY_ROOT : undefined;
  } catch {
    return undefined; // no tmpfs here (not Linux, or a container without one)
  }
}

/**
 * A fresh folder for throwaway test data, in memory (/dev/shm) when the machine has room there, else in the temp
 * folder: copying 13 embedded clusters in and removing ~0.5 GB afterwards took seconds each on a busy disk (22 s to
 * remove one platform's folder was measured). Its name carries the creating process's id, so a folder left behind by
 * a killed run (memory, not disk) is removed by the next call once that process is gone.
 */
export function scratchDir(prefix: string): string {
  const root = memoryRoot();
  if (!root) return mkdtempSync(join(tmpdir(), `${prefix}-`));
  for (const name of readdirSync(root)) {
    const owner = name.startsWith(`${prefix}-`) ? Number(name.slice(prefix.length + 1).split('-')[0]) : Number.NaN;
    if (Number.isInteger(owner) && owner > 0 && !processAlive(owner)) rmSync(join(root, name), { recursive: true, force: true });
  }
  return mkdtempSync(join(root, `${prefix}-${process.pid}-`));
}

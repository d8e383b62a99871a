import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processAlive } from '@shop/testing';

/**
 * Waits until no other process holds `name`, then holds it until the returned release is called: browser test files
 * (npm start, a storefront and Chromium each) run one at a time while vitest runs other files beside them, since two
 * at once on 2 cores starved a page past its 30 s waits. A lock file with the holder's pid; a dead holder's is taken over.
 */
export async function holdExclusive(name: string, timeoutMs: number): Promise<() => void> {
  const path = join(tmpdir(), `${name}.lock`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(path, 'utf8'));
    } catch {
      continue; // released meanwhile
    }
    // An empty file is a holder between open and write: alive.
    if (Number.isInteger(holder) && holder > 0 && !processAlive(holder)) {
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${path} still held by process ${holder} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

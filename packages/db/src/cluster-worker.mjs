// Plain JavaScript: this file runs in a worker thread, where no TypeScript loader is registered (tsx, vitest).
// It gives fresh PGlite clusters to the main thread: initdb once into a template, then a copy per data directory.
// Messages: { dir } asks for a cluster in dir (answered with { dir, error? }); { done: true } deletes the template and ends the thread.
import { cpSync, existsSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** @type {{ template: string, extraStartParams: string[] }} */
const { template, extraStartParams } = workerData;
const startParams = [...PGlite.defaultStartParams, ...extraStartParams];

/** @type {Promise<void> | undefined} */
let templateReady;
function ensureTemplate() {
  // A closed cluster is checkpointed, so a plain file copy of it starts without recovery.
  templateReady ??= existsSync(join(template, 'PG_VERSION'))
    ? Promise.resolve()
    : (async () => {
        const pg = new PGlite(template, { startParams });
        await pg.waitReady;
        await pg.close();
      })();
  return templateReady;
}

parentPort?.on('message', async (/** @type {{ dir?: string, done?: boolean }} */ message) => {
  if (message.done) {
    rmSync(template, { recursive: true, force: true });
    parentPort?.close(); // nothing else keeps this thread alive, so it ends here
    return;
  }
  const dir = /** @type {string} */ (message.dir);
  try {
    await ensureTemplate();
    // Copied beside the target and renamed into place, so a crash never leaves a half-copied cluster that looks existing.
    const partial = `${dir}.partial`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(template, partial, { recursive: true });
    if (existsSync(dir)) rmdirSync(dir); // only ever an empty folder: rmdir refuses anything else
    renameSync(partial, dir);
    parentPort?.postMessage({ dir });
  } catch (error) {
    parentPort?.postMessage({ dir, error: error instanceof Error ? error.message : String(error) });
  }
});

// Plain JavaScript: this file runs in a worker thread, where no TypeScript loader is registered (tsx, vitest).
// It gives fresh PGlite clusters to the main thread: a copy per data directory of the cached template (made first
// if `npm install` did not). Messages: { dir } asks for a cluster in dir (answered with { dir, error? }); { done: true }
// ends the thread.
import { cpSync, existsSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { ensureTemplate } from './cluster-template.mjs';

/** @type {Promise<string> | undefined} */
let template;

parentPort?.on('message', async (/** @type {{ dir?: string, done?: boolean }} */ { dir, done }) => {
  if (done || !dir) {
    parentPort?.close(); // nothing else keeps this thread alive, so it ends here
    return;
  }
  try {
    const from = await (template ??= ensureTemplate());
    // Copied beside the target and renamed into place, so a crash never leaves a half-copied cluster that looks existing.
    const partial = `${dir}.partial`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(from, partial, { recursive: true });
    if (existsSync(dir)) rmdirSync(dir); // only ever an empty folder: rmdir refuses anything else
    renameSync(partial, dir);
    parentPort?.postMessage({ dir });
  } catch (error) {
    parentPort?.postMessage({ dir, error: error instanceof Error ? error.message : String(error) });
  }
});

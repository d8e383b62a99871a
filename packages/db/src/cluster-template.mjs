// Plain JavaScript: used by the cluster worker thread (no TypeScript loader there) and by `npm install`'s postinstall.
// An empty, initialised PGlite cluster kept under node_modules/.cache, made once per PGlite version: initdb inside
// PGlite costs seconds of CPU, and copying this template is what gives each fresh embedded database its cluster.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** postgres zeroes its buffer pool at every start, and the default 128 MB cost ~0.5 s a database. */
export const EXTRA_START_PARAMS = ['-c', 'shared_buffers=16MB'];

/** Where the template for the installed PGlite lives: node_modules/.cache/pglite-cluster-<version>. */
export function templateDir() {
  const entry = require.resolve('@electric-sql/pglite');
  const nodeModules = entry.slice(0, entry.lastIndexOf('node_modules') + 'node_modules'.length);
  const { version } = JSON.parse(readFileSync(join(nodeModules, '@electric-sql', 'pglite', 'package.json'), 'utf8'));
  return join(nodeModules, '.cache', `pglite-cluster-${version}`);
}

export const templateExists = (template) => existsSync(join(template, 'PG_VERSION'));

/** Makes the template unless it exists: initdb into a side folder renamed into place, so a crash leaves no half template. */
export async function ensureTemplate(template = templateDir()) {
  if (templateExists(template)) return template;
  const { PGlite } = await import('@electric-sql/pglite');
  const partial = `${template}.partial-${process.pid}-${Date.now()}`;
  mkdirSync(dirname(template), { recursive: true });
  // A closed cluster is checkpointed, so a plain file copy of it starts without recovery.
  const pg = new PGlite(partial, { startParams: [...PGlite.defaultStartParams, ...EXTRA_START_PARAMS] });
  await pg.waitReady;
  await pg.close();
  try {
    renameSync(partial, template);
  } catch (error) {
    // Another process made it first: theirs is as good as ours.
    rmSync(partial, { recursive: true, force: true });
    if (!templateExists(template)) throw error;
  }
  return template;
}

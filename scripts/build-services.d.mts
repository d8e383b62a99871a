import type { BuildResult } from 'esbuild';

/** dist/, where `npm run build:services` puts the bundles. */
export const DIST: string;
/** The bundles by output name (<outdir>/<name>.mjs) and their source entry. */
export const ENTRIES: Record<'serve' | 'gateway' | 'dead-letters', string>;
export function buildServices(options?: { outdir?: string; quiet?: boolean }): Promise<BuildResult<{ metafile: true }>>;

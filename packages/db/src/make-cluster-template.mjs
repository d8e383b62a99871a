// `npm install` (postinstall) makes the embedded databases' cluster template once, so that the first `npm start`
// copies it instead of running initdb inside PGlite. Never fails the install: npm start makes it when missing.
import { ensureTemplate } from './cluster-template.mjs';

try {
  const started = performance.now();
  const template = await ensureTemplate();
  console.log(`embedded PostgreSQL cluster template ready in ${template} (${Math.round(performance.now() - started)} ms)`);
} catch (error) {
  console.warn(`could not prepare the embedded PostgreSQL cluster template (npm start will): ${error instanceof Error ? error.message : error}`);
}

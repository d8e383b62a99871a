/**
 * Writes subgraphs/assistant/persisted-operations.json, the assistant's operations in Apollo's persisted query
 * manifest format, so a gateway in safelist mode runs them (PERSISTED_OPERATIONS_MANIFEST lists it beside the
 * storefront's). test/operations.test.ts fails when it is stale.
 *
 *   tsx subgraphs/assistant/scripts/persisted-manifest.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MANIFEST_URL, manifestText } from '../src/graph/manifest.js';

writeFileSync(MANIFEST_URL, manifestText());
console.log(`wrote ${fileURLToPath(MANIFEST_URL)}`);

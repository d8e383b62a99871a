import { createHash } from 'node:crypto';
import { OPERATIONS } from './operations.js';

/** persisted-operations.json beside schema.graphql: the assistant's operations for a gateway in safelist mode. */
export const MANIFEST_URL = new URL('../../persisted-operations.json', import.meta.url);

/** Apollo's persisted query manifest of every operation the assistant sends (the exact text, hashed as sent). */
export const assistantManifest = () => ({
  format: 'apollo-persisted-query-manifest' as const,
  version: 1 as const,
  operations: OPERATIONS.map((op) => ({ id: createHash('sha256').update(op.text).digest('hex'), name: op.name, type: 'query' as const, body: op.text })),
});

export const manifestText = () => `${JSON.stringify(assistantManifest(), null, 2)}\n`;

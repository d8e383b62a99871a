import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Apollo's persisted query manifest: the format the storefront's build writes (web/scripts/persisted-manifest.ts) and
 * Apollo's client tooling (generate-persisted-query-manifest, Apollo iOS and Kotlin) writes for mobile apps.
 */
export const persistedQueryManifest = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f]{64}$/, 'id must be the lowercase hex SHA-256 of body'),
      name: z.string(),
      type: z.enum(['query', 'mutation', 'subscription']),
      body: z.string().min(1),
    }),
  ),
});
export type PersistedQueryManifest = z.infer<typeof persistedQueryManifest>;

/** The hash APQ and the manifests use: lowercase hex SHA-256 of the exact text sent. */
export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The operations the gateway accepts in safelist mode: body by id, from every manifest given. */
export type Safelist = ReadonlyMap<string, string>;

/** Reads and checks each manifest; a malformed file or an id that is not its body's hash stops the gateway at start. */
export function readSafelist(paths: readonly string[]): Safelist {
  const safelist = new Map<string, string>();
  for (const path of paths) {
    let manifest: PersistedQueryManifest;
    try {
      manifest = persistedQueryManifest.parse(JSON.parse(readFileSync(path, 'utf8')));
    } catch (error) {
      throw new Error(`persisted operations manifest ${path} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const { id, name, body } of manifest.operations) {
      if (sha256Hex(body) !== id) throw new Error(`persisted operations manifest ${path}: ${name}'s id is not the SHA-256 of its body`);
      safelist.set(id, body);
    }
  }
  return safelist;
}

import { buildSupergraph } from '../supergraph-build.js';

/** PRODUCTS_URL for products, MY_REVIEWS_URL for my-reviews. */
export const subgraphUrlVariable = (subgraph: string) => `${subgraph.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`;

/**
 * For a supergraph other than ours: only the subgraphs it names whose <NAME>_URL is set, so every other one is
 * reached at the URL the supergraph gives it (join__graph), not at one of this platform's default ports.
 */
export function subgraphUrlOverrides(supergraphSdl: string, env: Record<string, string | undefined> = process.env): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const { name } of buildSupergraph(supergraphSdl).subgraphsMetadata()) {
    const url = env[subgraphUrlVariable(name)];
    if (url) overrides[name] = url;
  }
  return overrides;
}

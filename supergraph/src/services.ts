/** The subgraphs the gateway composes and routes to, with their default ports (subgraphs/<name>/schema.graphql). */
export const SUBGRAPHS = [
  { name: 'users', port: 4001 },
  { name: 'products', port: 4002 },
  { name: 'inventory', port: 4003 },
  { name: 'orders', port: 4004 },
  { name: 'payments', port: 4005 },
  { name: 'notifications', port: 4006 },
  { name: 'support', port: 4007 },
  { name: 'analytics', port: 4009 },
  { name: 'assistant', port: 4010 },
  { name: 'shipping', port: 4011 },
  { name: 'purchasing', port: 4012 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export const defaultSubgraphUrl = (port: number, host = 'localhost') => `http://${host}:${port}/graphql`;

/** USERS_URL, PRODUCTS_URL, … override the defaults, so the gateway runs unchanged on many machines. */
export function subgraphUrls(env: Record<string, string | undefined> = process.env): Record<SubgraphName, string> {
  return Object.fromEntries(SUBGRAPHS.map(({ name, port }) => [name, env[`${name.toUpperCase()}_URL`] ?? defaultSubgraphUrl(port)])) as Record<SubgraphName, string>;
}

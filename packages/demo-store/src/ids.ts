import { createHash } from 'node:crypto';

/** Deterministic UUIDs (v5-shaped) so every subgraph's seed refers to the same users, products and orders. */
export function stableId(kind: string, key: string): string {
  const hex = createHash('sha1').update(`artesanias:${kind}:${key}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

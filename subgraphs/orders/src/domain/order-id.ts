import { createHash } from 'node:crypto';

/** Fixed namespace for order ids; changing it would break idempotency for orders already placed. */
export const ORDER_ID_NAMESPACE = '8c5f1e0a-3d2b-5a41-9f6e-7b1c2d3e4f50';

/** RFC 9562 UUID version 5 (SHA-1 of namespace + name). */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The order (and reservation) id for a customer's idempotency key: a replay or a concurrent duplicate gets the same
 * id, so it finds the same order and inventory holds its stock once. The customer id has a fixed length, so the
 * name is unambiguous.
 */
export const orderIdFor = (customerId: string, idempotencyKey: string): string => uuidV5(`${customerId.toLowerCase()}:${idempotencyKey}`, ORDER_ID_NAMESPACE);

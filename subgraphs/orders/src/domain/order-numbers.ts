/**
 * The forms of an order number people quote, reduced to the stored one: "ORD-000002", "ord-000002", "ORD-2",
 * "000002" and "2" all mean ORD-000002 (surrounding spaces ignored). Anything else is not an order number: null.
 */
export function normalizeOrderNumber(text: string): string | null {
  const digits = /^\s*(?:ord-?)?0*(\d{1,15})\s*$/i.exec(text)?.[1];
  return digits === undefined ? null : `ORD-${digits.padStart(6, '0')}`;
}

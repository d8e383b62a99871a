import { normalize } from './text.js';

/** What a question asks for; product-bound intents still need the product found in the catalog. */
export type Intent =
  | { kind: 'order'; number: string | null }
  | { kind: 'lowStock' }
  | { kind: 'forecast' }
  | { kind: 'topSellers' }
  | { kind: 'productSales' }
  | { kind: 'stock' }
  | { kind: 'unknown' };

const has = (q: string, patterns: readonly string[]) => patterns.some((p) => new RegExp(`(^| )${p}($| )`).test(q));

const ORDER_WORDS = ['pedido', 'pedidos', 'orden', 'ordenes', 'order', 'orders', 'compra', 'compras'];
const LAST_WORDS = ['ultimo', 'ultima', 'last', 'latest', 'reciente', 'most recent'];
const LOW_STOCK = ['poco stock', 'stock bajo', 'bajo stock', 'bajas existencias', 'pocas existencias', 'existencias bajas', 'pocas unidades', 'low stock', 'running low', 'low on stock', 'por agotarse', 'casi agotados?'];
const FORECAST = ['pronosticos?', 'prevision', 'demanda', 'forecasts?', 'demand', 'predic\\w*', 'se agota\\w*', 'agotara\\w*', 'se acaba\\w*', 'run out', 'runs out', 'stock-?out', 'sell out', 'sells out', 'quiebre', 'reponer', 'restock', 'reorder'];
const TOP = ['mas vendidos?', 'mas vendidas?', 'mas se vende\\w*', 'mejor vendidos?', 'top', 'best sellers?', 'best-sellers?', 'best selling', 'best-selling', 'top sellers?', 'top-selling', 'sells? (the )?most', 'sold (the )?most'];
const SALES = ['ventas?', 'vendi\\w*', 'vendio', 'vendieron', 'vendido\\w*', 'sales', 'sold', 'sell', 'revenue', 'ingresos?', 'facturado'];
const STOCK = ['stock', 'existencias?', 'unidades', 'disponibles?', 'inventario', 'hay', 'quedan?', 'tienen', 'in stock', 'available', 'left', 'how many', 'cuantos?', 'cuantas?', 'units'];

/** Reads a question (Spanish or English) as one intent; checked from the most specific to the most general. */
export function classify(question: string): Intent {
  const q = normalize(question);
  const number = q.match(/(?:^| )((?:ord-?)?\d{1,9})(?:$| )/);
  const orderNumber = q.match(/(?:^| )ord-?(\d{1,9})(?:$| )/);
  if (orderNumber) return { kind: 'order', number: `ORD-${orderNumber[1]!.padStart(6, '0')}` };
  if (has(q, ORDER_WORDS)) {
    if (number && /^\d+$/.test(number[1]!) && Number(number[1]) > 0 && !has(q, ['dias', 'days'])) return { kind: 'order', number: `ORD-${number[1]!.padStart(6, '0')}` };
    if (has(q, LAST_WORDS) || has(q, ['estado', 'status', 'donde', 'where', 'mi', 'my'])) return { kind: 'order', number: null };
  }
  if (has(q, LOW_STOCK)) return { kind: 'lowStock' };
  if (has(q, FORECAST)) return { kind: 'forecast' };
  if (has(q, TOP)) return { kind: 'topSellers' };
  if (has(q, SALES)) return { kind: 'productSales' };
  if (has(q, STOCK)) return { kind: 'stock' };
  return { kind: 'unknown' };
}

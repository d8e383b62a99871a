import { describe, expect, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { classify } from '../src/domain/intents.js';
import { detectLanguage } from '../src/domain/language.js';
import { parsePeriod } from '../src/domain/periods.js';
import { matchProducts, pickProduct } from '../src/domain/product-matching.js';

const catalog = demo.products.map((p) => ({ id: p.id, name: p.name, sku: p.sku, seller: { id: p.sellerId, name: '' } }));
const named = (question: string) => {
  const found = pickProduct(matchProducts(question, catalog));
  return found && 'product' in found ? found.product.name : found;
};

describe('reading a question', () => {
  it.each([
    ['¿Cuántas Mochila Wayuu Tutu hay disponibles?', 'stock'],
    ['How many Mochila Wayuu Tutu are in stock?', 'stock'],
    ['¿Cómo va el pedido ORD-000123?', 'order'],
    ['status of order ord-7', 'order'],
    ['¿Dónde está mi último pedido?', 'order'],
    ['Where is my last order?', 'order'],
    ['¿Qué fue lo más vendido este mes?', 'topSellers'],
    ['What were the top sellers in the last 30 days?', 'topSellers'],
    ['¿Cuándo se agota la Hamaca Infantil?', 'forecast'],
    ['Demand forecast for Hamaca Infantil', 'forecast'],
    ['When will the Hamaca Infantil run out?', 'forecast'],
    ['¿Qué productos tienen pocas existencias?', 'lowStock'],
    ['Which products are low on stock?', 'lowStock'],
    ['¿Cuánto vendió la Mochila Wayuu Tutu este mes?', 'productSales'],
    ['¿Qué debo reponer?', 'forecast'],
    ['cuéntame un chiste', 'unknown'],
  ])('%s → %s', (question, kind) => {
    expect(classify(question).kind).toBe(kind);
  });

  it('normalizes order numbers as customers quote them', () => {
    expect(classify('¿Cómo va el pedido ORD-000123?')).toEqual({ kind: 'order', number: 'ORD-000123' });
    expect(classify('status of order ord-7')).toEqual({ kind: 'order', number: 'ORD-000007' });
    expect(classify('estado del pedido 42')).toEqual({ kind: 'order', number: 'ORD-000042' });
    expect(classify('my last order')).toEqual({ kind: 'order', number: null });
  });

  it('tells Spanish from English', () => {
    expect(detectLanguage('¿Cuántas hay?')).toBe('es');
    expect(detectLanguage('cuantas mochilas quedan')).toBe('es');
    expect(detectLanguage('How many are left?')).toBe('en');
    expect(detectLanguage('What were the top sellers this month?')).toBe('en');
  });

  it('finds the product named, forgiving accents, case, plurals and one typo; asks which when several fit', () => {
    expect(named('cuantas ollas de barro raquira quedan')).toBe('Olla de Barro Ráquira');
    expect(named('Is the HAMACA CHINCHORO GUAJIRO in stock?')).toBe('Hamaca Chinchorro Guajiro');
    expect(named('stock of hamaca chinchoro guajiro')).toBe('Hamaca Chinchorro Guajiro');
    expect(named('sombrero vueltiao 19 vueltas')).toBe('Sombrero Vueltiao 19 Vueltas');
    expect(named('stock de MOC-003')).toBe('Mochila Wayuu Tutu');
    expect(named('cuéntame un chiste')).toBeNull();
    const ambiguous = pickProduct(matchProducts('mochila wayuu', catalog));
    expect(ambiguous && 'candidates' in ambiguous && ambiguous.candidates.length).toBeGreaterThan(1);
  });

  it('reads the period asked for (UTC), the last 30 days when none', () => {
    const now = new Date('2026-12-06T19:00:00Z');
    expect(parsePeriod('lo más vendido este mes', now)).toMatchObject({ from: new Date('2026-12-01T00:00:00Z'), to: now });
    expect(parsePeriod('top sellers last month', now)).toMatchObject({ from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') });
    expect(parsePeriod('últimos 7 días', now)).toMatchObject({ from: new Date('2026-11-29T19:00:00Z'), to: now });
    expect(parsePeriod('this week', now).from).toEqual(new Date('2026-11-30T00:00:00Z'));
    expect(parsePeriod('top sellers', now)).toMatchObject({ from: new Date('2026-11-06T19:00:00Z'), to: now });
  });
});

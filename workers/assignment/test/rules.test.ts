import { describe, expect, it } from 'vitest';
import { normalizeText, prioritize, priorityOf, RULES, type TicketFacts } from '../src/domain/rules.js';

const cop = (pesos: number) => ({ amountMinor: pesos * 100, currency: 'COP' });
const facts = (over: Partial<TicketFacts> = {}): TicketFacts => ({
  subject: 'Pregunta sobre mi pedido',
  message: 'Hola, quisiera saber el estado de mi pedido.',
  orderTotal: cop(200_000),
  failedPayments: 0,
  otherOpenTickets: 0,
  ...over,
});

describe('the prioritization rules', () => {
  // One row per rule and per combination the README documents: the facts, the priority, and which rules fired.
  const cases: { name: string; facts: TicketFacts; priority: string; fired: string[] }[] = [
    { name: 'nothing special', facts: facts(), priority: 'NORMAL', fired: [] },
    { name: '"fraude" in the message', facts: facts({ message: 'Creo que es un FRAUDE' }), priority: 'URGENT', fired: ['fraud-words'] },
    { name: '"cobro doble" with accents and punctuation around', facts: facts({ message: '¡Me hicieron un cobro   doble!' }), priority: 'URGENT', fired: ['fraud-words'] },
    { name: '"charged twice" in the subject', facts: facts({ subject: 'I was charged twice' }), priority: 'URGENT', fired: ['fraud-words'] },
    { name: 'a failed payment on the order', facts: facts({ failedPayments: 1 }), priority: 'HIGH', fired: ['failed-payment'] },
    { name: 'a high-value order (COP 1,000,000)', facts: facts({ orderTotal: cop(1_000_000) }), priority: 'HIGH', fired: ['high-value-order'] },
    { name: 'just under the high value', facts: facts({ orderTotal: cop(999_999) }), priority: 'NORMAL', fired: [] },
    { name: '"urgente" (any case, accents)', facts: facts({ subject: 'URGENTE' }), priority: 'HIGH', fired: ['urgent-words'] },
    { name: '"never arrived"', facts: facts({ message: 'My package never arrived.' }), priority: 'HIGH', fired: ['missing-delivery'] },
    { name: '"nunca llegó" (accent)', facts: facts({ message: 'El pedido nunca llegó' }), priority: 'HIGH', fired: ['missing-delivery'] },
    { name: 'a failed payment on a high-value order', facts: facts({ failedPayments: 2, orderTotal: cop(2_000_000) }), priority: 'URGENT', fired: ['failed-payment', 'high-value-order'] },
    { name: 'urgent words and a missing delivery', facts: facts({ message: 'Urgente: no ha llegado' }), priority: 'URGENT', fired: ['urgent-words', 'missing-delivery'] },
    { name: 'three other open tickets', facts: facts({ otherOpenTickets: 3 }), priority: 'NORMAL', fired: ['many-open-tickets'] },
    { name: 'three other open tickets and a failed payment', facts: facts({ otherOpenTickets: 3, failedPayments: 1 }), priority: 'HIGH', fired: ['failed-payment', 'many-open-tickets'] },
    { name: 'two other open tickets do not count', facts: facts({ otherOpenTickets: 2 }), priority: 'NORMAL', fired: [] },
    { name: 'a low-value order (under COP 50,000)', facts: facts({ orderTotal: cop(49_999) }), priority: 'LOW', fired: ['low-value-order'] },
    { name: 'a low-value order with urgent words', facts: facts({ orderTotal: cop(20_000), message: 'urgent please' }), priority: 'NORMAL', fired: ['urgent-words', 'low-value-order'] },
    { name: 'a low-value order with fraud words', facts: facts({ orderTotal: cop(20_000), message: 'esto es una estafa' }), priority: 'HIGH', fired: ['fraud-words', 'low-value-order'] },
    { name: 'a USD order over USD 300', facts: facts({ orderTotal: { amountMinor: 300_00, currency: 'USD' } }), priority: 'HIGH', fired: ['high-value-order'] },
    { name: 'a currency without thresholds fires no value rule', facts: facts({ orderTotal: { amountMinor: 1, currency: 'EUR' } }), priority: 'NORMAL', fired: [] },
    { name: 'a word inside a longer word does not count ("urgentemente")', facts: facts({ message: 'urgentemente' }), priority: 'NORMAL', fired: [] },
  ];

  it.each(cases)('$name -> $priority', ({ facts: f, priority, fired }) => {
    const result = prioritize(f);
    expect(result.priority).toBe(priority);
    expect(RULES.filter((rule) => rule.applies(f)).map((rule) => rule.id)).toEqual(fired);
    expect(result.reasons).toHaveLength(Math.max(fired.length, 1));
  });

  it('says why, in words, for each rule that fired', () => {
    const result = prioritize(facts({ message: 'Me cobraron dos veces, es urgente', failedPayments: 1 }));
    expect(result.reasons).toEqual(['mentions fraud or a double charge ("me cobraron dos veces")', 'the order has 1 failed payment', 'asks for urgency ("urgente")']);
    expect(prioritize(facts()).reasons).toEqual(['no rule applied: the usual priority']);
  });

  it('maps points to priorities at the documented bounds', () => {
    expect([-2, -1, 0, 1, 2, 3, 4, 9].map(priorityOf)).toEqual(['LOW', 'LOW', 'NORMAL', 'NORMAL', 'HIGH', 'HIGH', 'URGENT', 'URGENT']);
  });

  it('normalizes case, accents and punctuation', () => {
    expect(normalizeText('¡NUNCA llegó!  ¿Qué pasó?')).toBe(' nunca llego que paso ');
  });
});

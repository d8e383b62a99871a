import type { TicketPriorityName } from '../contract.js';

/** What the rules look at when a ticket is opened (README.md, "Rules"). */
export interface TicketFacts {
  subject: string;
  message: string;
  /** The order's total when the ticket was opened, in minor units. */
  orderTotal: { amountMinor: number; currency: string };
  /** Failed payments the worker has seen for the ticket's order. */
  failedPayments: number;
  /** The customer's other tickets that are not CLOSED. */
  otherOpenTickets: number;
}

export interface Rule {
  /** Stable name, for tests and logs. */
  id: string;
  /** Points the rule adds when it applies (negative lowers the priority). */
  points: number;
  /** Why, in the words ticket.prioritized carries (admins read them on the ticket). */
  reason: (facts: TicketFacts) => string;
  applies: (facts: TicketFacts) => boolean;
}

/** Order values that count as high or low, per currency (minor units); a currency not listed fires neither rule. */
export const VALUE_THRESHOLDS: Readonly<Record<string, { high: number; low: number }>> = {
  COP: { high: 1_000_000_00, low: 50_000_00 },
  USD: { high: 300_00, low: 15_00 },
};

/** Phrases per concern, Spanish and English, matched on the subject and message without case or accents, as whole words. */
export const PHRASES = {
  fraud: ['fraude', 'fraudulento', 'estafa', 'cobro doble', 'doble cobro', 'me cobraron dos veces', 'cobrado dos veces', 'fraud', 'scam', 'charged twice', 'double charge', 'double charged', 'unauthorized charge', 'cargo no autorizado'],
  urgent: ['urgente', 'urgencia', 'lo antes posible', 'inmediato', 'urgent', 'asap', 'immediately', 'emergency'],
  missing: ['nunca llego', 'no ha llegado', 'no llego', 'no me ha llegado', 'sin llegar', 'perdido', 'never arrived', 'not arrived', 'has not arrived', "hasn't arrived", 'never received', 'not received', 'lost package'],
} as const;

/** Lowercase, accents off, punctuation to spaces: "¡URGENTE! ¿Llegó?" -> " urgente llego ". */
export const normalizeText = (text: string): string =>
  ` ${text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}']+/gu, ' ').trim()} `;

/** The phrases of the list that occur as whole words in the ticket's subject or message. */
export function phrasesIn(facts: Pick<TicketFacts, 'subject' | 'message'>, phrases: readonly string[]): string[] {
  const text = normalizeText(`${facts.subject} ${facts.message}`);
  return phrases.filter((phrase) => text.includes(normalizeText(phrase)));
}

const quoted = (words: string[]) => words.map((w) => `"${w}"`).join(', ');
const threshold = (facts: TicketFacts) => VALUE_THRESHOLDS[facts.orderTotal.currency.toUpperCase()];

/**
 * The rules, one line each: every rule that applies adds its points, and the sum picks the priority (priorityOf).
 * A fraud or double-charge word is URGENT on its own; a failed payment, a high-value order, an urgent word or a missing
 * delivery are HIGH each, and two of them together URGENT; a low-value order with nothing else is LOW.
 */
export const RULES: readonly Rule[] = [
  { id: 'fraud-words', points: 4, applies: (f) => phrasesIn(f, PHRASES.fraud).length > 0, reason: (f) => `mentions fraud or a double charge (${quoted(phrasesIn(f, PHRASES.fraud))})` },
  { id: 'failed-payment', points: 2, applies: (f) => f.failedPayments > 0, reason: (f) => `the order has ${f.failedPayments} failed payment${f.failedPayments === 1 ? '' : 's'}` },
  { id: 'high-value-order', points: 2, applies: (f) => !!threshold(f) && f.orderTotal.amountMinor >= threshold(f)!.high, reason: (f) => `high-value order (${f.orderTotal.amountMinor / 100} ${f.orderTotal.currency})` },
  { id: 'urgent-words', points: 2, applies: (f) => phrasesIn(f, PHRASES.urgent).length > 0, reason: (f) => `asks for urgency (${quoted(phrasesIn(f, PHRASES.urgent))})` },
  { id: 'missing-delivery', points: 2, applies: (f) => phrasesIn(f, PHRASES.missing).length > 0, reason: (f) => `says the order did not arrive (${quoted(phrasesIn(f, PHRASES.missing))})` },
  { id: 'many-open-tickets', points: 1, applies: (f) => f.otherOpenTickets >= 3, reason: (f) => `the customer has ${f.otherOpenTickets} other open tickets` },
  { id: 'low-value-order', points: -1, applies: (f) => !!threshold(f) && f.orderTotal.amountMinor < threshold(f)!.low, reason: (f) => `low-value order (${f.orderTotal.amountMinor / 100} ${f.orderTotal.currency})` },
];

/** Points to priority: below 0 LOW, 0 to 1 NORMAL, 2 to 3 HIGH, 4 and more URGENT. */
export function priorityOf(score: number): TicketPriorityName {
  if (score >= 4) return 'URGENT';
  if (score >= 2) return 'HIGH';
  if (score >= 0) return 'NORMAL';
  return 'LOW';
}

export interface Prioritization {
  priority: TicketPriorityName;
  score: number;
  /** The reasons of the rules that applied, in table order; one line when none did. */
  reasons: string[];
}

/** Applies the rule table to one ticket's facts. */
export function prioritize(facts: TicketFacts, rules: readonly Rule[] = RULES): Prioritization {
  const fired = rules.filter((rule) => rule.applies(facts));
  const score = fired.reduce((sum, rule) => sum + rule.points, 0);
  return { priority: priorityOf(score), score, reasons: fired.length ? fired.map((rule) => rule.reason(facts)) : ['no rule applied: the usual priority'] };
}

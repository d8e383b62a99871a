import type { Language } from './language.js';

const locale = (language: Language) => (language === 'es' ? 'es-CO' : 'en-US');

/** "249.900 COP" / "COP 249,900": the amount as the Money field gives it, grouped the language's way. */
export function money(value: { amount: string; currency: string }, language: Language): string {
  const figure = new Intl.NumberFormat(locale(language), { maximumFractionDigits: 2 }).format(Number(value.amount)).replace(/\s/g, ' ');
  return language === 'es' ? `${figure} ${value.currency}` : `${value.currency} ${figure}`;
}

export const count = (n: number, language: Language) => new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(n);

/** "1 de noviembre de 2026" / "November 1, 2026" (UTC: the shop's dates are days, not instants). */
export const date = (iso: string | Date, language: Language) =>
  new Date(iso).toLocaleDateString(locale(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const STATUS: Record<string, { es: string; en: string }> = {
  AWAITING_PAYMENT: { es: 'esperando el pago', en: 'awaiting payment' },
  PAID: { es: 'pagado', en: 'paid' },
  SHIPPED: { es: 'enviado', en: 'shipped' },
  DELIVERED: { es: 'entregado', en: 'delivered' },
  CANCELLED: { es: 'cancelado', en: 'cancelled' },
};
export const orderStatus = (status: string, language: Language) => STATUS[status]?.[language] ?? status;

import { LOCALE } from './money';

/** A noun's forms by CLDR plural category; "many" (es: a million and up, "1.000.000 de …") falls back to "other". */
export interface PluralForms {
  one: string;
  other: string;
  many?: string;
}

export const ITEM: PluralForms = { one: 'artículo', other: 'artículos' };
export const ORDER: PluralForms = { one: 'pedido', other: 'pedidos' };
export const PRODUCT: PluralForms = { one: 'producto', other: 'productos' };
export const UNIT: PluralForms = { one: 'unidad', other: 'unidades' };
export const TICKET: PluralForms = { one: 'ticket', other: 'tickets' };
export const NOTIFICATION: PluralForms = { one: 'notificación', other: 'notificaciones' };
export const UNREAD: PluralForms = { one: 'notificación sin leer', other: 'notificaciones sin leer' };

const pluralRules = new Intl.PluralRules(LOCALE);
const integers = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });

/** A whole number as es-CO writes it ("12.345"). */
export const formatCount = (count: number): string => integers.format(count);

/** The form of `forms` that es-CO uses for `count`. */
export function pluralForm(count: number, forms: PluralForms): string {
  const category = pluralRules.select(count);
  if (category === 'one') return forms.one;
  if (category === 'many') return forms.many ?? forms.other;
  return forms.other;
}

/** "1 artículo", "2 artículos", "12.345 productos". */
export const countOf = (count: number, forms: PluralForms): string => `${formatCount(count)} ${pluralForm(count, forms)}`;

/** A wait in the largest unit that keeps it whole enough to read: "1 segundo", "45 segundos", "15 minutos". */
export function formatWait(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  const [value, unit] = seconds < 90 ? [Math.max(1, Math.ceil(seconds)), 'second'] : minutes < 90 ? [minutes, 'minute'] : [Math.ceil(seconds / 3600), 'hour'];
  return new Intl.NumberFormat(LOCALE, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

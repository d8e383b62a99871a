/**
 * Money arrives as a Decimal string in major units ("249900.00"). It is formatted by splitting the
 * string: the integer part goes through Intl.NumberFormat as a BigInt (exact at any size) and the
 * fraction digits are appended as they are, so no amount ever passes through a float.
 */
export interface MoneyLike {
  amount: string;
  currency: string;
}

export const LOCALE = 'es-CO';

const formatters = new Map<string, Intl.NumberFormat>();
function formatterFor(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 });
    formatters.set(key, formatter);
  }
  return formatter;
}

function currencyDigits(currency: string, locale: string): number {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? ',';
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** "249900.00" COP -> "$ 249.900"; "12.5" USD -> "US$ 12,50". Whole amounts drop their zero cents. */
export function formatMoney(money: MoneyLike, locale = LOCALE): string {
  const match = DECIMAL.exec(money.amount.trim());
  if (!match) return `${money.amount} ${money.currency}`;
  const [, minus, integer, fraction = ''] = match;
  const parts = formatterFor(money.currency, locale).formatToParts(BigInt(integer!));
  const trimmed = fraction.replace(/0+$/, '');
  let cents = '';
  // Cents show as a pair even where ICU rounds the currency to whole units (COP in es-CO): the amount is exact, not rounded.
  if (trimmed) cents = decimalSeparator(locale) + trimmed.padEnd(Math.max(2, currencyDigits(money.currency, locale), trimmed.length), '0');
  let text = '';
  let lastNumberPart = -1;
  parts.forEach((part, i) => {
    if (part.type === 'integer' || part.type === 'group') lastNumberPart = i;
  });
  parts.forEach((part, i) => {
    text += part.value;
    if (i === lastNumberPart) text += cents;
  });
  return minus && /[1-9]/.test(integer! + fraction) ? `-${text}` : text;
}

/** Decimal string times a whole quantity, exactly (for a cart line before the server snapshots it). */
export function multiplyDecimal(amount: string, quantity: number): string {
  const match = DECIMAL.exec(amount.trim());
  if (!match) return amount;
  const [, minus, integer, fraction = ''] = match;
  const scaled = BigInt(integer! + fraction) * BigInt(quantity);
  return fromScaled(minus ? -scaled : scaled, fraction.length);
}

/** Sum of Decimal strings, exactly. */
export function sumDecimals(amounts: string[]): string {
  const scale = Math.max(0, ...amounts.map((a) => a.split('.')[1]?.length ?? 0));
  let total = 0n;
  for (const amount of amounts) {
    const [integer = '0', fraction = ''] = amount.replace('-', '').split('.');
    const value = BigInt(integer + fraction.padEnd(scale, '0'));
    total += amount.startsWith('-') ? -value : value;
  }
  return fromScaled(total, scale);
}

function fromScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${text}` : text;
}

/**
 * A price as a person types it in es-CO ("185.000", "185.000,50", "185000" or "185000.50") to the
 * API's Decimal string, by string rules only. Returns null when it is not a price.
 */
export function parsePriceInput(text: string): string | null {
  let value = text.trim().replace(/\s|\$/g, '');
  if (value.includes(',')) value = value.replace(/\./g, '').replace(',', '.');
  else if (!/^\d+\.\d{1,2}$/.test(value)) value = value.replace(/\./g, '');
  return /^\d+(\.\d{1,2})?$/.test(value) ? value : null;
}

/** Money is kept as exact integers of the minor unit; these convert to and from the contract's Decimal string. */
export const MINOR_DIGITS = 2;
const DECIMAL_RE = /^(\d{1,15})(?:\.(\d{1,2}))?$/;

export interface Money {
  amount: string;
  currency: string;
}

/** "249900.5" -> 24990050n; null when the string is not a non-negative decimal with at most 2 fraction digits. */
export function parseDecimalToMinor(value: string): bigint | null {
  const match = DECIMAL_RE.exec(value.trim());
  if (!match) return null;
  const [, whole, fraction = ''] = match;
  return BigInt(whole!) * 10n ** BigInt(MINOR_DIGITS) + BigInt(fraction.padEnd(MINOR_DIGITS, '0'));
}

/** 24990050n -> "249900.50" */
export function formatMinor(minor: bigint): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const scale = 10n ** BigInt(MINOR_DIGITS);
  const whole = abs / scale;
  const fraction = (abs % scale).toString().padStart(MINOR_DIGITS, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

export function money(minor: bigint, currency: string): Money {
  return { amount: formatMinor(minor), currency };
}

/** The largest total one order may have, in minor units (far inside PostgreSQL's bigint). */
export const MAX_ORDER_TOTAL_MINOR = 10n ** 17n - 1n;

/** Every line's unit price times its quantity, in minor units: exact, as bigint. */
export const linesTotalMinor = (lines: readonly { unitPriceMinor: bigint; quantity: number }[]): bigint =>
  lines.reduce((sum, line) => sum + line.unitPriceMinor * BigInt(line.quantity), 0n);

/** What the customer pays: the lines plus the shipping quoted at checkout (none without shipping), to the minor unit. */
export const orderTotalMinor = (lines: readonly { unitPriceMinor: bigint; quantity: number }[], shippingCostMinor: bigint | null): bigint =>
  linesTotalMinor(lines) + (shippingCostMinor ?? 0n);

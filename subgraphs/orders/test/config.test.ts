import { describe, expect, it } from 'vitest';
import { readConfig } from '@shop/common';
import { configSchema } from '@shop/kernel';
import { parseDurationMs } from '../src/duration.js';
import { orders } from '../src/subgraph.js';

/** The orders config exactly as the kernel reads it at start. */
const readOrdersConfig = (env: Record<string, string | undefined>) => readConfig(configSchema(orders.name, orders.port, orders.config), env);

describe('orders configuration', () => {
  it('defaults the reservation TTL to 15 minutes and the expiry sweep to 5 seconds', () => {
    const config = readOrdersConfig({});
    expect(config.RESERVATION_TTL).toBe(15 * 60_000);
    expect(config.EXPIRY_SWEEP_INTERVAL).toBe(5_000);
    expect(config.INVENTORY_URL).toBe('http://localhost:4003/graphql');
  });

  it.each([
    ['900000', 900_000],
    ['PT15M', 900_000],
    ['PT1H30M', 5_400_000],
    ['P1DT2H', 93_600_000],
    ['PT0.5S', 500],
    ['P1W', 604_800_000],
  ])('reads RESERVATION_TTL=%s as %i ms', (value, ms) => {
    expect(readOrdersConfig({ RESERVATION_TTL: value }).RESERVATION_TTL).toBe(ms);
  });

  it.each(['15 minutes', 'P', 'PT', '-5', 'PT15X', '0'])('refuses RESERVATION_TTL=%s at start', (value) => {
    expect(() => readOrdersConfig({ RESERVATION_TTL: value })).toThrow(/RESERVATION_TTL/);
  });

  it('parses durations without config around them', () => {
    expect(parseDurationMs(' PT2M ')).toBe(120_000);
    expect(parseDurationMs('pt2m')).toBe(120_000);
    expect(parseDurationMs('2m')).toBeNull();
  });
});
